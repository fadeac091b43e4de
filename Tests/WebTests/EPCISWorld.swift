import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import Testing
import Web

/// A fresh database (SQLite file, or a PostgreSQL database when `QUALITYLOOP_TEST_DATABASE_URL`
/// names a server) with organisations of every role and their tokens, for the EPCIS HTTP tests.
struct EPCISWorld: Sendable {
    /// A backend to run on.
    struct Backend: Sendable, CustomTestStringConvertible {
        /// `nil` for SQLite, the admin URL for PostgreSQL.
        let adminURL: String?

        /// SQLite always; PostgreSQL too when the environment names a server.
        static let all: [Backend] = {
            var backends = [Backend(adminURL: nil)]
            if let url = ProcessInfo.processInfo.environment["QUALITYLOOP_TEST_DATABASE_URL"], !url.isEmpty {
                backends.append(Backend(adminURL: url))
            }
            return backends
        }()

        /// The name shown for each test case.
        var testDescription: String { adminURL == nil ? "SQLite" : "PostgreSQL" }
    }

    /// The opened stores.
    let stores: Stores
    /// The server configuration.
    let configuration: AppConfiguration
    /// Bearer tokens by role name: `producer`, `producer2`, `platform`, `lab`, `regulator`.
    let tokens: [String: String]

    /// Runs `body` on a seeded world on a fresh database, removed afterwards.
    static func run(
        on backend: Backend, configure: (inout AppConfiguration) -> Void = { _ in },
        _ body: (EPCISWorld) async throws -> Void
    ) async throws {
        let directory = NSTemporaryDirectory() + "epcis-web-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = WebWorld.testConfiguration()
        configuration.ledgerKeyPath = directory + "/ledger.key"
        configure(&configuration)
        var admin: PostgresAdmin?
        var databaseName = ""
        if let adminURL = backend.adminURL {
            let server = PostgresAdmin(url: try PostgresURL(parsing: adminURL))
            databaseName = "qltest_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await server.createDatabase(named: databaseName)
            configuration.database = .postgres(url: server.url.with(database: databaseName).absoluteString)
            admin = server
        } else {
            configuration.database = .sqlite(path: directory + "/epcis.sqlite")
        }
        let stores = try await Stores.open(configuration.database, logger: WebWorld.logger)
        do {
            var tokens: [String: String] = [:]
            for (key, role) in [
                ("producer", Role.producer), ("producer2", .producer), ("platform", .platform), ("lab", .lab),
                ("regulator", .regulator),
            ] {
                let organisation = try await stores.access.createOrganisation(name: "EPCIS \(key)", role: role)
                let token = APIToken.generate()
                try await stores.access.addToken(digest: token.digest, label: "test", for: organisation.id)
                tokens[key] = token.secret
            }
            try await body(EPCISWorld(stores: stores, configuration: configuration, tokens: tokens))
        } catch {
            await stores.close()
            if let admin { try? await admin.dropDatabase(named: databaseName) }
            throw error
        }
        await stores.close()
        if let admin { try? await admin.dropDatabase(named: databaseName) }
    }

    /// Runs requests against a live server on a free port.
    func withServer<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
        return try await app.test(.live, body)
    }

    /// Headers with a role's token and, when given, a content type.
    func headers(_ who: String?, contentType: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [:]
        if let who, let token = tokens[who] { fields[.authorization] = "Bearer \(token)" }
        if let contentType { fields[.contentType] = contentType }
        return fields
    }
}

/// The shared EPCIS documents, read from `../shared/data/traceability` next to the package root.
enum EPCISTestData {
    /// The traceability data folder, or `nil` when it is absent.
    static let root: URL? = {
        var packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { packageRoot.deleteLastPathComponent() }
        let data = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/traceability")
        return FileManager.default.fileExists(atPath: data.path) ? data : nil
    }()

    /// Whether the shared data is present.
    /// Whether the data is there; on CI (`CI` set) it must be, so its tests run and fail there.
    static var isAvailable: Bool { root != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// The OpenEPCIS capture folder.
    static let capture = "epcis-documents/openepcis-2.0-json/Capture"

    /// The JSON files of a folder under the traceability data, sorted.
    static func files(_ folder: String) -> [String] {
        guard let root else { return [] }
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonld") || $0.hasSuffix(".xml") }.sorted()
            .map { folder + "/" + $0 }
    }

    /// A file's bytes.
    static func data(_ path: String) throws -> ByteBuffer {
        guard let root else { throw CocoaError(.fileNoSuchFile) }
        return ByteBuffer(bytes: try Data(contentsOf: root.appendingPathComponent(path)))
    }
}

/// Reading EPCIS answers in tests.
extension TestResponse {
    /// The events of an `EPCISQueryDocument` body.
    func eventList() throws -> [[String: Any]] {
        let body = try json()
        let results = (body["epcisBody"] as? [String: Any])?["queryResults"] as? [String: Any]
        let list = (results?["resultsBody"] as? [String: Any])?["eventList"] as? [[String: Any]]
        guard let list else { throw WebTestError.notAnObject(text) }
        return list
    }

    /// The path and query of the `rel="next"` link, if any.
    var nextLink: String? {
        guard let link = headers[HTTPField.Name("Link")!], link.contains(#"rel="next""#),
            let start = link.firstIndex(of: "<"),
            let end = link.firstIndex(of: ">")
        else { return nil }
        return String(link[link.index(after: start)..<end])
    }
}
