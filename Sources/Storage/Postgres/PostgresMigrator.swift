import Foundation
import Logging
import PostgresNIO

/// Applies `Migration.all` to a PostgreSQL database and records them in
/// `schema_migrations(name, applied_at)`.
///
/// Everything happens in one transaction under a transaction-scoped advisory lock, so several
/// server instances starting at once apply each migration exactly once (the others wait, then
/// find nothing left to do), and a failed migration leaves no trace.
struct PostgresMigrator {
    /// The store whose database is migrated.
    let store: PostgresStore

    /// The advisory lock key that serialises migrators: "qlmigr" read as a number.
    static let lockKey: Int64 = 0x716C_6D69_6772

    /// Applies what is missing; returns the names applied by this call, in order.
    func migrate() async throws -> [String] {
        let logger = store.logger
        let applied = try await store.transaction { connection -> [String] in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var done: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger)
                .decode(String.self)
            {
                done.insert(name)
            }
            let unknown = done.subtracting(Migration.all.map(\.name))
            if !unknown.isEmpty {
                logger.warning(
                    "database has migrations this build does not know; a newer version wrote it",
                    metadata: ["migrations": .array(unknown.sorted().map { .string($0) })])
            }
            var applied: [String] = []
            for migration in Migration.all where !done.contains(migration.name) {
                for statement in migration.postgres {
                    // Migration SQL is a constant of this module, never built from input.
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
                applied.append(migration.name)
            }
            return applied
        }
        logger.debug("postgres migrated", metadata: ["applied": .array(applied.map { .string($0) })])
        return applied
    }
}
