import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Passport
import QualityCore
import Storage
import Web

/// A seeded world for HTTP tests, on a fresh SQLite file: two producers with their own company
/// prefixes, a platform, a lab and a regulator, each with an API token; producer A has one
/// product with a current batch, an expired batch and a recalled batch, each with five issued
/// unit codes.
final class WebWorld: Sendable {
    let stores: Stores
    let configuration: AppConfiguration
    let service: PassportService
    let directory: String

    let producerA: Organisation
    let producerB: Organisation
    let platform: Organisation
    let regulator: Organisation
    let tokens: [String: String]

    /// Producer A's product.
    let gtin: GTIN
    /// Producer B's product.
    let gtinB: GTIN
    /// A GTIN under nobody's prefix and never registered.
    let unregistered = WebWorld.withCheckDigit("0959999900000")

    /// The stem unit URIs carry in tests; requests use only their paths.
    static let stem = "https://id.test.example"

    /// The configuration tests run with: no rate limit, a low clone threshold.
    static func testConfiguration() -> AppConfiguration {
        var configuration = AppConfiguration(resolverStem: stem, scanRateLimitPerMinute: 0, requestLogLevel: .debug)
        configuration.clonePolicy = ClonePolicy(maximumScans: 3)
        configuration.maximumBodySize = 64 * 1024
        configuration.bulkVerifyLimit = 50
        // Never the default ./qualityloop-ledger.key: tests must not leave a signing key in the tree.
        configuration.ledgerKeyPath =
            NSTemporaryDirectory() + "webtests-\(ProcessInfo.processInfo.processIdentifier)/ledger.key"
        return configuration
    }

    init(configuration: AppConfiguration = WebWorld.testConfiguration()) async throws {
        directory = NSTemporaryDirectory() + "webtests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = configuration
        configuration.database = .sqlite(path: directory + "/world.sqlite")
        configuration.ledgerKeyPath = directory + "/ledger.key"
        self.configuration = configuration
        stores = try await Stores.open(configuration.database, logger: Self.logger)
        service = PassportService(
            store: stores.passport, access: stores.access, stem: configuration.effectiveResolverStem,
            clonePolicy: configuration.clonePolicy)

        let access = stores.access
        producerA = try await access.createOrganisation(name: "Alpha Foods", role: .producer)
        producerB = try await access.createOrganisation(name: "Beta Cosmetics", role: .producer)
        platform = try await access.createOrganisation(name: "Shop Platform", role: .platform)
        regulator = try await access.createOrganisation(name: "Market Regulator", role: .regulator)
        let lab = try await access.createOrganisation(name: "Test Lab", role: .lab)
        try await access.addCompanyPrefix(try CompanyPrefix("6901234"), to: producerA.id)
        try await access.addCompanyPrefix(try CompanyPrefix("6923456"), to: producerB.id)
        var tokens: [String: String] = [:]
        for (key, organisation) in [
            ("producerA", producerA), ("producerB", producerB), ("platform", platform), ("regulator", regulator),
            ("lab", lab),
        ] {
            let token = APIToken.generate()
            try await access.addToken(digest: token.digest, label: "test", for: organisation.id)
            tokens[key] = token.secret
        }
        self.tokens = tokens

        gtin = try GTIN(Self.withCheckDigit("690123400001"))
        gtinB = try GTIN(Self.withCheckDigit("692345600001"))
        _ = try await service.registerProduct(
            ProductDraft(
                gtin: gtin.gtin14, name: "五常大米 5kg", brand: "稻花香", category: "food", specification: "5 kg",
                standard: "GB/T 19266", composition: "粳米", origin: "黑龙江五常"),
            by: producerA)
        _ = try await service.registerProduct(
            ProductDraft(gtin: gtinB.gtin14, name: "保湿面霜 50g", category: "cosmetics"), by: producerB)
        for (lot, produced, expires, report) in [
            ("LOT1", "2026-01-01", "2099-12-31", "CMA-2026-0001"),
            ("OLD1", "2020-01-01", "2020-12-31", nil),
            ("REC1", "2026-02-01", "2099-12-31", nil),
        ] {
            _ = try await service.registerBatch(
                BatchDraft(gtin: gtin.gtin14, lot: lot, produced: produced, expires: expires, labReport: report),
                by: producerA)
            _ = try await service.issueCodes(gtin: gtin, lot: lot, count: 5, by: producerA)
        }
        _ = try await service.recall(gtin: gtin, lot: "REC1", reason: "霉菌超标 mould above limit", by: producerA)
        _ = try await service.registerBatch(
            BatchDraft(gtin: gtinB.gtin14, lot: "B1", produced: "2026-03-01"), by: producerB)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A quiet logger for tests.
    static var logger: Logger {
        var logger = Logger(label: "webtests")
        logger.logLevel = .warning
        return logger
    }

    /// Builds the application and runs `body` against it through the router (or live).
    func withApp<T: Sendable>(
        _ setup: TestingSetup = .router, configuration: AppConfiguration? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let app = try await buildApplication(configuration ?? self.configuration, stores: stores, logger: Self.logger)
        return try await app.test(setup, body)
    }

    /// Closes the stores.
    func close() async {
        await stores.close()
    }

    /// The full unit URI of unit `index` of a lot of producer A's product.
    func unitURI(lot: String = "LOT1", index: Int64) async throws -> String {
        let signer = try await service.signer(gtin: gtin, lot: lot)
        return service.labelWriter.uri(gtin: gtin, lot: lot, serial: signer.serial(index: index))
    }

    /// The path of a unit URI, as a scanning phone requests it.
    func unitPath(lot: String = "LOT1", index: Int64) async throws -> String {
        Self.path(of: try await unitURI(lot: lot, index: index))
    }

    /// The path and query of a URI under the test stem.
    static func path(of uri: String) -> String {
        uri.hasPrefix(stem) ? String(uri.dropFirst(stem.count)) : uri
    }

    /// A GTIN body with its mod-10 check digit appended.
    static func withCheckDigit(_ body: String) -> String {
        var sum = 0
        for (offset, character) in body.reversed().enumerated() {
            let digit = Int(String(character))!
            sum += offset % 2 == 0 ? digit * 3 : digit
        }
        return body + String((10 - sum % 10) % 10)
    }

    /// Request headers with a bearer token (and a JSON body type when sending one).
    func headers(_ who: String?, json: Bool = false, accept: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [:]
        if let who, let token = tokens[who] { fields[.authorization] = "Bearer \(token)" }
        if json { fields[.contentType] = "application/json" }
        if let accept { fields[.accept] = accept }
        return fields
    }
}

/// Reading response bodies in tests.
extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else { throw WebTestError.notAnObject(text) }
        return dictionary
    }

    /// The error code of a JSON error body.
    func errorCode() throws -> String? {
        (try json()["error"] as? [String: Any])?["code"] as? String
    }
}

/// Failures of test helpers.
enum WebTestError: Error {
    case notAnObject(String)
}

/// A request body from a JSON-encodable dictionary or text.
func jsonBody(_ object: Any) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
}
