/// An entry as the store holds it, field by field, read back without judgement: an audit must
/// see an edited row as it is, including one that no longer makes a valid entry.
public struct StoredLedgerLeaf: Sendable, Hashable {
    /// The stored position.
    public var index: UInt64
    /// The stored kind name.
    public var kind: String
    /// The stored record table.
    public var recordTable: String
    /// The stored record key.
    public var recordKey: String
    /// The stored time, microseconds since 1970.
    public var microsecondsSince1970: Int64
    /// The stored actor.
    public var actor: String
    /// The stored payload digest bytes.
    public var payloadDigest: [UInt8]
    /// The stored leaf hash bytes.
    public var leafHash: [UInt8]

    /// A stored row from its fields.
    public init(
        index: UInt64, kind: String, recordTable: String, recordKey: String, microsecondsSince1970: Int64,
        actor: String, payloadDigest: [UInt8], leafHash: [UInt8]
    ) {
        self.index = index
        self.kind = kind
        self.recordTable = recordTable
        self.recordKey = recordKey
        self.microsecondsSince1970 = microsecondsSince1970
        self.actor = actor
        self.payloadDigest = payloadDigest
        self.leafHash = leafHash
    }

    /// The row of a leaf appended at a position.
    public init(index: UInt64, leaf: LedgerLeaf) {
        let entry = leaf.entry
        self.init(
            index: index, kind: entry.kind.rawValue, recordTable: entry.record.table, recordKey: entry.record.key,
            microsecondsSince1970: entry.microsecondsSince1970, actor: entry.actor,
            payloadDigest: entry.payloadDigest.bytes, leafHash: leaf.hash.bytes)
    }

    /// The entry the fields make; `invalidEntry` or `malformedHash` when they make none.
    public func entry() throws(LedgerError) -> LedgerEntry {
        guard let kind = LedgerEntryKind(rawValue: kind) else { throw .invalidEntry("unknown kind '\(kind)'") }
        return LedgerEntry(
            kind: kind, record: LedgerRecordReference(table: recordTable, key: recordKey),
            microsecondsSince1970: microsecondsSince1970, actor: actor,
            payloadDigest: try LedgerHash(bytes: payloadDigest))
    }
}
