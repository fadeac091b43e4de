import QualityCore

/// The trace of one identifier (a unit, a lot, a container) through the stored events: the
/// events naming it, the containers it was packed into and what was packed into it
/// (aggregation and association), what it was made from and what was made from it
/// (transformation), each followed transitively, and every event naming any of those.
///
/// The walk is breadth first, one store query per step for the whole frontier. Each direction
/// keeps its own sense: from a container the walk goes on up to its containers, never back down
/// to the other things in it, so the trace of a unit does not pull in its pallet's neighbours;
/// likewise upstream stays upstream and downstream downstream. An aggregation that ends with
/// `DELETE` (unpacking) links nothing. Identity is canonical, so an EPC URN and a Digital Link
/// of the same key are one node.
public struct TraceGraph: Sendable {
    /// Where the events are.
    public let store: any EventStore
    /// The most identifiers one trace visits; the result says when the walk stopped there.
    public let nodeLimit: Int

    /// Creates a trace over a store.
    public init(store: any EventStore, nodeLimit: Int = 10_000) {
        self.store = store
        self.nodeLimit = nodeLimit
    }

    /// Traces an identifier (EPC URN, Digital Link or other URI) among the events visible to an
    /// organisation (all events for `nil`). A malformed identifier is an `invalid` error.
    public func trace(_ identifier: String, visibleTo organisationID: Int64?) async throws -> TraceResult {
        let parsed = EPCISIdentifier(identifier)
        if let problem = parsed.problem {
            throw QualityError.invalid("bad_identifier", problem)
        }
        let root = TraceNode(identity: parsed.canonical, relation: .subject, distance: 0, via: nil)
        var nodes = [root]
        var seen: Set<String> = [root.identity]
        var events: [Int64: TraceEvent] = [:]
        var frontier = [root]
        var truncated = false
        while !frontier.isEmpty {
            let found = try await store.traceEvents(naming: frontier.map(\.identity), visibleTo: organisationID)
            // Each event is matched against the frontier through a dictionary: one lookup per
            // identifier the event names, not one pass over the event per frontier node.
            let byIdentity = Dictionary(
                frontier.enumerated().map { ($1.identity, (position: $0, node: $1)) },
                uniquingKeysWith: { first, _ in first })
            var next: [TraceNode] = []
            for event in found {
                events[event.sequence] = event
                var rolesByNode: [String: Set<EventIdentifierRole>] = [:]
                var order: [String] = []
                for identifier in event.identifiers where byIdentity[identifier.identity] != nil {
                    if rolesByNode[identifier.identity] == nil { order.append(identifier.identity) }
                    rolesByNode[identifier.identity, default: []].insert(identifier.role)
                }
                // In frontier order, as a walk over the frontier would reach them.
                order.sort { byIdentity[$0]!.position < byIdentity[$1]!.position }
                for identity in order {
                    guard let node = byIdentity[identity]?.node, let roles = rolesByNode[identity] else { continue }
                    for (identity, relation) in Self.links(of: event, from: node, roles: roles)
                    where !seen.contains(identity) {
                        guard nodes.count < nodeLimit else {
                            truncated = true
                            continue
                        }
                        let reached = TraceNode(
                            identity: identity, relation: relation, distance: node.distance + 1, via: event.hash)
                        seen.insert(identity)
                        nodes.append(reached)
                        next.append(reached)
                    }
                }
            }
            frontier = next
        }
        let ordered = events.values.sorted { ($0.eventTime, $0.sequence) < ($1.eventTime, $1.sequence) }
        return TraceResult(
            identifier: identifier, identity: root.identity, nodes: nodes, events: ordered, truncated: truncated)
    }

    /// The identifiers an event links a node to, each with its relation to the identifier traced.
    static func links(
        of event: TraceEvent, from node: TraceNode, roles: Set<EventIdentifierRole>
    ) -> [(String, TraceRelation)] {
        switch event.type {
        case EPCISEventType.aggregation.rawValue, EPCISEventType.association.rawValue:
            guard event.action != EPCISAction.delete.rawValue else { return [] }
            var links: [(String, TraceRelation)] = []
            if [.subject, .container].contains(node.relation), !roles.isDisjoint(with: [.child, .childQuantity]) {
                links += event.identities(in: [.parent]).map { ($0, .container) }
            }
            if [.subject, .content].contains(node.relation), roles.contains(.parent) {
                links += event.identities(in: [.child, .childQuantity]).map { ($0, .content) }
            }
            return links
        case EPCISEventType.transformation.rawValue:
            var links: [(String, TraceRelation)] = []
            if [.subject, .input].contains(node.relation), !roles.isDisjoint(with: [.output, .outputQuantity]) {
                links += event.identities(in: [.input, .inputQuantity]).map { ($0, .input) }
            }
            if [.subject, .output].contains(node.relation), !roles.isDisjoint(with: [.input, .inputQuantity]) {
                links += event.identities(in: [.output, .outputQuantity]).map { ($0, .output) }
            }
            return links
        default:
            return []
        }
    }
}
