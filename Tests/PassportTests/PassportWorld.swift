import Access
import Foundation
import Logging
import Passport
import QualityCore
import Storage

/// A fresh SQLite-backed world for service tests: a producer holding prefix 6901234 with one
/// product and batch, a second producer, a platform and a regulator, and a clock tests can move.
final class PassportWorld: Sendable {
    let stores: Stores
    let service: PassportService
    let clock: TestClock
    let producer: Organisation
    let rival: Organisation
    let platform: Organisation
    let regulator: Organisation
    let gtin: GTIN
    let path: String

    /// A mutable clock shared with the service.
    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_790_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: Double) { lock.withLock { current += seconds } }
    }

    init(policy: ClonePolicy = .standard) async throws {
        path = NSTemporaryDirectory() + "passport-\(UUID().uuidString).sqlite"
        stores = try await Stores.open(.sqlite(path: path), logger: Logger(label: "test"))
        let clock = TestClock()
        self.clock = clock
        service = PassportService(
            store: stores.passport, access: stores.access, stem: "https://id.example.cn", clonePolicy: policy,
            now: { clock.now })
        producer = try await stores.access.createOrganisation(name: "Heitudi", role: .producer)
        rival = try await stores.access.createOrganisation(name: "Rival", role: .producer)
        platform = try await stores.access.createOrganisation(name: "Platform", role: .platform)
        regulator = try await stores.access.createOrganisation(name: "Regulator", role: .regulator)
        try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: producer.id)
        try await stores.access.addCompanyPrefix(try CompanyPrefix("6923456"), to: rival.id)
        gtin = try GTIN(checking: "6901234000016")
        _ = try await service.registerProduct(
            ProductDraft(gtin: "6901234000016", name: "五常大米 5kg", category: "food", origin: "黑龙江五常"), by: producer)
        _ = try await service.registerBatch(
            BatchDraft(gtin: "6901234000016", lot: "WC-1", produced: "2026-09-01", expires: "2027-09-01"), by: producer)
    }

    /// The URI of unit `index` of a batch.
    func uri(lot: String = "WC-1", index: Int64) async throws -> String {
        let signer = try await service.signer(gtin: gtin, lot: lot)
        return service.labelWriter.uri(gtin: gtin, lot: lot, serial: signer.serial(index: index))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
