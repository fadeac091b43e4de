import Foundation
public import Logging
import PostgresNIO
import QualityCore

/// The production store: a PostgreSQL database behind one PostgresNIO connection pool,
/// implementing `AccessStore` and `PassportStore`. Several server processes may share the
/// database; every invariant is kept by one statement or one transaction on the server.
///
/// The pool's `run()` loop lives in a task the store owns; `close()` cancels it, which closes
/// every connection. Open one store per database for the life of the process.
public final class PostgresStore: Sendable {
    /// The process's one connection pool for this database.
    let client: PostgresClient
    /// Passed to every query; PostgresNIO logs statements at debug level.
    let logger: Logger
    /// The task running the pool's background work.
    private let runTask: Task<Void, Never>
    /// Where the pool connects.
    let url: PostgresURL

    /// Starts a pool for a database. Connections open on first use, so a wrong address or
    /// password shows up on the first query (usually `migrate()`).
    public init(url: PostgresURL, logger: Logger) {
        let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.url = url
        self.runTask = Task { await client.run() }
    }

    /// Applies the migrations the database has not seen, returning the names applied now.
    ///
    /// First checks that the server answers, because a pool whose connections keep failing
    /// queues queries rather than failing them: a wrong URL should fail fast, with the server's
    /// reason.
    public func migrate() async throws -> [String] {
        try await checkReachable()
        return try await PostgresMigrator(store: self).migrate()
    }

    /// Opens and closes one direct connection; throws `DatabaseUnavailable` with the driver's or
    /// server's reason when that fails.
    public func checkReachable() async throws {
        let connection = try await DatabaseUnavailable.connect(url, logger: logger)
        try await connection.close()
    }

    /// Closes every connection and waits until the pool has stopped. Call once, after the last use.
    public func close() async {
        runTask.cancel()
        await runTask.value
    }

    /// Runs work in one transaction on one pooled connection: committed when `body` returns,
    /// rolled back (and the original error rethrown) when it throws.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs a query and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await client.query(query, logger: logger).collect()
    }

    /// Runs work, turning constraint violations into the domain errors a caller can act on:
    /// `unique` for a duplicate key (SQLSTATE 23505), `foreignKey` for a missing parent (23503).
    func translating<T>(
        unique: QualityError? = nil, foreignKey: QualityError? = nil, _ work: () async throws -> T
    ) async throws -> T {
        do {
            return try await work()
        } catch let error as PSQLError {
            switch error.serverInfo?[.sqlState] {
            case "23505": if let unique { throw unique }
            case "23503": if let foreignKey { throw foreignKey }
            default: break
            }
            throw error
        }
    }
}
