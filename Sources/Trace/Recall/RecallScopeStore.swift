/// What recall scoping reads from the stored events: set-based lookups, each one statement (or
/// a few, for long lists) however many units a lot has, never one round trip per event or per
/// unit. Implemented by the SQLite and PostgreSQL stores beside `EventStore`.
///
/// Lots are found through a lot index kept beside the events: which units each event states
/// to belong to which batch (`LotMembership`), and every identifier row of the events naming
/// those units. `indexLots()` brings it up to date with the events captured since it last
/// ran; the lookups read it as it stands.
public protocol RecallScopeStore: Sendable {
    /// Indexes the lot memberships and unit rows of the events captured since the last call,
    /// in one transaction per slice of events, and returns how many events it read. Safe to
    /// call concurrently: each slice is taken once.
    @discardableResult
    func indexLots() async throws -> Int

    /// The canonical identities of the units stated to belong to a batch by events visible to
    /// an organisation (all events for `nil`), in identity order, without repeats.
    func lotUnits(gtin: String, lot: String, visibleTo organisationID: Int64?) async throws -> [String]

    /// The identifier rows of visible events naming the batch's units. With `withIdentities`
    /// false, one row per distinct (event, role) with an empty identity: enough to find the
    /// batch's events without reading a row per unit.
    func lotRows(gtin: String, lot: String, withIdentities: Bool, visibleTo organisationID: Int64?) async throws
        -> [ScopeRow]

    /// The identifier rows naming any of the identities, in visible events.
    func rows(naming identities: [String], visibleTo organisationID: Int64?) async throws -> [ScopeRow]

    /// The identifier rows of events, in the given roles.
    func rows(ofEvents sequences: [Int64], roles: Set<EventIdentifierRole>) async throws -> [ScopeRow]

    /// The facts of events that scoping needs: type, action, time and places.
    func scopeEvents(_ sequences: [Int64]) async throws -> [ScopeEvent]

    /// The business transactions of events.
    func transactions(ofEvents sequences: [Int64]) async throws -> [EventTransaction]

    /// The batches that units are stated to belong to by visible events.
    func lots(ofUnits identities: [String], visibleTo organisationID: Int64?) async throws -> [LotMembership]
}

/// One identifier an event names, in one role.
public struct ScopeRow: Sendable, Hashable {
    /// The canonical identity (empty in rows that only locate events).
    public var identity: String
    /// Its role in the event.
    public var role: EventIdentifierRole
    /// The event's position in capture order.
    public var sequence: Int64

    /// Creates a row.
    public init(identity: String, role: EventIdentifierRole, sequence: Int64) {
        self.identity = identity
        self.role = role
        self.sequence = sequence
    }
}

/// An event as recall scoping sees it.
public struct ScopeEvent: Sendable, Hashable {
    /// The position in capture order.
    public var sequence: Int64
    /// The event type, e.g. `AggregationEvent`.
    public var type: String
    /// `ADD`, `OBSERVE` or `DELETE`, when the type has one.
    public var action: String?
    /// When it happened, in microseconds since 1970.
    public var eventTime: Int64
    /// The read point's identity.
    public var readPoint: String?
    /// The business location's identity.
    public var bizLocation: String?

    /// Creates an event's facts.
    public init(
        sequence: Int64, type: String, action: String?, eventTime: Int64, readPoint: String?, bizLocation: String?
    ) {
        self.sequence = sequence
        self.type = type
        self.action = action
        self.eventTime = eventTime
        self.readPoint = readPoint
        self.bizLocation = bizLocation
    }
}
