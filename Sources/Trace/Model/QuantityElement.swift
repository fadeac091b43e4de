/// A quantity of a class of objects: `epcClass`, and optionally `quantity` with its `uom`
/// (UN/ECE Recommendation 20 unit code; absent means a count of instances).
public struct QuantityElement: Sendable, Equatable {
    /// The class (GTIN, GTIN + lot, GRAI without serial, …).
    public var epcClass: EPCISIdentifier?
    /// How much, as written.
    public var quantity: EPCISNumber?
    /// The unit of measure, e.g. `KGM`.
    public var uom: String?
    /// Fields the standard does not define here, kept as written (validation reports them).
    public var unknownFields: [EPCISExtension]

    /// Creates a quantity element.
    public init(
        epcClass: EPCISIdentifier?, quantity: EPCISNumber? = nil, uom: String? = nil,
        unknownFields: [EPCISExtension] = []
    ) {
        self.epcClass = epcClass
        self.quantity = quantity
        self.uom = uom
        self.unknownFields = unknownFields
    }
}
