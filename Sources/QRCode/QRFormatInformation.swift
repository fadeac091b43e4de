/// The BCH-protected words that tell a reader the correction level, mask and version
/// (ISO/IEC 18004 7.9 and 7.10).
enum QRFormatInformation {
    /// The 15-bit format word for a level and mask: 5 data bits, 10 BCH(15,5) check bits, then
    /// XOR with 101010000010010 so that the word is never all zero.
    static func formatBits(correction: QRErrorCorrection, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        return (data << 10 | remainder(of: data << 10, generator: 0b101_0011_0111)) ^ 0b101_0100_0001_0010
    }

    /// The 18-bit version word for versions 7 and above: 6 version bits then 12 BCH(18,6) check bits.
    static func versionBits(version: Int) -> Int {
        version << 12 | remainder(of: version << 12, generator: 0b1_1111_0010_0101)
    }

    /// The remainder of polynomial division over GF(2), bits as coefficients.
    private static func remainder(of value: Int, generator: Int) -> Int {
        let generatorDegree = Int.bitWidth - generator.leadingZeroBitCount - 1
        var remainder = value
        while remainder != 0 {
            let degree = Int.bitWidth - remainder.leadingZeroBitCount - 1
            if degree < generatorDegree { break }
            remainder ^= generator << (degree - generatorDegree)
        }
        return remainder
    }
}
