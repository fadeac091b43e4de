extension Migration {
    /// The events naming a batch's units, once per (event, role): what recall scoping reads to
    /// find a lot's events. Read from `epcis_lot_rows` it was a scan of a row per unit and role
    /// (two million rows for a lot of a million units, a third of a second); here it is one row
    /// per event and role (forty-three thousand for the same lot). Filled by `indexLots()` with
    /// `epcis_lot_rows`, and from it for lots indexed before this migration.
    static let lotEvents = Migration(
        name: "0011_lot_events",
        sqlite: [
            """
            CREATE TABLE epcis_lot_events (
                gtin TEXT NOT NULL,
                lot TEXT NOT NULL,
                role TEXT NOT NULL,
                event_seq INTEGER NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (gtin, lot, role, event_seq)
            ) WITHOUT ROWID
            """,
            """
            INSERT INTO epcis_lot_events (gtin, lot, role, event_seq)
            SELECT gtin, lot, role, event_seq FROM epcis_lot_rows GROUP BY gtin, lot, role, event_seq
            """,
        ],
        postgres: [
            """
            CREATE TABLE epcis_lot_events (
                gtin text NOT NULL,
                lot text NOT NULL,
                role text NOT NULL,
                event_seq bigint NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (gtin, lot, role, event_seq)
            )
            """,
            """
            INSERT INTO epcis_lot_events (gtin, lot, role, event_seq)
            SELECT DISTINCT gtin, lot, role, event_seq FROM epcis_lot_rows
            """,
        ]
    )
}
