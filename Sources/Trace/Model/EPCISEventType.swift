/// The kind of an EPCIS event: one of the five standard types, or an extended event type
/// named by a URI.
public struct EPCISEventType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The type name as written, e.g. `ObjectEvent`.
    public let rawValue: String

    /// Wraps a type name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The type name.
    public var description: String { rawValue }

    /// Observation, commissioning or decommissioning of objects.
    public static let object = EPCISEventType(rawValue: "ObjectEvent")
    /// Packing into or unpacking from a container.
    public static let aggregation = EPCISEventType(rawValue: "AggregationEvent")
    /// Inputs consumed to make outputs.
    public static let transformation = EPCISEventType(rawValue: "TransformationEvent")
    /// Association with or dissociation from business transactions.
    public static let transaction = EPCISEventType(rawValue: "TransactionEvent")
    /// Assembly of objects with a parent that is not a container (e.g. sensor on an asset).
    public static let association = EPCISEventType(rawValue: "AssociationEvent")

    /// The five types the EPCIS 2.0 standard defines.
    public static let standard: [EPCISEventType] = [.object, .aggregation, .transformation, .transaction, .association]

    /// Whether this is one of the five standard types.
    public var isStandard: Bool { Self.standard.contains(self) }
}
