public import Ledger

/// A stored event whose capture has not yet been appended to the ledger.
///
/// Its ledger entry (kind `epcis_event`) points at the event by its identity — the CBV 2.0
/// event hash URI, with `#errorDeclaration` appended for an error declaration, which carries
/// the hash of the event it corrects — and its payload digest is the SHA-256 of the event's
/// stored canonical JSON-LD, so the ledger also fixes what was captured, not only that it was.
public struct UnloggedEvent: Sendable, Equatable {
    /// The event's position in capture order (the store's row key).
    public var sequence: Int64
    /// The CBV 2.0 event hash.
    public var hash: EventHash
    /// Whether the event declares an earlier one in error.
    public var declaresError: Bool
    /// The organisation that captured it first, or `nil` for a local import.
    public var organisationID: Int64?
    /// When it was recorded, in microseconds since 1970.
    public var recordTime: Int64
    /// Its stored canonical JSON-LD.
    public var json: String

    /// Creates a record.
    public init(
        sequence: Int64, hash: EventHash, declaresError: Bool, organisationID: Int64?, recordTime: Int64, json: String
    ) {
        self.sequence = sequence
        self.hash = hash
        self.declaresError = declaresError
        self.organisationID = organisationID
        self.recordTime = recordTime
        self.json = json
    }

    /// The table events live in, as ledger entries name it.
    public static let table = "epcis_events"

    /// The event's identity as its ledger entry names it.
    public var recordKey: String { declaresError ? hash.uri + "#errorDeclaration" : hash.uri }

    /// The ledger entry of the event's capture.
    public var entry: LedgerEntry {
        LedgerEntry(
            kind: .epcisEvent, record: LedgerRecordReference(table: Self.table, key: recordKey),
            microsecondsSince1970: recordTime, actor: organisationID.map { "organisation:\($0)" } ?? "system",
            payloadDigest: LedgerHash.sha256(of: Array(json.utf8)))
    }
}

/// Where an event's entry landed in the ledger.
public struct EventLedgerPosition: Sendable, Equatable {
    /// The event's position in capture order.
    public var sequence: Int64
    /// The entry's leaf index.
    public var index: UInt64

    /// Creates a position.
    public init(sequence: Int64, index: UInt64) {
        self.sequence = sequence
        self.index = index
    }
}
