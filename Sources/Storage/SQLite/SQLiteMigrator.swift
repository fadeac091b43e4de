import Foundation
import GRDB
import Logging

/// Applies `Migration.all` to an SQLite database and records them in
/// `schema_migrations(name, applied_at)`, the same bookkeeping as on PostgreSQL.
///
/// All pending migrations run in one `BEGIN IMMEDIATE` transaction: SQLite's write lock then
/// serialises migrators across connections and processes, so each migration is applied exactly
/// once and the names returned are exactly those this call applied. (GRDB's `DatabaseMigrator`
/// serialises only within one pool and commits each migration separately, so two processes
/// opening a new file at once could both attempt the same migration.)
struct SQLiteMigrator {
    /// The store whose file is migrated.
    let store: SQLiteStore

    /// Applies what is missing; returns the names applied by this call, in order.
    func migrate() async throws -> [String] {
        let (applied, unknown) = try await store.pool.write { db -> ([String], Set<String>) in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        name TEXT PRIMARY KEY,
                        applied_at INTEGER NOT NULL
                    )
                    """)
            let done = Set(try String.fetchAll(db, sql: "SELECT name FROM schema_migrations"))
            var applied: [String] = []
            for migration in Migration.all where !done.contains(migration.name) {
                for statement in migration.sqlite {
                    // Migration SQL is a constant of this module, never built from input.
                    try db.execute(sql: statement)
                }
                let appliedAt = Date().microsecondsSince1970
                try db.execute(
                    literal: """
                        INSERT INTO schema_migrations (name, applied_at) VALUES (\(migration.name), \(appliedAt))
                        """)
                applied.append(migration.name)
            }
            return (applied, done.subtracting(Migration.all.map(\.name)))
        }
        if !unknown.isEmpty {
            store.logger.warning(
                "database has migrations this build does not know; a newer version wrote it",
                metadata: ["migrations": .array(unknown.sorted().map { .string($0) })])
        }
        store.logger.debug("sqlite migrated", metadata: ["applied": .array(applied.map { .string($0) })])
        return applied
    }
}
