import PostgresNIO
import QualityCore

/// Creates and drops whole databases through an administrator's URL: scratch databases for the
/// conformance suite and benchmarks, or a first database on a new server.
public struct PostgresAdmin: Sendable {
    /// A URL whose role may create databases (any database on the server).
    public let url: PostgresURL

    /// An administrator for the server a URL names.
    public init(url: PostgresURL) { self.url = url }

    /// Creates an empty database; `conflict` (`database_exists`) when the name is taken.
    public func createDatabase(named name: String) async throws {
        try Self.check(name)
        do {
            try await execute("CREATE DATABASE \(name)")
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P04" {
            throw QualityError.conflict("database_exists", "database \(name) already exists")
        }
    }

    /// Drops a database if it exists, disconnecting anyone still using it.
    public func dropDatabase(named name: String) async throws {
        try Self.check(name)
        try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Database names are identifiers, which PostgreSQL cannot take as bound parameters, so only
    /// plain lower-case names are accepted and spliced in.
    private static func check(_ name: String) throws(QualityError) {
        let bytes = Array(name.utf8)
        let allowed = bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
        guard (1...63).contains(bytes.count), allowed, !(48...57).contains(bytes[0]) else {
            throw .invalid(
                "bad_database_name", "database names are 1–63 lower-case letters, digits and _; got '\(name)'")
        }
    }

    /// Runs one statement on a connection of its own.
    private func execute(_ sql: String) async throws {
        let logger = Logger(label: "qualityloop.postgres-admin")
        let connection = try await DatabaseUnavailable.connect(url, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
