/// An event ready to store: its identity (the CBV 2.0 event hash), the fields queries select
/// on, every identifier it names with its role, and its canonical JSON.
public struct CapturedEvent: Sendable, Equatable {
    /// The CBV 2.0 event hash.
    public var hash: EventHash
    /// Whether the event declares an earlier one in error. The declaration is not part of the
    /// hash, so it is the second half of the event's key: the declaration is stored beside the
    /// event it corrects, and re-sending it is a duplicate.
    public var declaresError: Bool
    /// The event ID as sent, or the hash URI when none was.
    public var eventID: String
    /// The event type, e.g. `ObjectEvent`.
    public var type: String
    /// `ADD`, `OBSERVE` or `DELETE`, when the type has one.
    public var action: String?
    /// When the event happened, in microseconds since 1970.
    public var eventTime: Int64
    /// When the repository recorded it, in microseconds since 1970.
    public var recordTime: Int64
    /// The business step URI.
    public var bizStep: String?
    /// The disposition URI.
    public var disposition: String?
    /// The read point's canonical identity.
    public var readPoint: String?
    /// The business location's canonical identity.
    public var bizLocation: String?
    /// Every identifier the event names, by canonical identity and role, without repeats.
    public var identifiers: [EventIdentifier]
    /// The business transactions, by type URI (empty when none was given) and canonical identity.
    public var transactions: [EventTransaction]
    /// The canonical JSON-LD of the event, with its event ID and record time.
    public var json: String

    /// Creates an event record.
    public init(
        hash: EventHash, declaresError: Bool, eventID: String, type: String, action: String?, eventTime: Int64,
        recordTime: Int64, bizStep: String?, disposition: String?, readPoint: String?, bizLocation: String?,
        identifiers: [EventIdentifier], transactions: [EventTransaction] = [], json: String
    ) {
        self.hash = hash
        self.declaresError = declaresError
        self.eventID = eventID
        self.type = type
        self.action = action
        self.eventTime = eventTime
        self.recordTime = recordTime
        self.bizStep = bizStep
        self.disposition = disposition
        self.readPoint = readPoint
        self.bizLocation = bizLocation
        self.identifiers = identifiers
        self.transactions = transactions
        self.json = json
    }
}

/// An identifier an event names, in one role.
public struct EventIdentifier: Sendable, Hashable {
    /// The canonical identity: the `https://id.gs1.org` Digital Link for GS1 keys (so an EPC URN
    /// and any Digital Link of the same key are one identity), the URI itself otherwise.
    public var identity: String
    /// Where in the event it appears.
    public var role: EventIdentifierRole

    /// Creates an identifier in a role.
    public init(identity: String, role: EventIdentifierRole) {
        self.identity = identity
        self.role = role
    }
}

/// Where an identifier appears in an event.
public enum EventIdentifierRole: String, Sendable, Hashable, CaseIterable {
    /// In `epcList`.
    case epc
    /// As `parentID`.
    case parent
    /// In `childEPCs`.
    case child
    /// In `inputEPCList`.
    case input
    /// In `outputEPCList`.
    case output
    /// As an `epcClass` of `quantityList`.
    case quantity
    /// As an `epcClass` of `childQuantityList`.
    case childQuantity
    /// As an `epcClass` of `inputQuantityList`.
    case inputQuantity
    /// As an `epcClass` of `outputQuantityList`.
    case outputQuantity
}

/// A business transaction an event belongs to.
public struct EventTransaction: Sendable, Hashable {
    /// The type URI, e.g. `https://ref.gs1.org/cbv/BTT-po`, or empty when none was given.
    public var type: String
    /// The transaction's canonical identity.
    public var identity: String

    /// Creates a transaction reference.
    public init(type: String, identity: String) {
        self.type = type
        self.identity = identity
    }
}
