/// Arithmetic in GF(2^8) with the QR code's primitive polynomial x^8 + x^4 + x^3 + x^2 + 1.
enum GaloisField256 {
    /// `exponents[i]` is α^i; doubled in length so that a sum of two logarithms needs no modulo.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// `logarithms[v]` is the i with α^i = v, for v ≠ 0; entry 0 is unused.
    static let logarithms: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exponents[power])] = UInt8(power) }
        return table
    }()

    /// The field product of two elements.
    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        if left == 0 || right == 0 { return 0 }
        return exponents[Int(logarithms[Int(left)]) + Int(logarithms[Int(right)])]
    }
}
