/// A minimal zlib/DEFLATE decoder for stored and fixed-Huffman blocks, written for the tests so
/// that PNG output can be checked pixel by pixel without trusting the encoder's own code.
struct ZlibInflater {
    /// Why a stream could not be inflated.
    struct Failure: Error, CustomStringConvertible {
        /// What was wrong.
        let description: String
    }

    private let input: [UInt8]
    private var bytePosition = 0
    private var bitPosition = 0

    /// Inflates a zlib stream, checking its header and Adler-32 trailer.
    static func inflate(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count >= 6 else { throw Failure(description: "stream too short") }
        guard stream[0] & 0x0F == 8, (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0, stream[1] & 0x20 == 0 else {
            throw Failure(description: "bad zlib header \(stream[0]) \(stream[1])")
        }
        var inflater = ZlibInflater(input: Array(stream.dropFirst(2)))
        let output = try inflater.inflateBlocks()
        let trailerStart = 2 + inflater.bytePosition + (inflater.bitPosition > 0 ? 1 : 0)
        guard stream.count == trailerStart + 4 else {
            throw Failure(description: "expected 4 trailer bytes after the deflate data")
        }
        var low: UInt32 = 1
        var high: UInt32 = 0
        for byte in output {
            low = (low + UInt32(byte)) % 65_521
            high = (high + low) % 65_521
        }
        let trailer = stream[trailerStart...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard trailer == high << 16 | low else { throw Failure(description: "Adler-32 mismatch") }
        return output
    }

    private init(input: [UInt8]) { self.input = input }

    private mutating func bit() throws -> Int {
        guard bytePosition < input.count else { throw Failure(description: "ran out of input") }
        let value = Int(input[bytePosition] >> UInt8(bitPosition)) & 1
        bitPosition += 1
        if bitPosition == 8 {
            bitPosition = 0
            bytePosition += 1
        }
        return value
    }

    private mutating func bits(_ count: Int) throws -> Int {
        var value = 0
        for index in 0..<count { value |= try bit() << index }
        return value
    }

    private mutating func inflateBlocks() throws -> [UInt8] {
        var output: [UInt8] = []
        var isLast = false
        while !isLast {
            isLast = try bit() == 1
            switch try bits(2) {
            case 0:
                if bitPosition > 0 {
                    bitPosition = 0
                    bytePosition += 1
                }
                let length = try bits(16)
                _ = try bits(16)
                for _ in 0..<length { output.append(UInt8(try bits(8))) }
            case 1:
                try inflateFixedBlock(into: &output)
            default:
                throw Failure(description: "only stored and fixed-Huffman blocks are expected")
            }
        }
        return output
    }

    /// Reads one literal/length symbol with the fixed code of RFC 1951 3.2.6.
    private mutating func fixedSymbol() throws -> Int {
        var code = 0
        for length in 1...9 {
            code = code << 1 | (try bit())
            switch (length, code) {
            case (7, 0...0b0010111): return 256 + code
            case (8, 0b0011_0000...0b1011_1111): return code - 0b0011_0000
            case (8, 0b1100_0000...0b1100_0111): return 280 + code - 0b1100_0000
            case (9, 0b1_1001_0000...0b1_1111_1111): return 144 + code - 0b1_1001_0000
            default: continue
            }
        }
        throw Failure(description: "invalid fixed Huffman code")
    }

    private mutating func inflateFixedBlock(into output: inout [UInt8]) throws {
        let lengthBase = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
            131, 163, 195, 227, 258,
        ]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distanceBase = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
            2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
        ]
        while true {
            let symbol = try fixedSymbol()
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            guard symbol <= 285 else { throw Failure(description: "bad length symbol \(symbol)") }
            let length = lengthBase[symbol - 257] + (try bits(lengthExtra[symbol - 257]))
            var distanceCode = 0
            for _ in 0..<5 { distanceCode = distanceCode << 1 | (try bit()) }
            guard distanceCode < 30 else { throw Failure(description: "bad distance code") }
            let distance = distanceBase[distanceCode] + (try bits(distanceCode < 4 ? 0 : distanceCode / 2 - 1))
            guard distance <= output.count else { throw Failure(description: "distance beyond output") }
            for _ in 0..<length { output.append(output[output.count - distance]) }
        }
    }
}
