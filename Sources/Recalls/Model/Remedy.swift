public import QualityCore

/// What a recall offers the holder of a defective unit (补救措施).
public enum Remedy: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The unit is returned and the price paid back (退货).
    case refund
    /// The defect is eliminated in the unit (修理).
    case repair
    /// The unit is exchanged for a sound one (更换).
    case replace

    /// Parses a remedy name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let remedy = Remedy(rawValue: text.lowercased()) else {
            let names = Remedy.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_remedy", "unknown remedy '\(text)'; expected one of \(names)")
        }
        self = remedy
    }

    /// Orders remedies as declared.
    public static func < (lhs: Remedy, rhs: Remedy) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The remedy in Chinese and English.
    public var label: (zh: String, en: String) {
        switch self {
        case .refund: ("退货退款", "Refund")
        case .repair: ("修理", "Repair")
        case .replace: ("更换", "Replace")
        }
    }
}
