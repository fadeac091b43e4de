/// One entry of a `sourceList` or `destinationList`: a party or location and its role
/// (a CBV source/destination type such as `https://ref.gs1.org/cbv/SDT-owning_party`).
public struct SourceDestination: Sendable, Equatable {
    /// The role, expanded to a URI when the document used a CBV short name or CURIE.
    public var type: String?
    /// The party or location.
    public var id: EPCISIdentifier

    /// Creates an entry.
    public init(type: String?, id: EPCISIdentifier) {
        self.type = type
        self.id = id
    }
}
