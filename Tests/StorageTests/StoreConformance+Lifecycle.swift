import Access
import Foundation
import Passport
import QualityCore
import Storage
import Testing

extension StoreConformance {
    @Test("everything written is still there after closing and reopening", arguments: StoreFixture.all)
    func durability(fixture: StoreFixture) async throws {
        try await fixture.withDatabase { location in
            var written: (Batch, Issuance, SerialKey?, ScanRecord)?
            try await StoreFixture.withStores(at: location) { stores in
                let (producer, batch) = try await Sample.producerWithBatch(stores)
                let issuance = try await stores.passport.allocateSerials(
                    gtin: batch.gtin, lot: batch.lot, count: 100, issuedBy: producer.id, at: Sample.instant)
                let key = try await stores.passport.serialKey(id: 0, createIfMissing: true)
                let scan = Sample.scan(batch, serial: "0ABC", at: Sample.instant)
                try await stores.passport.recordScans([scan])
                written = (batch, issuance, key, scan)
            }
            let (batch, issuance, key, scan) = try #require(written)

            try await StoreFixture.withStores(at: location) { stores in
                let producer = try #require(try await stores.access.organisation(named: "Sunny Meadow Dairy"))
                let next = try await stores.passport.allocateSerials(
                    gtin: batch.gtin, lot: batch.lot, count: 1, issuedBy: producer.id, at: Sample.instant)

                #expect(try await stores.passport.batch(gtin: batch.gtin, lot: batch.lot) == batch)
                #expect(try await stores.passport.issuances(gtin: batch.gtin, lot: batch.lot) == [issuance, next])
                #expect(next.firstIndex == 100)
                #expect(try await stores.passport.serialKey(id: 0, createIfMissing: false) == key)
                let history = try await stores.passport.scanHistory(
                    gtin: batch.gtin, lot: batch.lot, serial: scan.serial, recent: 5)
                #expect(history == ScanHistory(count: 1, firstScanAt: scan.scannedAt, recent: [scan]))
            }
        }
    }

    @Test("migrations apply once, in order, and opening again changes nothing", arguments: StoreFixture.all)
    func migrationsAreIdempotent(fixture: StoreFixture) async throws {
        try await fixture.withDatabase { location in
            let first = try await Stores.migrate(location, logger: StoreFixture.logger)
            let second = try await Stores.migrate(location, logger: StoreFixture.logger)
            try await StoreFixture.withStores(at: location) { stores in
                _ = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            }
            var names: [String] = []
            try await StoreFixture.withStores(at: location) { stores in
                names = try await stores.access.organisations().map(\.name)
            }

            #expect(names == ["Sunny Meadow Dairy"])
            #expect(
                first == [
                    "0001_organisations", "0002_passport", "0003_ledger", "0004_epcis", "0005_issuance_ledger_index",
                    "0006_governance", "0007_token_duties", "0008_epcis_event_ledger_index", "0009_recalls",
                    "0010_trace_scope", "0011_lot_events", "0012_event_parents",
                ])
            #expect(second.isEmpty)
        }
    }

    @Test("stores opened at once on a fresh database migrate it exactly once", arguments: StoreFixture.all)
    func concurrentMigrations(fixture: StoreFixture) async throws {
        try await fixture.withDatabase { location in
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask { try await Stores.migrate(location, logger: StoreFixture.logger) }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }

            #expect(applied.filter { !$0.isEmpty } == [Stores.migrationNames])
        }
    }
}
