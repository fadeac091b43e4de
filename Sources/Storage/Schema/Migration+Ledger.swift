extension Migration {
    /// The tamper-evident ledger: entries (the leaves), complete subtree hashes, the tree head
    /// and signed checkpoints.
    ///
    /// The ledger is one totally ordered log, so its tables are not distributed by GTIN: appends
    /// serialise on the `ledger_head` row anyway. On a distributed engine they stay together on
    /// one node (a Citus local table on the coordinator), beside the reference tables.
    ///
    /// `ledger_entries.recorded_at` is part of each leaf's canonical encoding and must come back
    /// to the microsecond: microseconds since 1970 in SQLite, `timestamptz` (whose resolution is
    /// the microsecond) in PostgreSQL. `ledger_nodes` holds complete subtrees of level 1 and up
    /// (level 0 is `ledger_entries.leaf_hash`); a proof reads at most two of them per level. Its
    /// key is `NodeID.storageKey`, (position of the subtree's last leaf) × 64 + level, the order
    /// appends complete subtrees in, so its inserts append to the index like the entries' do
    /// (keyed by level and index they landed at a different place per level, which cost as
    /// much as the entry insert itself). The head row starts as the empty tree, whose root is
    /// SHA-256("").
    static let ledger = Migration(
        name: "0003_ledger",
        sqlite: [
            """
            CREATE TABLE ledger_entries (
                leaf_index INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                record_table TEXT NOT NULL,
                record_key TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                payload_digest BLOB NOT NULL,
                leaf_hash BLOB NOT NULL
            )
            """,
            """
            CREATE TABLE ledger_nodes (
                node_key INTEGER PRIMARY KEY,
                hash BLOB NOT NULL
            )
            """,
            """
            CREATE TABLE ledger_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                tree_size INTEGER NOT NULL CHECK (tree_size >= 0),
                root_hash BLOB NOT NULL
            )
            """,
            """
            INSERT INTO ledger_head (id, tree_size, root_hash)
            VALUES (1, 0, X'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
            """,
            """
            CREATE TABLE ledger_checkpoints (
                tree_size INTEGER PRIMARY KEY,
                root_hash BLOB NOT NULL,
                note TEXT NOT NULL,
                signed_at INTEGER NOT NULL
            )
            """,
        ],
        postgres: [
            """
            CREATE TABLE ledger_entries (
                leaf_index bigint PRIMARY KEY,
                kind text NOT NULL,
                record_table text NOT NULL,
                record_key text NOT NULL,
                recorded_at timestamptz NOT NULL,
                actor text NOT NULL,
                payload_digest bytea NOT NULL,
                leaf_hash bytea NOT NULL
            )
            """,
            """
            CREATE TABLE ledger_nodes (
                node_key bigint PRIMARY KEY,
                hash bytea NOT NULL
            )
            """,
            """
            CREATE TABLE ledger_head (
                id smallint PRIMARY KEY CHECK (id = 1),
                tree_size bigint NOT NULL CHECK (tree_size >= 0),
                root_hash bytea NOT NULL
            )
            """,
            """
            INSERT INTO ledger_head (id, tree_size, root_hash)
            VALUES (1, 0, '\\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
            """,
            """
            CREATE TABLE ledger_checkpoints (
                tree_size bigint PRIMARY KEY,
                root_hash bytea NOT NULL,
                note text NOT NULL,
                signed_at timestamptz NOT NULL
            )
            """,
        ]
    )
}
