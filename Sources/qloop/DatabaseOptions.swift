import ArgumentParser
import Foundation
import Logging
import Storage
import Web

/// The options every command that touches data takes.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database file (the default store; created on first use).")
    var db: String?

    @Option(name: .customLong("database-url"), help: "PostgreSQL URL (postgres://…); also QUALITYLOOP_DATABASE_URL.")
    var databaseURL: String?

    /// Where the data lives, from the options and the environment.
    var location: DatabaseLocation {
        DatabaseLocation.resolve(db: db, databaseURL: databaseURL, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the stores (running migrations), runs `body`, and closes them whatever happens.
    func withStores<T>(_ body: (Stores) async throws -> T) async throws -> T {
        let stores = try await Stores.open(location, logger: CommandLogger.make())
        do {
            let result = try await body(stores)
            await stores.close()
            return result
        } catch {
            await stores.close()
            throw error
        }
    }
}

/// The logger commands use: warnings and errors only, to standard error.
enum CommandLogger {
    /// A logger at the level given by `QUALITYLOOP_LOG_LEVEL` (default: `default`).
    static func make(label: String = "qloop", default level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: label) { LineLogHandler(label: $0) }
        let configured = ProcessInfo.processInfo.environment["QUALITYLOOP_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = configured ?? level
        return logger
    }
}
