public import QualityCore

/// Where in the chain recalled units are held: the levels a recall reaches and its
/// effectiveness is measured at (召回层级).
public enum SupplyLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Still with the producer (warehouse, in transit from the factory).
    case producer
    /// With distributors and wholesalers.
    case distributor
    /// With retailers, including shops on platforms.
    case retailer
    /// Sold to consumers.
    case consumer

    /// Parses a level name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let level = SupplyLevel(rawValue: text.lowercased()) else {
            let names = SupplyLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_level", "unknown supply-chain level '\(text)'; expected one of \(names)")
        }
        self = level
    }

    /// The level in Chinese and English.
    public var label: (zh: String, en: String) {
        switch self {
        case .producer: ("生产者", "Producer")
        case .distributor: ("经销商", "Distributor")
        case .retailer: ("零售商", "Retailer")
        case .consumer: ("消费者", "Consumer")
        }
    }
}
