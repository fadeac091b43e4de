import QualityCore

/// A selection of stored events: the EPCIS 2.0 SimpleEventQuery parameters this repository
/// supports, already normalised (vocabulary short names expanded to Web URIs, identifiers to
/// their canonical identity, times to microseconds), plus paging and visibility.
///
/// Within one parameter the values are alternatives; different parameters must all hold.
public struct EventQuery: Sendable, Equatable {
    /// `eventType`: event type names.
    public var eventTypes: [String] = []
    /// `GE_eventTime`, in microseconds since 1970.
    public var eventTimeFrom: Int64?
    /// `LT_eventTime`.
    public var eventTimeBefore: Int64?
    /// `GE_recordTime`.
    public var recordTimeFrom: Int64?
    /// `LT_recordTime`.
    public var recordTimeBefore: Int64?
    /// `EQ_action`.
    public var actions: [String] = []
    /// `EQ_bizStep`, as Web URIs.
    public var bizSteps: [String] = []
    /// `EQ_disposition`, as Web URIs.
    public var dispositions: [String] = []
    /// `EQ_readPoint`, as canonical identities.
    public var readPoints: [String] = []
    /// `EQ_bizLocation`, as canonical identities.
    public var bizLocations: [String] = []
    /// `MATCH_*` parameters: for each, the identities and the roles they are looked for in.
    public var matches: [IdentifierMatch] = []
    /// The organisation whose captures are visible, or `nil` for all (a regulator, the CLI).
    public var visibleTo: Int64?
    /// The most events on one page.
    public var limit: Int = EventQuery.defaultPerPage
    /// `orderBy` with `orderDirection`; capture order when not given.
    public var order: EventOrder = .capture
    /// Start after this position in `order` (from a page token).
    public var after: EventCursor?
    /// `EQ_bizTransaction_{type}`: for each, the transaction type URI and the canonical
    /// identities of the transactions.
    public var bizTransactions: [TransactionMatch] = []

    /// Events per page when `perPage` is not given.
    public static let defaultPerPage = 100
    /// The largest `perPage` accepted.
    public static let maximumPerPage = 1_000

    /// An empty query: every visible event, first page.
    public init() {}

    /// One `MATCH_*` condition: an event matches when it names, in one of `roles`, one of
    /// `identities` or an identity starting with one of `prefixes`.
    public struct IdentifierMatch: Sendable, Equatable {
        /// Canonical identities.
        public var identities: [String]
        /// Identity prefixes, from EPC pattern URIs: `urn:epc:idpat:sgtin:6901234.000001.*` is
        /// every serial of the GTIN, `https://id.gs1.org/01/06901234000016/`.
        public var prefixes: [String]
        /// The roles they must appear in.
        public var roles: [EventIdentifierRole]

        /// Creates a condition.
        public init(identities: [String], prefixes: [String] = [], roles: [EventIdentifierRole]) {
            self.identities = identities
            self.prefixes = prefixes
            self.roles = roles
        }
    }

    /// One `EQ_bizTransaction_{type}` condition.
    public struct TransactionMatch: Sendable, Equatable {
        /// The transaction type URI, e.g. `https://ref.gs1.org/cbv/BTT-po`.
        public var type: String
        /// Canonical identities of the transactions.
        public var identities: [String]

        /// Creates a condition.
        public init(type: String, identities: [String]) {
            self.type = type
            self.identities = identities
        }
    }

    /// The `MATCH_*` parameters and the roles each one searches (EPCIS 2.0 §8.2.7.1).
    public static let matchRoles: [String: [EventIdentifierRole]] = [
        "MATCH_epc": [.epc, .child],
        "MATCH_parentID": [.parent],
        "MATCH_inputEPC": [.input],
        "MATCH_outputEPC": [.output],
        "MATCH_anyEPC": [.epc, .child, .input, .output, .parent],
        "MATCH_epcClass": [.quantity, .childQuantity],
        "MATCH_inputEPCClass": [.inputQuantity],
        "MATCH_outputEPCClass": [.outputQuantity],
        "MATCH_anyEPCClass": [.quantity, .childQuantity, .inputQuantity, .outputQuantity],
    ]

    /// Every query parameter understood, for error messages and documentation.
    public static let parameterNames: [String] =
        [
            "eventType", "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime", "EQ_action", "EQ_bizStep",
            "EQ_disposition", "EQ_readPoint", "EQ_bizLocation",
        ] + matchRoles.keys.sorted() + [
            "EQ_bizTransaction_{type}", "orderBy", "orderDirection", "perPage", "nextPageToken",
        ]
}

/// The order of query results.
public enum EventOrder: Sendable, Equatable {
    /// Capture order, oldest first (the default).
    case capture
    /// By `eventTime`, then capture order.
    case eventTime(ascending: Bool)
    /// By `recordTime`, then capture order.
    case recordTime(ascending: Bool)
}

/// Where a page ends: the last event's position and, when ordered by a time, that time.
public struct EventCursor: Sendable, Hashable {
    /// The ordering time in microseconds since 1970, when ordered by a time.
    public var time: Int64?
    /// The position in capture order.
    public var sequence: Int64

    /// Creates a cursor.
    public init(time: Int64?, sequence: Int64) {
        self.time = time
        self.sequence = sequence
    }
}
