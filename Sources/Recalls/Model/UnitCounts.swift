import Foundation
public import QualityCore

/// A number of units at each supply-chain level, written as `{"producer": 0, "distributor": 0,
/// "retailer": 0, "consumer": 0}`; a level left out counts zero.
public struct UnitCounts: Sendable, Hashable, Codable {
    /// Units at the producer.
    public var producer: Int64
    /// Units at distributors.
    public var distributor: Int64
    /// Units at retailers.
    public var retailer: Int64
    /// Units with consumers.
    public var consumer: Int64

    /// Counts, zero where not given.
    public init(producer: Int64 = 0, distributor: Int64 = 0, retailer: Int64 = 0, consumer: Int64 = 0) {
        self.producer = producer
        self.distributor = distributor
        self.retailer = retailer
        self.consumer = consumer
    }

    /// Nothing anywhere.
    public static let zero = UnitCounts()

    /// The count at a level.
    public subscript(level: SupplyLevel) -> Int64 {
        get {
            switch level {
            case .producer: producer
            case .distributor: distributor
            case .retailer: retailer
            case .consumer: consumer
            }
        }
        set {
            switch level {
            case .producer: producer = newValue
            case .distributor: distributor = newValue
            case .retailer: retailer = newValue
            case .consumer: consumer = newValue
            }
        }
    }

    /// The sum over every level.
    public var total: Int64 { producer + distributor + retailer + consumer }

    /// Decodes counts; a missing level is zero.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        producer = try container.decodeIfPresent(Int64.self, forKey: .producer) ?? 0
        distributor = try container.decodeIfPresent(Int64.self, forKey: .distributor) ?? 0
        retailer = try container.decodeIfPresent(Int64.self, forKey: .retailer) ?? 0
        consumer = try container.decodeIfPresent(Int64.self, forKey: .consumer) ?? 0
    }

    /// Parses `level=count` pairs separated by commas, e.g. `retailer=300,consumer=1200`.
    public init(parsing text: String) throws(QualityError) {
        self = .zero
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let count = Int64(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw .invalid("bad_units", "expected level=count pairs such as consumer=1200; got '\(pair)'")
            }
            self[try SupplyLevel(parsing: parts[0].trimmingCharacters(in: .whitespaces))] = count
        }
    }
}
