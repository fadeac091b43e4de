/// The data modes this encoder writes (ISO/IEC 18004 Table 2), each with its own packing.
enum QRSegmentMode: Int, Sendable, CaseIterable {
    /// Digits 0–9, three to 10 bits.
    case numeric
    /// Digits, upper-case letters and ` $%*+-./:`, two to 11 bits.
    case alphanumeric
    /// Any bytes, 8 bits each; this encoder writes UTF-8.
    case byte
    /// An Extended Channel Interpretation designator that names the character set of what follows.
    case eci

    /// The 4-bit mode indicator.
    var indicator: Int {
        switch self {
        case .numeric: 0b0001
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        case .eci: 0b0111
        }
    }

    /// Width of the character count field for versions in a size class (0: 1–9, 1: 10–26, 2: 27–40).
    func characterCountBits(sizeClass: Int) -> Int {
        switch self {
        case .numeric: [10, 12, 14][sizeClass]
        case .alphanumeric: [9, 11, 13][sizeClass]
        case .byte: [8, 16, 16][sizeClass]
        case .eci: 0
        }
    }

    /// The size class whose character count widths apply to a version.
    static func sizeClass(ofVersion version: Int) -> Int {
        version <= 9 ? 0 : version <= 26 ? 1 : 2
    }

    /// Value of each byte in the alphanumeric character set, or -1 when the byte is not in it.
    static let alphanumericValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, byte) in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8.enumerated() {
            table[Int(byte)] = Int8(value)
        }
        return table
    }()

    /// Whether a byte can be written in this mode.
    func canEncode(_ byte: UInt8) -> Bool {
        switch self {
        case .numeric: byte >= 0x30 && byte <= 0x39
        case .alphanumeric: Self.alphanumericValues[Int(byte)] >= 0
        case .byte: true
        case .eci: false
        }
    }
}
