// The schema, as named, append-only migrations with the same names on both backends. A migration
// that has landed is never edited: a change is a new migration at the end of `Migration.all`.
// Both backends record applied names in `schema_migrations(name, applied_at)` (see
// `SQLiteMigrator` and `PostgresMigrator`).
//
// Distribution plan (beyond one PostgreSQL: Citus, YugabyteDB, CockroachDB). Product data is
// keyed so that it can be spread across nodes by GTIN, which lies under the producer's GS1
// company prefix:
// - `products`, `batches`, `issuances`, `units` and `scans` are distributed by `gtin` and
//   co-located: `gtin` leads every primary key and index, and every query on them names one
//   GTIN, so each runs on a single shard. Two exceptions: `products(ownedBy:)`, a console
//   listing that fans out to every shard through the `products_by_owner` index, and
//   `recordScans`, whose batch may hold several GTINs and so becomes a multi-shard transaction
//   (a writer that groups its batches by GTIN keeps it on one shard).
// - `organisations`, `company_prefixes`, `api_tokens` and `serial_keys` are small, read on every
//   request and written rarely: reference tables, replicated to every node.
// - Foreign keys run only within a GTIN's shard or towards a reference table, the two kinds a
//   distributed engine can enforce; `scans` and `units` have none, because scans of codes that
//   were never registered are recorded too.
// GTIN rather than company prefix is the distribution column because prefixes have 6 to 12
// digits: the prefix of a GTIN cannot be read off the GTIN without a lookup, while every GTIN of
// one producer still shares its leading digits.
//
// Representation: instants are microseconds since 1970 (`INTEGER` in SQLite, `timestamptz` in
// PostgreSQL); calendar days are `YYYY-MM-DD` text in SQLite and `date` in PostgreSQL; GTINs are
// stored as their 14 digits.

/// A named schema change with its SQL statements for each backend.
struct Migration: Sendable {
    /// The name recorded once the migration is applied, e.g. `0001_organisations`.
    let name: String
    /// The statements for SQLite, run in order in one transaction.
    let sqlite: [String]
    /// The statements for PostgreSQL, run in order in one transaction.
    let postgres: [String]

    /// Every migration, in the order they are applied.
    static let all: [Migration] = [
        organisations, passport, ledger, epcis, issuanceLedgerIndex, governance, tokenDuties, eventLedgerIndex,
        recalls, traceScope, lotEvents, eventParents,
    ]

    /// Organisations, their company prefixes and API tokens.
    static let organisations = Migration(
        name: "0001_organisations",
        sqlite: [
            """
            CREATE TABLE organisations (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                created_at INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE company_prefixes (
                prefix TEXT PRIMARY KEY,
                organisation_id INTEGER NOT NULL REFERENCES organisations(id)
            )
            """,
            "CREATE INDEX company_prefixes_by_organisation ON company_prefixes (organisation_id, prefix)",
            """
            CREATE TABLE api_tokens (
                digest TEXT PRIMARY KEY,
                organisation_id INTEGER NOT NULL REFERENCES organisations(id),
                label TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                revoked_at INTEGER
            )
            """,
        ],
        postgres: [
            """
            CREATE TABLE organisations (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL UNIQUE,
                role text NOT NULL,
                created_at timestamptz NOT NULL
            )
            """,
            """
            CREATE TABLE company_prefixes (
                prefix text PRIMARY KEY,
                organisation_id bigint NOT NULL REFERENCES organisations(id)
            )
            """,
            "CREATE INDEX company_prefixes_by_organisation ON company_prefixes (organisation_id, prefix)",
            """
            CREATE TABLE api_tokens (
                digest text PRIMARY KEY,
                organisation_id bigint NOT NULL REFERENCES organisations(id),
                label text NOT NULL,
                created_at timestamptz NOT NULL,
                revoked_at timestamptz
            )
            """,
        ]
    )

