extension Migration {
    /// The lot index behind recall scoping, and an index to read events' transactions by event.
    ///
    /// `epcis_lot_units` holds which units the events state to belong to which batch
    /// (`LotMembership`: ILMD `lotNumber`, Digital Links carrying `/10/{lot}`), one row per
    /// stating event so that visibility applies. `epcis_lot_rows` copies every identifier row of
    /// the events naming those units, keyed by batch and role: a batch's aggregation events are
    /// then one range of the key, where finding them through `epcis_event_identifiers` would
    /// take a probe per unit (a million probes for a lot of a million units). Both are derived
    /// from the events and filled by `indexLots()`, which reads the events captured since
    /// `epcis_lot_index.indexed_seq`; capture itself is unchanged.
    ///
    /// Distribution: both lot tables lead with the GTIN, as the passport tables do.
    static let traceScope = Migration(
        name: "0010_trace_scope",
        sqlite: [
            """
            CREATE TABLE epcis_lot_units (
                gtin TEXT NOT NULL,
                lot TEXT NOT NULL,
                identity TEXT NOT NULL,
                event_seq INTEGER NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (gtin, lot, identity, event_seq)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX epcis_lot_units_by_identity ON epcis_lot_units (identity)",
            """
            CREATE TABLE epcis_lot_rows (
                gtin TEXT NOT NULL,
                lot TEXT NOT NULL,
                role TEXT NOT NULL,
                event_seq INTEGER NOT NULL REFERENCES epcis_events(seq),
                identity TEXT NOT NULL,
                PRIMARY KEY (gtin, lot, role, event_seq, identity)
            ) WITHOUT ROWID
            """,
            "CREATE TABLE epcis_lot_index (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_seq INTEGER NOT NULL)",
            "INSERT INTO epcis_lot_index (id, indexed_seq) VALUES (1, 0)",
            "CREATE INDEX epcis_event_transactions_by_event ON epcis_event_transactions (event_seq)",
        ],
        postgres: [
            """
            CREATE TABLE epcis_lot_units (
                gtin text NOT NULL,
                lot text NOT NULL,
                identity text NOT NULL,
                event_seq bigint NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (gtin, lot, identity, event_seq)
            )
            """,
            "CREATE INDEX epcis_lot_units_by_identity ON epcis_lot_units (identity)",
            """
            CREATE TABLE epcis_lot_rows (
                gtin text NOT NULL,
                lot text NOT NULL,
                role text NOT NULL,
                event_seq bigint NOT NULL REFERENCES epcis_events(seq),
                identity text NOT NULL,
                PRIMARY KEY (gtin, lot, role, event_seq, identity)
            )
            """,
            "CREATE TABLE epcis_lot_index (id integer PRIMARY KEY CHECK (id = 1), indexed_seq bigint NOT NULL)",
            "INSERT INTO epcis_lot_index (id, indexed_seq) VALUES (1, 0)",
            "CREATE INDEX epcis_event_transactions_by_event ON epcis_event_transactions (event_seq)",
        ]
    )
}
