/// What a trace found: the identifiers reached from the one traced, and every event naming any
/// of them, in time order.
public struct TraceResult: Sendable, Equatable {
    /// The identifier as given.
    public var identifier: String
    /// Its canonical identity.
    public var identity: String
    /// Every identifier reached, the traced one first, in the order reached.
    public var nodes: [TraceNode]
    /// Every event naming a node, by event time (then capture order).
    public var events: [TraceEvent]
    /// Whether the walk stopped at the node limit before reaching everything.
    public var truncated: Bool

    /// Creates a result.
    public init(identifier: String, identity: String, nodes: [TraceNode], events: [TraceEvent], truncated: Bool) {
        self.identifier = identifier
        self.identity = identity
        self.nodes = nodes
        self.events = events
        self.truncated = truncated
    }
}

/// One identifier reached by a trace.
public struct TraceNode: Sendable, Equatable {
    /// The canonical identity.
    public var identity: String
    /// How it relates to the identifier traced.
    public var relation: TraceRelation
    /// How many links away it is (0 for the identifier traced).
    public var distance: Int
    /// The event that linked it, absent for the identifier traced.
    public var via: EventHash?

    /// Creates a node.
    public init(identity: String, relation: TraceRelation, distance: Int, via: EventHash?) {
        self.identity = identity
        self.relation = relation
        self.distance = distance
        self.via = via
    }
}
