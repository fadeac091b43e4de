import Foundation
import GRDB
public import Logging

/// The embedded store: one SQLite file in WAL mode behind one GRDB `DatabasePool` (one writer
/// connection, concurrent readers), implementing `AccessStore` and `PassportStore`.
///
/// Durability: GRDB runs WAL databases with `synchronous = NORMAL`, under which a committed
/// transaction survives a crash of the process (its pages are in the WAL file before the commit
/// returns) but the last few may be lost if the machine loses power. That is the trade-off taken
/// for scans, where it buys throughput. Writes that must also survive power loss, the serial
/// counters and serial keys, raise their connection to `synchronous = FULL` for that one commit
/// (see `durableWrite`), which also syncs every commit before it.
///
/// Open one store per file for the life of the process and call `close()` at the end.
public final class SQLiteStore: Sendable {
    /// The process's one connection pool for this file.
    let pool: DatabasePool
    /// Where the store logs at debug level.
    let logger: Logger

    /// Opens the database file, creating it and its directory when missing. Does not migrate.
    public init(path: String, logger: Logger) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.label = "qualityloop"
        configuration.foreignKeysEnabled = true
        // Another process (a second `qloop` on the same file) holds the write lock briefly.
        configuration.busyMode = .timeout(10)
        self.pool = try DatabasePool(path: path, configuration: configuration)
        self.logger = logger
    }

    /// Applies the migrations this file has not seen, returning the names applied now.
    public func migrate() async throws -> [String] {
        try await SQLiteMigrator(store: self).migrate()
    }

    /// Closes every connection. Call once, after the last use.
    public func close() throws {
        try pool.close()
    }

    /// Runs a write transaction that must survive power loss as well as a process crash:
    /// the commit syncs the WAL to disk (`synchronous = FULL`) before returning.
    func durableWrite<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try updates(db)
                return .commit
            }
            guard let result else { preconditionFailure("a committed transaction produced its result") }
            return result
        }
    }
}
