/// How an identifier in a trace relates to the one traced.
public enum TraceRelation: String, Sendable, Hashable, Codable {
    /// The identifier traced.
    case subject
    /// A container it was packed into (AggregationEvent or AssociationEvent parent), or a
    /// container of that, and so on.
    case container
    /// Something packed into it, or into that, and so on.
    case content
    /// Consumed by a transformation that produced it, or produced one of those inputs: upstream.
    case input
    /// Produced by a transformation that consumed it, or consumed one of those outputs: downstream.
    case output
}
