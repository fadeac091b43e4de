public import QualityCore

/// The kind of danger a defect poses (危害类别), as consumer-product recall notices classify it.
public enum HazardClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// Electric shock (触电).
    case electricShock = "electric_shock"
    /// Fire or explosion (火灾、爆炸).
    case fire
    /// Burns and scalds (烧烫伤).
    case burns
    /// Cuts, crushing, falls and other injuries (机械伤害).
    case injuries
    /// Small parts that can be swallowed or choked on (窒息、误吞).
    case choking
    /// Strangulation by cords (勒颈).
    case strangulation
    /// Harmful substances above their limits (化学危害).
    case chemical
    /// Microbial contamination (微生物污染).
    case microbiological
    /// Anything else, described in the reason.
    case other

    /// Parses a hazard class name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let hazard = HazardClass(rawValue: text.lowercased()) else {
            let names = HazardClass.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_hazard", "unknown hazard class '\(text)'; expected one of \(names)")
        }
        self = hazard
    }

    /// The class in Chinese and English.
    public var label: (zh: String, en: String) {
        switch self {
        case .electricShock: ("触电", "Electric shock")
        case .fire: ("火灾、爆炸", "Fire or explosion")
        case .burns: ("烧烫伤", "Burns")
        case .injuries: ("机械伤害", "Injuries")
        case .choking: ("窒息、误吞", "Choking")
        case .strangulation: ("勒颈", "Strangulation")
        case .chemical: ("化学危害", "Chemical")
        case .microbiological: ("微生物污染", "Microbiological")
        case .other: ("其他", "Other")
        }
    }
}
