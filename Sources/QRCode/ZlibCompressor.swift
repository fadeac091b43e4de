/// Compresses bytes into a zlib stream (RFC 1950) holding one DEFLATE block with the fixed
/// Huffman codes (RFC 1951 3.2.6).
///
/// Matches are found greedily among three candidates per position: the byte before (runs), the
/// byte one `rowLength` back (the row above in an image) and the last position whose next three
/// bytes hashed alike. That is enough for QR images, whose rows repeat and whose modules are
/// runs, without the cost of a full match search.
enum ZlibCompressor {
    /// Shortest and longest match DEFLATE can express, and how far back it may point.
    private static let minimumMatch = 3
    private static let maximumMatch = 258
    private static let window = 32_768

    /// Base lengths of length symbols 257...285 and their extra bit counts; the last symbol stands
    /// for 258 alone rather than continuing the series.
    private static let lengthBases: [Int] = bases(count: 28, first: 3, extraBits: lengthExtraBits) + [258]
    private static let lengthExtraBits: [Int] = (0..<29).map { $0 < 8 || $0 == 28 ? 0 : ($0 - 4) / 4 }
    /// Base distances of distance symbols 0...29 and their extra bit counts.
    private static let distanceBases: [Int] = bases(count: 30, first: 1, extraBits: distanceExtraBits)
    private static let distanceExtraBits: [Int] = (0..<30).map { $0 < 4 ? 0 : ($0 - 2) / 2 }

    /// The zlib stream for some bytes; `rowLength` is the stride of image rows, or 0 if none.
    static func compress(_ input: [UInt8], rowLength: Int = 0) -> [UInt8] {
        var writer = DeflateBitWriter()
        writer.write(1, width: 1)  // last block
        writer.write(1, width: 2)  // fixed Huffman codes
        var hashHeads = [Int32](repeating: -1, count: 1 << 15)
        var position = 0
        while position < input.count {
            let (length, distance) = longestMatch(in: input, at: position, rowLength: rowLength, hashHeads: hashHeads)
            let advance = length >= minimumMatch ? length : 1
            var covered = position
            while covered < min(position + advance, input.count - 2) {
                hashHeads[hash(input, covered)] = Int32(covered)
                covered += 1
            }
            if length >= minimumMatch {
                writeMatch(length: length, distance: distance, to: &writer)
            } else {
                writeLiteralOrLength(Int(input[position]), to: &writer)
            }
            position += advance
        }
        writeLiteralOrLength(256, to: &writer)  // end of block

        let compressionInfo = 0x78  // deflate with a 32 KiB window
        let flags = 31 - (compressionInfo << 8) % 31
        let adler = Adler32.checksum(input)
        return [UInt8(compressionInfo), UInt8(flags)] + writer.finish()
            + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
    }

    /// The best of the candidate matches at a position, as (length, distance); length 0 if none.
    private static func longestMatch(
        in input: [UInt8], at position: Int, rowLength: Int, hashHeads: [Int32]
    ) -> (Int, Int) {
        guard position + minimumMatch <= input.count else { return (0, 0) }
        let limit = min(maximumMatch, input.count - position)
        var best = (0, 0)
        func consider(_ distance: Int) {
            guard distance > 0, distance <= min(position, window), distance != best.1 else { return }
            var length = 0
            while length < limit && input[position + length] == input[position + length - distance] {
                length += 1
            }
            if length > best.0 { best = (length, distance) }
        }
        consider(1)
        consider(rowLength)
        let head = Int(hashHeads[hash(input, position)])
        if head >= 0 { consider(position - head) }
        return best
    }

    /// A 15-bit hash of the three bytes at a position.
    @inline(__always)
    private static func hash(_ input: [UInt8], _ position: Int) -> Int {
        let value = Int(input[position]) << 16 | Int(input[position + 1]) << 8 | Int(input[position + 2])
        return (value &* 0x9E37_79B1) >> 17 & 0x7FFF
    }

    /// Writes a literal byte (0...255), the end-of-block symbol (256) or a length symbol (257...285).
    private static func writeLiteralOrLength(_ symbol: Int, to writer: inout DeflateBitWriter) {
        switch symbol {
        case 0...143: writer.writeCode(0x30 + symbol, width: 8)
        case 144...255: writer.writeCode(0x190 + symbol - 144, width: 9)
        case 256...279: writer.writeCode(symbol - 256, width: 7)
        default: writer.writeCode(0xC0 + symbol - 280, width: 8)
        }
    }

    /// Writes a back-reference: length symbol and extra bits, then distance code and extra bits.
    private static func writeMatch(length: Int, distance: Int, to writer: inout DeflateBitWriter) {
        let lengthCode = lastIndex(in: lengthBases, notAbove: length)
        writeLiteralOrLength(257 + lengthCode, to: &writer)
        writer.write(length - lengthBases[lengthCode], width: lengthExtraBits[lengthCode])
        let distanceCode = lastIndex(in: distanceBases, notAbove: distance)
        writer.writeCode(distanceCode, width: 5)
        writer.write(distance - distanceBases[distanceCode], width: distanceExtraBits[distanceCode])
    }

    /// Index of the largest base not above a value.
    private static func lastIndex(in bases: [Int], notAbove value: Int) -> Int {
        var index = bases.count - 1
        while bases[index] > value { index -= 1 }
        return index
    }

    /// Base values that start at `first` and grow by 2^extra for each code.
    private static func bases(count: Int, first: Int, extraBits: [Int]) -> [Int] {
        var result = [first]
        for code in 1..<count { result.append(result[code - 1] + 1 << extraBits[code - 1]) }
        return result
    }
}
