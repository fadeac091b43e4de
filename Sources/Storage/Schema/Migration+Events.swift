extension Migration {
    /// EPCIS 2.0 capture: capture jobs, events keyed by their CBV 2.0 event hash, and the
    /// identifiers each event names.
    ///
    /// `epcis_events` has one row per distinct event: `(event_hash, declares_error)` is unique,
    /// so re-capturing an event changes nothing (an error declaration carries the hash of the
    /// event it corrects, and is kept beside it). `seq` is the capture order, which queries
    /// page through. The columns queries select on are copied out of the event and indexed; the
    /// event itself is `event_json`, its canonical JSON-LD. Read points and business locations
    /// hold canonical identities, as does `epcis_event_identifiers.identity`: an EPC URN and
    /// every Digital Link of the same GS1 key are one identity there
    /// (`https://id.gs1.org/01/…/21/…`), which is what `MATCH_*` queries and traces look up.
    /// Times are microseconds since 1970 in SQLite and `timestamptz` in PostgreSQL.
    ///
    /// `epcis_event_transactions` holds each event's `bizTransactionList`: the type URI (empty
    /// when none was given) and the transaction's canonical identity, for `EQ_bizTransaction_…`.
    ///
    /// `epcis_event_owners` lists, for each event, every organisation that captured it, first or
    /// again: an organisation sees the events it captured, including those another party had
    /// captured before (`epcis_events.organisation_id` is the first). A local import has no
    /// organisation and adds no owner.
    ///
    /// Distribution: an event names many GTINs, so these tables are not keyed by GTIN. On a
    /// distributed engine `epcis_events` and `epcis_event_identifiers` are distributed by the
    /// event's `seq` and co-located, so capturing an event writes one shard; lookups by identity
    /// or by an indexed column fan out to every shard's index. `epcis_captures` is small and
    /// stays with the reference tables.
    static let epcis = Migration(
        name: "0004_epcis",
        sqlite: [
            """
            CREATE TABLE epcis_captures (
                id TEXT PRIMARY KEY,
                organisation_id INTEGER REFERENCES organisations(id),
                created_at INTEGER NOT NULL,
                finished_at INTEGER,
                success INTEGER NOT NULL,
                event_count INTEGER NOT NULL,
                accepted_count INTEGER NOT NULL,
                duplicate_count INTEGER NOT NULL,
                errors TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE epcis_events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                event_hash TEXT NOT NULL,
                declares_error INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                capture_id TEXT NOT NULL REFERENCES epcis_captures(id),
                organisation_id INTEGER REFERENCES organisations(id),
                event_type TEXT NOT NULL,
                action TEXT,
                event_time INTEGER NOT NULL,
                record_time INTEGER NOT NULL,
                biz_step TEXT,
                disposition TEXT,
                read_point TEXT,
                biz_location TEXT,
                event_json TEXT NOT NULL,
                UNIQUE (event_hash, declares_error)
            )
            """,
            "CREATE INDEX epcis_captures_by_organisation ON epcis_captures (organisation_id, created_at)",
            "CREATE INDEX epcis_events_by_event_time ON epcis_events (event_time, seq)",
            "CREATE INDEX epcis_events_by_record_time ON epcis_events (record_time, seq)",
            "CREATE INDEX epcis_events_by_type ON epcis_events (event_type, seq)",
            "CREATE INDEX epcis_events_by_biz_step ON epcis_events (biz_step, seq)",
            "CREATE INDEX epcis_events_by_disposition ON epcis_events (disposition, seq)",
            "CREATE INDEX epcis_events_by_read_point ON epcis_events (read_point, seq)",
            "CREATE INDEX epcis_events_by_biz_location ON epcis_events (biz_location, seq)",
            "CREATE INDEX epcis_events_by_event_id ON epcis_events (event_id, seq)",
            """
            CREATE TABLE epcis_event_identifiers (
                identity TEXT NOT NULL,
                role TEXT NOT NULL,
                event_seq INTEGER NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (identity, role, event_seq)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX epcis_event_identifiers_by_event ON epcis_event_identifiers (event_seq)",
            """
            CREATE TABLE epcis_event_owners (
                organisation_id INTEGER NOT NULL REFERENCES organisations(id),
                event_seq INTEGER NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (organisation_id, event_seq)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX epcis_event_owners_by_event ON epcis_event_owners (event_seq)",
            """
            CREATE TABLE epcis_event_transactions (
                type TEXT NOT NULL,
                identity TEXT NOT NULL,
                event_seq INTEGER NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (type, identity, event_seq)
            ) WITHOUT ROWID
            """,
        ],
        postgres: [
            """
            CREATE TABLE epcis_captures (
                id text PRIMARY KEY,
                organisation_id bigint REFERENCES organisations(id),
                created_at timestamptz NOT NULL,
                finished_at timestamptz,
                success boolean NOT NULL,
                event_count bigint NOT NULL,
                accepted_count bigint NOT NULL,
                duplicate_count bigint NOT NULL,
                errors text NOT NULL
            )
            """,
            """
            CREATE TABLE epcis_events (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_hash text NOT NULL,
                declares_error boolean NOT NULL,
                event_id text NOT NULL,
                capture_id text NOT NULL REFERENCES epcis_captures(id),
                organisation_id bigint REFERENCES organisations(id),
                event_type text NOT NULL,
                action text,
                event_time timestamptz NOT NULL,
                record_time timestamptz NOT NULL,
                biz_step text,
                disposition text,
                read_point text,
                biz_location text,
                event_json text NOT NULL,
                UNIQUE (event_hash, declares_error)
            )
            """,
            "CREATE INDEX epcis_captures_by_organisation ON epcis_captures (organisation_id, created_at)",
            "CREATE INDEX epcis_events_by_event_time ON epcis_events (event_time, seq)",
            "CREATE INDEX epcis_events_by_record_time ON epcis_events (record_time, seq)",
            "CREATE INDEX epcis_events_by_type ON epcis_events (event_type, seq)",
            "CREATE INDEX epcis_events_by_biz_step ON epcis_events (biz_step, seq)",
            "CREATE INDEX epcis_events_by_disposition ON epcis_events (disposition, seq)",
            "CREATE INDEX epcis_events_by_read_point ON epcis_events (read_point, seq)",
            "CREATE INDEX epcis_events_by_biz_location ON epcis_events (biz_location, seq)",
            "CREATE INDEX epcis_events_by_event_id ON epcis_events (event_id, seq)",
            """
            CREATE TABLE epcis_event_identifiers (
                identity text NOT NULL,
                role text NOT NULL,
                event_seq bigint NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (identity, role, event_seq)
            )
            """,
            "CREATE INDEX epcis_event_identifiers_by_event ON epcis_event_identifiers (event_seq)",
            """
            CREATE TABLE epcis_event_owners (
                organisation_id bigint NOT NULL REFERENCES organisations(id),
                event_seq bigint NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (organisation_id, event_seq)
            )
            """,
            "CREATE INDEX epcis_event_owners_by_event ON epcis_event_owners (event_seq)",
            """
            CREATE TABLE epcis_event_transactions (
                type text NOT NULL,
                identity text NOT NULL,
                event_seq bigint NOT NULL REFERENCES epcis_events(seq),
                PRIMARY KEY (type, identity, event_seq)
            )
            """,
        ]
    )
}
