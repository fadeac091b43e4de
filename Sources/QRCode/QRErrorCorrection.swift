/// How much of a symbol may be damaged before it can no longer be read: more correction means a
/// larger symbol for the same data.
public enum QRErrorCorrection: String, Sendable, CaseIterable {
    /// Recovers about 7% of the codewords.
    case low = "L"
    /// Recovers about 15% of the codewords; the usual choice for printed labels.
    case medium = "M"
    /// Recovers about 25% of the codewords.
    case quartile = "Q"
    /// Recovers about 30% of the codewords.
    case high = "H"

    /// The two bits that name the level in the format information (ISO/IEC 18004 Table 12); they
    /// are not in the order of strength.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    /// Row of this level in the block tables of `QRVersionCapacity`.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }
}
