import Foundation
import Logging
import Storage
import Testing

/// A backend the conformance suite runs against. Each use gets a fresh, empty database: a file in
/// a new temporary directory for SQLite, a new `qltest_…` database for PostgreSQL (created and
/// dropped through the admin URL in `QUALITYLOOP_TEST_DATABASE_URL`).
struct StoreFixture: Sendable, CustomTestStringConvertible {
    /// Which backend, and for PostgreSQL the admin URL as given.
    enum Backend: Sendable {
        case sqlite
        case postgres(adminURL: String)
    }

    /// The backend.
    let backend: Backend

    /// The environment variable naming a PostgreSQL server the suite may create databases on.
    static let postgresKey = "QUALITYLOOP_TEST_DATABASE_URL"

    /// SQLite always; PostgreSQL too when the environment names a server.
    static let all: [StoreFixture] = {
        var fixtures = [StoreFixture(backend: .sqlite)]
        if let url = ProcessInfo.processInfo.environment[postgresKey], !url.isEmpty {
            fixtures.append(StoreFixture(backend: .postgres(adminURL: url)))
        }
        return fixtures
    }()

    /// The name shown for each test case.
    var testDescription: String {
        switch backend {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// A logger that stays quiet unless a test fails badly.
    static let logger = Logger(label: "qualityloop.storage-tests") { _ in SwiftLogNoOpLogHandler() }

    /// Runs a body against the location of a fresh database, removed afterwards.
    func withDatabase(_ body: (DatabaseLocation) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("qualityloop-tests-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try await body(.sqlite(path: directory.appendingPathComponent("store.sqlite").path))
        case .postgres(let adminURL):
            let admin = PostgresAdmin(url: try PostgresURL(parsing: adminURL))
            let name = "qltest_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await admin.createDatabase(named: name)
            let location = DatabaseLocation.postgres(url: admin.url.with(database: name).absoluteString)
            do {
                try await body(location)
            } catch {
                try? await admin.dropDatabase(named: name)
                throw error
            }
            try await admin.dropDatabase(named: name)
        }
    }

    /// Runs a body against stores opened (and migrated) on a fresh database.
    func withStores(_ body: (Stores) async throws -> Void) async throws {
        try await withDatabase { location in
            try await Self.withStores(at: location, body)
        }
    }

    /// Opens the stores at a location for the length of a body, closing them even when it throws.
    static func withStores(at location: DatabaseLocation, _ body: (Stores) async throws -> Void) async throws {
        let stores = try await Stores.open(location, logger: logger)
        do {
            try await body(stores)
        } catch {
            await stores.close()
            throw error
        }
        await stores.close()
    }
}
