/// A growing sequence of bits, most significant bit of each byte first, as QR data is written.
struct QRBitBuffer: Sendable {
    /// The bits packed into bytes; the last byte is padded with zero bits.
    private(set) var bytes: [UInt8] = []
    /// Number of bits written.
    private(set) var count = 0

    /// An empty buffer with room for a number of bits.
    init(capacity: Int = 0) {
        bytes.reserveCapacity((capacity + 7) / 8)
    }

    /// Appends the low `width` bits of a value, most significant first.
    mutating func append(_ value: Int, width: Int) {
        precondition(width >= 0 && width <= 31 && value >> width == 0, "value \(value) does not fit in \(width) bits")
        var bit = width - 1
        while bit >= 0 {
            if count & 7 == 0 { bytes.append(0) }
            if (value >> bit) & 1 != 0 {
                bytes[bytes.count - 1] |= UInt8(0x80 >> (count & 7))
            }
            count += 1
            bit -= 1
        }
    }
}
