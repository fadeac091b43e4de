extension Migration {
    /// Recall records with their milestones, per-buyer notices, reported returns and audit
    /// events. A batch has at most one running (open or completed) record: a partial unique
    /// index. A milestone that does not repeat is stored once per record: another.
    ///
    /// Distribution: `recall_records` is small and read by id or producer, a reference table
    /// replicated to every node like `organisations`; its `(gtin, lot)` reference to `batches`
    /// runs towards the GTIN shard. The other four tables lead every key and index with
    /// `recall_id` and every query names one record, so they are distributed by `recall_id` and
    /// co-located: a recall's notices, however many buyers it reaches, live on one shard.
    static let recalls = Migration(
        name: "0009_recalls",
        sqlite: [
            """
            CREATE TABLE recall_records (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                gtin TEXT NOT NULL,
                lot TEXT NOT NULL,
                serial_from TEXT,
                serial_to TEXT,
                producer_id INTEGER NOT NULL REFERENCES organisations(id),
                reason TEXT NOT NULL,
                hazard TEXT NOT NULL,
                remedies TEXT NOT NULL,
                regulator_reference TEXT,
                defect_confirmed_on TEXT NOT NULL,
                affected_producer INTEGER NOT NULL CHECK (affected_producer >= 0),
                affected_distributor INTEGER NOT NULL CHECK (affected_distributor >= 0),
                affected_retailer INTEGER NOT NULL CHECK (affected_retailer >= 0),
                affected_consumer INTEGER NOT NULL CHECK (affected_consumer >= 0),
                status TEXT NOT NULL,
                opened_by TEXT NOT NULL,
                opened_at INTEGER NOT NULL,
                FOREIGN KEY (gtin, lot) REFERENCES batches (gtin, lot)
            )
            """,
            "CREATE INDEX recall_records_by_producer ON recall_records (producer_id, id)",
            """
            CREATE UNIQUE INDEX recall_records_one_running ON recall_records (gtin, lot)
            WHERE status IN ('open', 'completed')
            """,
            """
            CREATE TABLE recall_milestones (
                recall_id INTEGER NOT NULL REFERENCES recall_records(id),
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                on_day TEXT NOT NULL,
                reference TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (recall_id, seq)
            )
            """,
            """
            CREATE UNIQUE INDEX recall_milestones_once ON recall_milestones (recall_id, kind)
            WHERE kind <> 'progress_report'
            """,
            """
            CREATE TABLE recall_notices (
                recall_id INTEGER NOT NULL REFERENCES recall_records(id),
                order_id TEXT NOT NULL,
                buyer TEXT,
                units INTEGER NOT NULL CHECK (units > 0),
                status TEXT NOT NULL,
                response TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (recall_id, order_id)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX recall_notices_by_status ON recall_notices (recall_id, status, order_id)",
            """
            CREATE TABLE recall_returns (
                recall_id INTEGER NOT NULL REFERENCES recall_records(id),
                seq INTEGER NOT NULL,
                level TEXT NOT NULL,
                returned INTEGER NOT NULL CHECK (returned >= 0),
                corrected INTEGER NOT NULL CHECK (corrected >= 0),
                on_day TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (recall_id, seq)
            )
            """,
            """
            CREATE TABLE recall_events (
                recall_id INTEGER NOT NULL REFERENCES recall_records(id),
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                actor TEXT NOT NULL,
                at INTEGER NOT NULL,
                note TEXT,
                detail TEXT NOT NULL,
                PRIMARY KEY (recall_id, seq)
            )
            """,
        ],
        postgres: [
            """
            CREATE TABLE recall_records (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                gtin text NOT NULL,
                lot text NOT NULL,
                serial_from text,
                serial_to text,
                producer_id bigint NOT NULL REFERENCES organisations(id),
                reason text NOT NULL,
                hazard text NOT NULL,
                remedies text NOT NULL,
                regulator_reference text,
                defect_confirmed_on date NOT NULL,
                affected_producer bigint NOT NULL CHECK (affected_producer >= 0),
                affected_distributor bigint NOT NULL CHECK (affected_distributor >= 0),
                affected_retailer bigint NOT NULL CHECK (affected_retailer >= 0),
                affected_consumer bigint NOT NULL CHECK (affected_consumer >= 0),
                status text NOT NULL,
                opened_by text NOT NULL,
                opened_at timestamptz NOT NULL,
                FOREIGN KEY (gtin, lot) REFERENCES batches (gtin, lot)
            )
            """,
            "CREATE INDEX recall_records_by_producer ON recall_records (producer_id, id)",
            """
            CREATE UNIQUE INDEX recall_records_one_running ON recall_records (gtin, lot)
            WHERE status IN ('open', 'completed')
            """,
            """
            CREATE TABLE recall_milestones (
                recall_id bigint NOT NULL REFERENCES recall_records(id),
                seq bigint NOT NULL,
                kind text NOT NULL,
                on_day date NOT NULL,
                reference text,
                recorded_by text NOT NULL,
                recorded_at timestamptz NOT NULL,
                PRIMARY KEY (recall_id, seq)
            )
            """,
            """
            CREATE UNIQUE INDEX recall_milestones_once ON recall_milestones (recall_id, kind)
            WHERE kind <> 'progress_report'
            """,
            """
            CREATE TABLE recall_notices (
                recall_id bigint NOT NULL REFERENCES recall_records(id),
                order_id text NOT NULL,
                buyer text,
                units bigint NOT NULL CHECK (units > 0),
                status text NOT NULL,
                response text,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (recall_id, order_id)
            )
            """,
            "CREATE INDEX recall_notices_by_status ON recall_notices (recall_id, status, order_id)",
            """
            CREATE TABLE recall_returns (
                recall_id bigint NOT NULL REFERENCES recall_records(id),
                seq bigint NOT NULL,
                level text NOT NULL,
                returned bigint NOT NULL CHECK (returned >= 0),
                corrected bigint NOT NULL CHECK (corrected >= 0),
                on_day date NOT NULL,
                recorded_by text NOT NULL,
                recorded_at timestamptz NOT NULL,
                PRIMARY KEY (recall_id, seq)
            )
            """,
            """
            CREATE TABLE recall_events (
                recall_id bigint NOT NULL REFERENCES recall_records(id),
                seq bigint NOT NULL,
                kind text NOT NULL,
                actor text NOT NULL,
                at timestamptz NOT NULL,
                note text,
                detail text NOT NULL,
                PRIMARY KEY (recall_id, seq)
            )
            """,
        ]
    )
}
