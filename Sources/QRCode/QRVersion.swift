/// The geometry and codeword capacity of one symbol version (1...40), from ISO/IEC 18004.
struct QRVersion: Sendable, Equatable {
    /// The smallest version number.
    static let minimum = 1
    /// The largest version number.
    static let maximum = 40

    /// The version number, 1...40.
    let number: Int

    /// Wraps a version number the caller has already checked to be in 1...40.
    init(_ number: Int) {
        precondition((Self.minimum...Self.maximum).contains(number), "QR version \(number) is outside 1...40")
        self.number = number
    }

    /// Modules along one side: 21 for version 1, growing by 4 per version.
    var size: Int { number * 4 + 17 }

    /// Row and column coordinates of alignment pattern centres; empty for version 1.
    ///
    /// The centres run from 6 to `size - 7`, evenly spaced by an even step except for the first
    /// gap, which takes up the slack (ISO/IEC 18004 Annex E). Version 32 is the one version whose
    /// step the standard sets 2 modules below the rounded-up even value.
    var alignmentCentres: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let last = size - 7
        let gaps = count - 1
        let step = number == 32 ? 26 : ((last - 6 + gaps - 1) / gaps + 1) / 2 * 2
        var centres = [6]
        for index in stride(from: gaps - 1, through: 1, by: -1) {
            centres.append(last - index * step)
        }
        centres.append(last)
        return centres
    }

    /// Modules left for codewords once every function pattern and the format and version
    /// information are placed; may exceed `8 * totalCodewords` by up to 7 remainder bits.
    var dataModuleCount: Int {
        let side = size
        var count = side * side
        count -= 3 * 64  // finder patterns with their separators
        count -= 31  // both copies of the format information and the dark module
        count -= 2 * (side - 16)  // timing patterns between the separators
        let centres = number / 7 + 2
        if number > 1 {
            count -= 25 * (centres * centres - 3)  // alignment patterns, minus the finder corners
            count += 10 * (centres - 2)  // alignment patterns that overlap a timing pattern
        }
        if number >= 7 {
            count -= 36  // both copies of the version information
        }
        return count
    }

    /// Data plus error correction codewords in the symbol.
    var totalCodewords: Int { dataModuleCount / 8 }

    /// How the codewords split into Reed–Solomon blocks at a correction level.
    func blocks(_ correction: QRErrorCorrection) -> QRBlockLayout {
        QRBlockLayout(
            totalCodewords: totalCodewords,
            blockCount: Int(Self.blockCounts[correction.tableIndex][number - 1]),
            correctionCodewordsPerBlock: Int(Self.correctionCodewordsPerBlock[correction.tableIndex][number - 1])
        )
    }

    /// Data codewords the symbol holds at a correction level.
    func dataCodewords(_ correction: QRErrorCorrection) -> Int {
        blocks(correction).dataCodewords
    }

    /// Error correction codewords per block, by level (L, M, Q, H) and version (ISO/IEC 18004 Table 9).
    private static let correctionCodewordsPerBlock: [[UInt8]] = [
        [
            7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
            28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
            26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        [
            13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
            28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
            30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Number of Reed–Solomon blocks, by level (L, M, Q, H) and version (ISO/IEC 18004 Table 9).
    private static let blockCounts: [[UInt8]] = [
        [
            1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
            8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        ],
        [
            1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
            17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        ],
        [
            1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
            23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        ],
        [
            1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
            25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]
}

/// The split of a symbol's codewords into Reed–Solomon blocks. When the total does not divide
/// evenly, the last `longBlockCount` blocks carry one more data codeword than the others.
struct QRBlockLayout: Sendable, Equatable {
    /// Data plus error correction codewords in the symbol.
    let totalCodewords: Int
    /// Number of blocks.
    let blockCount: Int
    /// Error correction codewords appended to every block.
    let correctionCodewordsPerBlock: Int

    /// Data codewords in all blocks together.
    var dataCodewords: Int { totalCodewords - blockCount * correctionCodewordsPerBlock }
    /// Blocks with one extra data codeword.
    var longBlockCount: Int { totalCodewords % blockCount }
    /// Data codewords in a short block.
    var shortBlockDataCodewords: Int { totalCodewords / blockCount - correctionCodewordsPerBlock }
}
