import Access
import Foundation
import Passport
import QualityCore
import Storage
import Testing

extension StoreConformance {
    // MARK: Serial allocation

    @Test("allocations hand out consecutive ranges and are listed by first index", arguments: StoreFixture.all)
    func sequentialAllocations(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (producer, batch) = try await Sample.producerWithBatch(stores)

            let first = try await stores.passport.allocateSerials(
                gtin: batch.gtin, lot: batch.lot, count: 10, issuedBy: producer.id, at: Sample.instant)
            let second = try await stores.passport.allocateSerials(
                gtin: batch.gtin, lot: batch.lot, count: 5, issuedBy: producer.id,
                at: Sample.instant(plusMilliseconds: 60_000))

            #expect(first.firstIndex == 0)
            #expect(first.count == 10)
            #expect(first.issuedAt == Sample.instant)
            #expect(second.firstIndex == 10)
            #expect(second.count == 5)
            #expect(first.id != second.id)
            #expect(try await stores.passport.issuances(gtin: batch.gtin, lot: batch.lot) == [first, second])
            #expect(try await stores.passport.issuances(gtin: batch.gtin, lot: "other").isEmpty)
        }
    }

    @Test("twenty concurrent allocations never overlap and cover exactly their sum", arguments: StoreFixture.all)
    func concurrentAllocations(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (producer, batch) = try await Sample.producerWithBatch(stores)
            let passport = stores.passport
            let counts: [Int64] = (1...20).map { Int64($0 * 7 % 13 + 1) }

            let issued = try await withThrowingTaskGroup(of: Issuance.self) { group in
                for count in counts {
                    group.addTask {
                        try await passport.allocateSerials(
                            gtin: batch.gtin, lot: batch.lot, count: count, issuedBy: producer.id, at: Sample.instant)
                    }
                }
                return try await group.reduce(into: [Issuance]()) { $0.append($1) }
            }

            let ranges = issued.map { $0.firstIndex..<($0.firstIndex + $0.count) }.sorted {
                $0.lowerBound < $1.lowerBound
            }
            let total = counts.reduce(0, +)
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == total)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(issued.map(\.count).sorted() == counts.sorted())
            let stored = try await passport.issuances(gtin: batch.gtin, lot: batch.lot)
            #expect(stored == issued.sorted { $0.firstIndex < $1.firstIndex })
        }
    }

    @Test("allocating from an unknown batch is not found and changes nothing", arguments: StoreFixture.all)
    func allocateFromUnknownBatch(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (producer, batch) = try await Sample.producerWithBatch(stores)

            let error = await #expect(throws: QualityError.self) {
                try await stores.passport.allocateSerials(
                    gtin: batch.gtin, lot: "other", count: 3, issuedBy: producer.id, at: Sample.instant)
            }
            let next = try await stores.passport.allocateSerials(
                gtin: batch.gtin, lot: batch.lot, count: 1, issuedBy: producer.id, at: Sample.instant)

            #expect(error?.kind == .notFound)
            #expect(error?.code == "batch_not_found")
            #expect(next.firstIndex == 0)
        }
    }

    @Test("an issuer that does not exist rolls the counter back", arguments: StoreFixture.all)
    func allocateForUnknownIssuer(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (producer, batch) = try await Sample.producerWithBatch(stores)

            let error = await #expect(throws: QualityError.self) {
                try await stores.passport.allocateSerials(
                    gtin: batch.gtin, lot: batch.lot, count: 5, issuedBy: producer.id + 1, at: Sample.instant)
            }
            let next = try await stores.passport.allocateSerials(
                gtin: batch.gtin, lot: batch.lot, count: 1, issuedBy: producer.id, at: Sample.instant)

            #expect(error?.code == "organisation_not_found")
            #expect(next.firstIndex == 0)
        }
    }

    // MARK: Serial keys

    @Test("a serial key is absent until created, then always the same", arguments: StoreFixture.all)
    func serialKey(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let before = try await stores.passport.serialKey(id: 0, createIfMissing: false)

            let created = try await stores.passport.serialKey(id: 0, createIfMissing: true)
            let again = try await stores.passport.serialKey(id: 0, createIfMissing: true)
            let read = try await stores.passport.serialKey(id: 0, createIfMissing: false)
            let other = try await stores.passport.serialKey(id: 1, createIfMissing: false)

            #expect(before == nil)
            #expect(created?.secret.count == 32)
            #expect(again == created)
            #expect(read == created)
            #expect(other == nil)
            #expect(try await stores.passport.serialKey(id: 62, createIfMissing: false) == nil)
        }
    }

    @Test("concurrent creators of a serial key all get the one that was stored", arguments: StoreFixture.all)
    func concurrentSerialKeys(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let passport = stores.passport

            let keys = try await withThrowingTaskGroup(of: SerialKey?.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await passport.serialKey(id: 7, createIfMissing: true) }
                }
                return try await group.reduce(into: [SerialKey?]()) { $0.append($1) }
            }

            let stored = try #require(try await passport.serialKey(id: 7, createIfMissing: false))
            #expect(keys.count == 10)
            #expect(keys.allSatisfy { $0 == stored })
        }
    }
}
