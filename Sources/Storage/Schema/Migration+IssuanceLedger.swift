extension Migration {
    /// The ledger position of each issuance's manifest entry, so that a scan can show its unit's
    /// ledger evidence without searching the log (whose entries have no index besides their
    /// position). `NULL` until the manifest is appended.
    static let issuanceLedgerIndex = Migration(
        name: "0005_issuance_ledger_index",
        sqlite: ["ALTER TABLE issuances ADD COLUMN ledger_index INTEGER"],
        postgres: ["ALTER TABLE issuances ADD COLUMN ledger_index bigint"]
    )
}
