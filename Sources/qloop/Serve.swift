import ArgumentParser
import Hummingbird
import Logging
import Storage
import Web
import Foundation

/// `qloop serve`: the HTTP server (API, resolver, pages).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the API, the resolver and the pages.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let logger = CommandLogger.make(label: "qualityloop", default: .info)
        let stores = try await Stores.open(database.location, logger: logger)
        do {
            try await server.run(stores: stores, logger: logger)
            await stores.close()
        } catch {
            await stores.close()
            throw error
        }
    }
}

/// Options of the server.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (default QUALITYLOOP_HOST or 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default QUALITYLOOP_PORT or 8080).") var port: Int?
    @Option(help: "Public base URL the server resolves codes under (default QUALITYLOOP_RESOLVER_STEM or http://HOST:PORT).")
    var stem: String?
    @Option(
        name: .customLong("ledger-key"),
        help: "The ledger signing key file, created on first run (default QUALITYLOOP_LEDGER_KEY or ./qualityloop-ledger.key).")
    var ledgerKey: String?

    /// The server configuration: environment first, then these options.
    func configuration() throws -> AppConfiguration {
        var configuration = try AppConfiguration(environment: ProcessInfo.processInfo.environment)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let stem { configuration.resolverStem = stem }
        if let ledgerKey { configuration.ledgerKeyPath = ledgerKey }
        return configuration
    }

    /// Builds the application on opened stores and runs it until SIGTERM or SIGINT.
    func run(stores: Stores, logger: Logger) async throws {
        let app = try await buildApplication(try configuration(), stores: stores, logger: logger)
        try await app.runService()
    }
}