    /// Products, batches with their serial counters, issuances, serial keys, units and scans.
    static let passport = Migration(
        name: "0002_passport",
        sqlite: [
            """
            CREATE TABLE products (
                gtin TEXT PRIMARY KEY,
                owner_id INTEGER NOT NULL REFERENCES organisations(id),
                name TEXT NOT NULL,
                brand TEXT,
                category TEXT NOT NULL,
                specification TEXT,
                standard TEXT,
                composition TEXT,
                origin TEXT,
                created_at INTEGER NOT NULL
            )
            """,
            "CREATE INDEX products_by_owner ON products (owner_id, gtin)",
            """
            CREATE TABLE batches (
                gtin TEXT NOT NULL REFERENCES products(gtin),
                lot TEXT NOT NULL,
                produced_on TEXT NOT NULL,
                expires_on TEXT,
                factory_gln TEXT,
                quantity INTEGER,
                lab_report TEXT,
                next_index INTEGER NOT NULL DEFAULT 0 CHECK (next_index >= 0),
                recalled_at INTEGER,
                recalled_by INTEGER REFERENCES organisations(id),
                recall_reason TEXT,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (gtin, lot)
            )
            """,
            """
            CREATE TABLE issuances (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                gtin TEXT NOT NULL,
                lot TEXT NOT NULL,
                first_index INTEGER NOT NULL,
                count INTEGER NOT NULL CHECK (count > 0),
                issued_by INTEGER NOT NULL REFERENCES organisations(id),
                issued_at INTEGER NOT NULL,
                FOREIGN KEY (gtin, lot) REFERENCES batches (gtin, lot)
            )
            """,
            "CREATE INDEX issuances_by_batch ON issuances (gtin, lot, first_index)",
            """
            CREATE TABLE serial_keys (
                id INTEGER PRIMARY KEY,
                secret BLOB NOT NULL,
                created_at INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE units (
                gtin TEXT NOT NULL,
                lot TEXT NOT NULL,
                serial TEXT NOT NULL,
                scan_count INTEGER NOT NULL DEFAULT 0,
                first_scan_at INTEGER,
                last_scan_at INTEGER,
                PRIMARY KEY (gtin, lot, serial)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE scans (
                id INTEGER PRIMARY KEY,
                gtin TEXT NOT NULL,
                lot TEXT NOT NULL,
                serial TEXT NOT NULL,
                scanned_at INTEGER NOT NULL,
                verdict TEXT NOT NULL,
                latitude REAL,
                longitude REAL,
                client TEXT NOT NULL
            )
            """,
            "CREATE INDEX scans_by_unit ON scans (gtin, lot, serial, scanned_at)",
        ],
        postgres: [
            """
            CREATE TABLE products (
                gtin text PRIMARY KEY,
                owner_id bigint NOT NULL REFERENCES organisations(id),
                name text NOT NULL,
                brand text,
                category text NOT NULL,
                specification text,
                standard text,
                composition text,
                origin text,
                created_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX products_by_owner ON products (owner_id, gtin)",
            """
            CREATE TABLE batches (
                gtin text NOT NULL REFERENCES products(gtin),
                lot text NOT NULL,
                produced_on date NOT NULL,
                expires_on date,
                factory_gln text,
                quantity bigint,
                lab_report text,
                next_index bigint NOT NULL DEFAULT 0 CHECK (next_index >= 0),
                recalled_at timestamptz,
                recalled_by bigint REFERENCES organisations(id),
                recall_reason text,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (gtin, lot)
            )
            """,
            """
            CREATE TABLE issuances (
                id bigint GENERATED ALWAYS AS IDENTITY,
                gtin text NOT NULL,
                lot text NOT NULL,
                first_index bigint NOT NULL,
                count bigint NOT NULL CHECK (count > 0),
                issued_by bigint NOT NULL REFERENCES organisations(id),
                issued_at timestamptz NOT NULL,
                PRIMARY KEY (gtin, lot, id),
                FOREIGN KEY (gtin, lot) REFERENCES batches (gtin, lot)
            )
            """,
            """
            CREATE TABLE serial_keys (
                id integer PRIMARY KEY,
                secret bytea NOT NULL,
                created_at timestamptz NOT NULL
            )
            """,
            """
            CREATE TABLE units (
                gtin text NOT NULL,
                lot text NOT NULL,
                serial text NOT NULL,
                scan_count bigint NOT NULL DEFAULT 0,
                first_scan_at timestamptz,
                last_scan_at timestamptz,
                PRIMARY KEY (gtin, lot, serial)
            )
            """,
            // The primary key is the history index: newest-first reads of one unit walk it
            // backwards, and `id` only makes it unique.
            """
            CREATE TABLE scans (
                id bigint GENERATED ALWAYS AS IDENTITY,
                gtin text NOT NULL,
                lot text NOT NULL,
                serial text NOT NULL,
                scanned_at timestamptz NOT NULL,
                verdict text NOT NULL,
                latitude double precision,
                longitude double precision,
                client text NOT NULL,
                PRIMARY KEY (gtin, lot, serial, scanned_at, id)
            )
            """,
        ]
    )
}
