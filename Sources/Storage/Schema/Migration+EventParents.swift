extension Migration {
    /// The parent of each aggregation or association event, by event: climbing from a lot's
    /// cases to their pallets reads one parent per case event here, where the index by event
    /// visits every row of the event (a parent and 24 children per case, a million rows for a
    /// lot of a million units). Partial, so capture adds an entry only for a parent row.
    static let eventParents = Migration(
        name: "0012_event_parents",
        sqlite: [
            """
            CREATE INDEX epcis_event_identifiers_parents ON epcis_event_identifiers (event_seq, identity)
            WHERE role = 'parent'
            """
        ],
        postgres: [
            """
            CREATE INDEX epcis_event_identifiers_parents ON epcis_event_identifiers (event_seq, identity)
            WHERE role = 'parent'
            """
        ]
    )
}
