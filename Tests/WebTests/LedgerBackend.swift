import Foundation
import Logging
import Storage
import Testing

/// A backend the ledger's HTTP tests run against, as `StoreFixture` does for the stores: SQLite
/// always, PostgreSQL when `QUALITYLOOP_TEST_DATABASE_URL` names a server. Each use gets a fresh
/// database and a fresh directory for key files.
struct LedgerBackend: Sendable, CustomTestStringConvertible {
    /// Which backend, and for PostgreSQL the admin URL as given.
    enum Kind: Sendable {
        case sqlite
        case postgres(adminURL: String)
    }

    /// The backend.
    let kind: Kind

    /// SQLite always; PostgreSQL too when the environment names a server.
    static let all: [LedgerBackend] = {
        var backends = [LedgerBackend(kind: .sqlite)]
        if let url = ProcessInfo.processInfo.environment["QUALITYLOOP_TEST_DATABASE_URL"], !url.isEmpty {
            backends.append(LedgerBackend(kind: .postgres(adminURL: url)))
        }
        return backends
    }()

    /// The name shown for each test case.
    var testDescription: String {
        switch kind {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// Runs a body with a scratch directory, removed afterwards.
    static func withDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let directory = NSTemporaryDirectory() + "ledger-web-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try await body(directory)
    }

    /// Runs a body with opened stores on a fresh database (a file in `directory` for SQLite),
    /// closing and removing them afterwards.
    func withStores<T>(in directory: String, _ body: (Stores) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            let location = DatabaseLocation.sqlite(path: directory + "/\(UUID().uuidString).sqlite")
            return try await Self.withStores(at: location, body)
        case .postgres(let adminURL):
            let admin = PostgresAdmin(url: try PostgresURL(parsing: adminURL))
            let name = "qltest_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await admin.createDatabase(named: name)
            let location = DatabaseLocation.postgres(url: admin.url.with(database: name).absoluteString)
            do {
                let result = try await Self.withStores(at: location, body)
                try? await admin.dropDatabase(named: name)
                return result
            } catch {
                try? await admin.dropDatabase(named: name)
                throw error
            }
        }
    }

    /// Opens the stores at a location for the length of a body.
    static func withStores<T>(at location: DatabaseLocation, _ body: (Stores) async throws -> T) async throws -> T {
        let stores = try await Stores.open(location, logger: WebWorld.logger)
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
