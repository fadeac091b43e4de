extension Migration {
    /// The ledger position of each captured event's entry, `NULL` until it is appended. Only
    /// the few rows still waiting are indexed, so finding them costs nothing as the table grows.
    static let eventLedgerIndex = Migration(
        name: "0008_epcis_event_ledger_index",
        sqlite: [
            "ALTER TABLE epcis_events ADD COLUMN ledger_index INTEGER",
            "CREATE INDEX epcis_events_missing_ledger ON epcis_events (seq) WHERE ledger_index IS NULL",
        ],
        postgres: [
            "ALTER TABLE epcis_events ADD COLUMN ledger_index bigint",
            "CREATE INDEX epcis_events_missing_ledger ON epcis_events (seq) WHERE ledger_index IS NULL",
        ]
    )
}
