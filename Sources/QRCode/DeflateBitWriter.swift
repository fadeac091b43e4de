/// Writes a DEFLATE bit stream: values least significant bit first, Huffman codes most
/// significant bit first (RFC 1951 3.1.1).
struct DeflateBitWriter {
    /// The finished bytes.
    private(set) var bytes: [UInt8] = []
    /// Bits not yet moved into `bytes`, the oldest in the lowest position.
    private var pending: UInt64 = 0
    /// Number of valid bits in `pending`.
    private var pendingCount = 0

    /// Appends the low `width` bits of a value, least significant first (header fields, extra bits).
    mutating func write(_ value: Int, width: Int) {
        pending |= UInt64(value) << UInt64(pendingCount)
        pendingCount += width
        while pendingCount >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: pending))
            pending >>= 8
            pendingCount -= 8
        }
    }

    /// Appends a Huffman code of `width` bits, most significant first.
    mutating func writeCode(_ code: Int, width: Int) {
        var reversed = 0
        for bit in 0..<width where (code >> bit) & 1 != 0 {
            reversed |= 1 << (width - 1 - bit)
        }
        write(reversed, width: width)
    }

    /// Pads the last byte with zero bits and returns all bytes.
    mutating func finish() -> [UInt8] {
        if pendingCount > 0 { write(0, width: 8 - pendingCount) }
        return bytes
    }
}
