import Foundation
import QualityCore
import Storage
import Testing

/// Choosing and parsing the database location, and the guard that keeps CI honest.
@Suite("Backend selection")
struct BackendSelectionTests {
    @Test("the command line wins over the environment, which wins over the default file")
    func resolution() {
        let environment = ["QUALITYLOOP_DATABASE_URL": "postgres://env@db/env"]

        let fromURL = DatabaseLocation.resolve(
            db: "local.sqlite", databaseURL: "postgres://cli@db/cli", environment: environment)
        let fromFile = DatabaseLocation.resolve(db: "local.sqlite", databaseURL: nil, environment: environment)
        let fromEnvironment = DatabaseLocation.resolve(db: nil, databaseURL: nil, environment: environment)
        let fallback = DatabaseLocation.resolve(db: nil, databaseURL: "", environment: [:])
        let urlAsFile = DatabaseLocation.resolve(db: "postgresql://u@h/d", databaseURL: nil, environment: [:])

        #expect(fromURL == .postgres(url: "postgres://cli@db/cli"))
        #expect(fromFile == .sqlite(path: "local.sqlite"))
        #expect(fromEnvironment == .postgres(url: "postgres://env@db/env"))
        #expect(fallback == .sqlite(path: "./qualityloop.sqlite"))
        #expect(urlAsFile == .postgres(url: "postgresql://u@h/d"))
    }

    @Test("a full URL is parsed, with percent-decoded credentials")
    func fullURL() throws {
        let url = try PostgresURL(parsing: "postgres://ql%40ops:p%3As%2Fw@db.example.cn:6543/passports?sslmode=disable")

        #expect(url.username == "ql@ops")
        #expect(url.password == "p:s/w")
        #expect(url.host == "db.example.cn")
        #expect(url.port == 6543)
        #expect(url.database == "passports")
        #expect(url.tls == .disable)
        #expect(!url.redacted.contains("p%3As"))
        #expect(try PostgresURL(parsing: url.absoluteString) == url)
    }

    @Test("port, database and sslmode have libpq's defaults")
    func defaults() throws {
        let url = try PostgresURL(parsing: "postgresql://qualityloop@127.0.0.1")

        #expect(url.port == 5432)
        #expect(url.database == "qualityloop")
        #expect(url.password == nil)
        #expect(url.tls == .prefer)
        #expect(try PostgresURL(parsing: "postgres://u@h/d?sslmode=verify-full").tls == .require)
        #expect(try PostgresURL(parsing: "postgres://u@/d?host=/tmp").host == "/tmp")
    }

    @Test(
        "a bad URL says what is wrong",
        arguments: [
            ("mysql://u@h/d", "postgres://"),
            ("postgres://h:5432/d", "no user"),
            ("postgres://u@h/d?sslmode=sometimes", "sslmode"),
            ("postgres://u@h/d?timeout=3", "unknown parameter"),
            ("postgres://u@h/a/b", "single database name"),
            ("postgres://u@h:70000/d", "port"),
        ])
    func badURL(text: String, complaint: String) {
        let error = #expect(throws: QualityError.self) { try PostgresURL(parsing: text) }

        #expect(error?.code == "bad_database_url")
        #expect(error?.message.contains(complaint) == true, "\(error?.message ?? "")")
    }

    @Test("an unreachable PostgreSQL fails at open with the reason, not a hang")
    func unreachableServer() async throws {
        let location = DatabaseLocation.postgres(url: "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable")

        let error = await #expect(throws: DatabaseUnavailable.self) {
            try await Stores.open(location, logger: StoreFixture.logger)
        }

        #expect(error?.location.contains("secret") == false)
        #expect(error?.location.contains("127.0.0.1:1") == true)
        #expect(error?.reason.isEmpty == false)
    }

    @Test("CI runs the conformance suite on PostgreSQL too")
    func postgresOnCI() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["CI"] != nil else { return }

        #expect(
            StoreFixture.all.count == 2,
            "CI is set but \(StoreFixture.postgresKey) is not: start one with scripts/postgres-start")
    }
}
