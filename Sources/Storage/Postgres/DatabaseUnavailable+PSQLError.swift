import PostgresNIO

extension DatabaseUnavailable {
    /// The error for a failed connection, with the server's message when it sent one (a wrong
    /// password, a missing database) and the socket error otherwise (nothing listening).
    init(url: PostgresURL, error: PSQLError) {
        let reason = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
        self.init(location: url.redacted, reason: reason)
    }

    /// Opens one direct connection, turning a failure into `DatabaseUnavailable`.
    static func connect(_ url: PostgresURL, logger: Logger) async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 0, logger: logger)
        } catch let error as PSQLError {
            throw DatabaseUnavailable(url: url, error: error)
        }
    }
}
