import Access
public import Hummingbird
import QualityCore
public import Trace

/// `/trace/{id}`: the trace graph of a unit, lot or container named by an EPC URN or a Digital
/// Link (percent-encoded into one path segment): every identifier reached through aggregation
/// and transformation, and every event naming one of them, in time order. An organisation
/// traces through the events it captured; a regulator through all.
public struct TraceController: Sendable {
    /// The trace algorithm over the event store.
    public let graph: TraceGraph

    /// Creates the controller.
    public init(graph: TraceGraph) {
        self.graph = graph
    }

    /// The routes, relative to `/trace`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.get("{id}", use: trace)
        return routes
    }

    /// `GET /trace/{id}`.
    /// The routes of the API form, relative to `/api/v1/trace`: `GET ?id=…`.
    public var queryEndpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.get(use: traceByQuery)
        return routes
    }

    /// `GET /api/v1/trace?id=…`: the same trace, the identifier in the query.
    @Sendable func traceByQuery(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        guard let identifier = request.uri.queryParameters["id"].map(String.init), !identifier.isEmpty else {
            throw APIError.badRequest("missing_id", "name what to trace with ?id=… (an EPC URN, a Digital Link or another URI)")
        }
        return try await trace(identifier, context: context)
    }

    @Sendable func trace(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await trace(try PathParameter.decoded(try context.parameters.require("id")), context: context)
    }

    /// The trace of an identifier as the organisation may see it.
    func trace(_ identifier: String, context: SignedInRequestContext) async throws -> Response {
        let visibleTo = context.visibleOrganisationID
        let result = try await graph.trace(identifier, visibleTo: visibleTo)
        return try JSONCoding.response(TraceDTO(result))
    }

    /// A trace as the API shows it.
    public struct TraceDTO: Encodable, Sendable {
        /// The identifier as given.
        public var identifier: String
        /// Its canonical identity.
        public var identity: String
        /// Whether the walk stopped at its node limit.
        public var truncated: Bool
        /// Every identifier reached, the traced one first.
        public var nodes: [NodeDTO]
        /// Every event naming a node, by event time.
        public var events: [EventDTO]

        /// The representation of a trace.
        public init(_ result: TraceResult) {
            identifier = result.identifier
            identity = result.identity
            truncated = result.truncated
            nodes = result.nodes.map(NodeDTO.init)
            let relations = Dictionary(uniqueKeysWithValues: result.nodes.map { ($0.identity, $0.relation) })
            events = result.events.map { EventDTO($0, relations: relations) }
        }
    }

    /// One identifier reached.
    public struct NodeDTO: Encodable, Sendable {
        /// The canonical identity.
        public var identity: String
        /// `subject`, `container`, `content`, `input` or `output`.
        public var relation: String
        /// Links from the identifier traced.
        public var distance: Int
        /// The event hash of the event that linked it.
        public var via: String?

        /// The representation of a node.
        public init(_ node: TraceNode) {
            identity = node.identity
            relation = node.relation.rawValue
            distance = node.distance
            via = node.via?.uri
        }
    }

    /// One event of a trace.
    public struct EventDTO: Encodable, Sendable {
        /// The event ID.
        public var eventId: String
        /// The CBV 2.0 event hash.
        public var eventHash: String
        /// The event type.
        public var type: String
        /// The action, when the type has one.
        public var action: String?
        /// When it happened, in UTC.
        public var eventTime: String
        /// The business step URI.
        public var bizStep: String?
        /// The disposition URI.
        public var disposition: String?
        /// The read point.
        public var readPoint: String?
        /// The business location.
        public var bizLocation: String?
        /// The trace's identifiers this event names, with their role in the event.
        public var names: [NameDTO]

        /// The representation of an event, naming the nodes it mentions.
        public init(_ event: TraceEvent, relations: [String: TraceRelation]) {
            eventId = event.eventID
            eventHash = event.hash.uri
            type = event.type
            action = event.action
            eventTime = event.eventTimeUTC
            bizStep = event.bizStep
            disposition = event.disposition
            readPoint = event.readPoint
            bizLocation = event.bizLocation
            names = event.identifiers.compactMap { identifier in
                relations[identifier.identity].map {
                    NameDTO(identity: identifier.identity, role: identifier.role.rawValue, relation: $0.rawValue)
                }
            }.sorted { ($0.identity, $0.role) < ($1.identity, $1.role) }
        }
    }

    /// A node an event names.
    public struct NameDTO: Encodable, Sendable {
        /// The canonical identity.
        public var identity: String
        /// Its role in the event: `epc`, `parent`, `child`, `input`, `output`, or a quantity role.
        public var role: String
        /// Its relation to the identifier traced.
        public var relation: String
    }
}
