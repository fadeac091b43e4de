import Testing

@testable import QRCode

/// Codewords, format and version words compared with values published in ISO/IEC 18004 and
/// widely used worked examples.
@Suite("Known answers")
struct QRKnownAnswerTests {
    /// Data and error correction codewords of a single-block version 1 symbol.
    private func version1Codewords(_ text: String, _ correction: QRErrorCorrection) -> (data: [UInt8], all: [UInt8]) {
        let version = QRVersion(1)
        let segments = QRSegmentPlanner.segments(for: Array(text.utf8), sizeClass: 0)
        let data = QRCodewords.data(segments: segments, version: version, correction: correction)
        return (data, QRCodewords.interleaved(data: data, version: version, correction: correction))
    }

    @Test("HELLO WORLD at 1-Q gives the worked example's 13 data and 13 error correction codewords")
    func helloWorldQuartile() {
        let (data, all) = version1Codewords("HELLO WORLD", .quartile)

        #expect(data == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236])
        #expect(Array(all.suffix(13)) == [168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16])
    }

    @Test("HELLO WORLD at 1-M gives the worked example's codewords")
    func helloWorldMedium() {
        let (data, all) = version1Codewords("HELLO WORLD", .medium)

        #expect(data == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17])
        #expect(Array(all.suffix(10)) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("01234567 at 1-M gives the codewords of ISO/IEC 18004 Annex I")
    func isoNumericExample() {
        let (data, all) = version1Codewords("01234567", .medium)

        #expect(data == [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17])
        #expect(Array(all.suffix(10)) == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
    }

    @Test("the degree 10 generator polynomial matches the published one")
    func generatorPolynomial() {
        #expect(ReedSolomonEncoder(degree: 10).generator == [1, 216, 194, 159, 111, 199, 94, 95, 113, 157, 193])
    }

    @Test("format words match ISO/IEC 18004 Table C.1")
    func formatWords() {
        let medium = (0..<8).map { QRFormatInformation.formatBits(correction: .medium, mask: $0) }
        let published = [
            "101010000010010", "101000100100101", "101111001111100", "101101101001011",
            "100010111111001", "100000011001110", "100111110010111", "100101010100000",
        ]

        #expect(medium == published.map { Int($0, radix: 2) })
        #expect(QRFormatInformation.formatBits(correction: .low, mask: 0) == Int("111011111000100", radix: 2))
        #expect(QRFormatInformation.formatBits(correction: .quartile, mask: 0) == Int("011010101011111", radix: 2))
    }

    @Test(
        "version words match ISO/IEC 18004 Table D.1",
        arguments: [
            (7, "000111110010010100"), (8, "001000010110111100"), (9, "001001101010011001"),
            (10, "001010010011010011"), (13, "001101100001000111"), (20, "010100100110100110"),
            (30, "011110110101110101"),
        ])
    func versionWords(version: Int, word: String) {
        #expect(QRFormatInformation.versionBits(version: version) == Int(word, radix: 2))
    }

    @Test("the encoded HELLO WORLD symbol carries the format word of its level and mask")
    func helloWorldFormatArea() throws {
        let code = try QRCode.encode("HELLO WORLD", correction: .quartile)
        // Row 8 left of the timing column holds bits 14…9, then bit 8 at column 7 (ISO/IEC 18004 Figure 25).
        let columns = [0, 1, 2, 3, 4, 5, 7]
        let read = columns.reduce(0) { $0 << 1 | (code.isDark(x: $1, y: 8) ? 1 : 0) }
        let expected = QRFormatInformation.formatBits(correction: .quartile, mask: code.mask) >> 8

        #expect(code.version == 1)
        #expect(read == expected)
        #expect(code.isDark(x: 8, y: code.size - 8), "the dark module")
    }
}
