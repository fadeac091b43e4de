/// A business transaction the event belongs to: its identifier and, optionally, its type
/// (a CBV business transaction type such as `https://ref.gs1.org/cbv/BTT-po`, or a user URI).
public struct BusinessTransaction: Sendable, Equatable {
    /// The transaction type, expanded to a URI when the document used a CBV short name or CURIE.
    public var type: String?
    /// The transaction identifier, e.g. `urn:epcglobal:cbv:bt:0614141073467:1152` or a GDTI.
    public var id: String

    /// Creates a transaction reference.
    public init(type: String?, id: String) {
        self.type = type
        self.id = id
    }
}
