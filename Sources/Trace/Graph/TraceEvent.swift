/// An event as the trace graph sees it: when and what happened, where, and every identifier it
/// names with its role.
public struct TraceEvent: Sendable, Equatable {
    /// The position in capture order.
    public var sequence: Int64
    /// The CBV 2.0 event hash.
    public var hash: EventHash
    /// The event ID (as sent, or the hash URI).
    public var eventID: String
    /// The event type, e.g. `AggregationEvent`.
    public var type: String
    /// `ADD`, `OBSERVE` or `DELETE`, when the type has one.
    public var action: String?
    /// When it happened, in microseconds since 1970.
    public var eventTime: Int64
    /// The business step URI.
    public var bizStep: String?
    /// The disposition URI.
    public var disposition: String?
    /// The read point's identity.
    public var readPoint: String?
    /// The business location's identity.
    public var bizLocation: String?
    /// Every identifier the event names, by identity and role.
    public var identifiers: [EventIdentifier]

    /// Creates a trace event.
    public init(
        sequence: Int64, hash: EventHash, eventID: String, type: String, action: String?, eventTime: Int64,
        bizStep: String?, disposition: String?, readPoint: String?, bizLocation: String?, identifiers: [EventIdentifier]
    ) {
        self.sequence = sequence
        self.hash = hash
        self.eventID = eventID
        self.type = type
        self.action = action
        self.eventTime = eventTime
        self.bizStep = bizStep
        self.disposition = disposition
        self.readPoint = readPoint
        self.bizLocation = bizLocation
        self.identifiers = identifiers
    }

    /// The identities the event names in any of `roles`.
    func identities(in roles: Set<EventIdentifierRole>) -> [String] {
        identifiers.filter { roles.contains($0.role) }.map(\.identity)
    }
}

extension TraceEvent {
    /// The event time in UTC, `YYYY-MM-DDThh:mm:ss.sssZ`.
    public var eventTimeUTC: String {
        EPCISTimestamp.format(millisecondsSince1970: EPCISTimestamp.floorDivide(eventTime, 1000))
    }
}
