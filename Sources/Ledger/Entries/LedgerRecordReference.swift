/// Where the record an entry describes lives: its table and its key there, e.g.
/// `issuances` / `09506000134352/LOT2026A/17`. The ledger stores the reference, not the record;
/// the payload digest ties the entry to the record's content.
public struct LedgerRecordReference: Sendable, Hashable, Codable {
    /// The table (or other collection) holding the record.
    public var table: String
    /// The record's key in that table, as text.
    public var key: String

    /// A reference to a record.
    public init(table: String, key: String) {
        self.table = table
        self.key = key
    }
}
