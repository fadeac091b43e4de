/// The Adler-32 checksum that ends a zlib stream (RFC 1950).
enum Adler32 {
    /// The Adler-32 of some bytes.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        let modulus: UInt32 = 65_521
        var low: UInt32 = 1
        var high: UInt32 = 0
        var index = 0
        // 5552 bytes is the longest run whose sums cannot overflow 32 bits before the modulo.
        while index < bytes.count {
            let end = min(index + 5552, bytes.count)
            while index < end {
                low &+= UInt32(bytes[index])
                high &+= low
                index += 1
            }
            low %= modulus
            high %= modulus
        }
        return high << 16 | low
    }
}
