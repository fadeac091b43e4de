import Access
import Foundation
import Passport
import QualityCore
import Storage
import Testing

extension StoreConformance {
    @Test(
        "scan history counts every scan, keeps the first time and lists the latest first", arguments: StoreFixture.all)
    func scanHistory(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, batch) = try await Sample.producerWithBatch(stores)
            let shanghai = try ScanLocation(latitude: 31.23, longitude: 121.47)
            let first = Sample.scan(batch, serial: "0ABC", at: Sample.instant, location: shanghai)
            let second = Sample.scan(batch, serial: "0ABC", at: Sample.instant(plusMilliseconds: 60_000), client: .api)
            let third = Sample.scan(
                batch, serial: "0ABC", at: Sample.instant(plusMilliseconds: 120_000), verdict: .suspectedClone)
            let elsewhere = Sample.scan(batch, serial: "0XYZ", at: Sample.instant(plusMilliseconds: 30_000))

            try await stores.passport.recordScans([second, elsewhere])
            try await stores.passport.recordScans([third, first])
            let history = try await stores.passport.scanHistory(
                gtin: batch.gtin, lot: batch.lot, serial: "0ABC", recent: 5)
            let latestTwo = try await stores.passport.scanHistory(
                gtin: batch.gtin, lot: batch.lot, serial: "0ABC", recent: 2)
            let other = try await stores.passport.scanHistory(
                gtin: batch.gtin, lot: batch.lot, serial: "0XYZ", recent: 5)

            #expect(history.count == 3)
            #expect(history.firstScanAt == Sample.instant)
            #expect(history.recent == [third, second, first])
            #expect(history.recent.last?.location == shanghai)
            #expect(latestTwo.count == 3)
            #expect(latestTwo.recent == [third, second])
            #expect(other == ScanHistory(count: 1, firstScanAt: elsewhere.scannedAt, recent: [elsewhere]))
        }
    }

    @Test("a unit scanned twice in one call counts twice", arguments: StoreFixture.all)
    func repeatedScansInOneCall(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, batch) = try await Sample.producerWithBatch(stores)
            let early = Sample.scan(batch, serial: "0ABC", at: Sample.instant)
            let late = Sample.scan(batch, serial: "0ABC", at: Sample.instant(plusMilliseconds: 1_000))

            try await stores.passport.recordScans([late, early])
            let history = try await stores.passport.scanHistory(
                gtin: batch.gtin, lot: batch.lot, serial: "0ABC", recent: 0)

            #expect(history == ScanHistory(count: 2, firstScanAt: Sample.instant, recent: []))
        }
    }

    @Test("a unit never scanned has no history; recording nothing records nothing", arguments: StoreFixture.all)
    func emptyHistory(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, batch) = try await Sample.producerWithBatch(stores)

            try await stores.passport.recordScans([])
            let history = try await stores.passport.scanHistory(
                gtin: batch.gtin, lot: batch.lot, serial: "0ABC", recent: 5)

            #expect(history == .none)
        }
    }

    @Test("scans of unregistered products are recorded too", arguments: StoreFixture.all)
    func scansOfUnknownProducts(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let unknown = try Sample.bareBatch(gtin: try Sample.gtin(prefix: "6909999", item: 5), lot: "X1")
            let scan = Sample.scan(unknown, serial: "0QQQ", at: Sample.instant, verdict: .unknown, client: .cli)

            try await stores.passport.recordScans([scan])
            let history = try await stores.passport.scanHistory(
                gtin: unknown.gtin, lot: "X1", serial: "0QQQ", recent: 1)

            #expect(history == ScanHistory(count: 1, firstScanAt: Sample.instant, recent: [scan]))
        }
    }

    @Test("instants keep microsecond precision", arguments: StoreFixture.all)
    func microsecondInstants(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, batch) = try await Sample.producerWithBatch(stores)
            let precise = Date(timeIntervalSince1970: 1_767_225_600.123456)
            let now = Date()

            try await stores.passport.recordScans([
                Sample.scan(batch, serial: "0ABC", at: precise), Sample.scan(batch, serial: "0DEF", at: now),
            ])
            let exact = try await stores.passport.scanHistory(
                gtin: batch.gtin, lot: batch.lot, serial: "0ABC", recent: 1)
            let close = try await stores.passport.scanHistory(
                gtin: batch.gtin, lot: batch.lot, serial: "0DEF", recent: 1)

            #expect(exact.firstScanAt == precise)
            let stored = try #require(close.firstScanAt)
            #expect(abs(stored.timeIntervalSince(now)) <= 0.000_001)
        }
    }
}

extension StoreConformance {
    @Test(
        "recording returns each scan's unit history as it stood just before it and stores the finished scan",
        arguments: StoreFixture.all)
    func recordingReturnsHistories(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, batch) = try await Sample.producerWithBatch(stores)
            let firstA = Sample.scan(batch, serial: "0AAA", at: Sample.instant)
            let firstB = Sample.scan(batch, serial: "0BBB", at: Sample.instant(plusMilliseconds: 1_000))
            let secondA = Sample.scan(batch, serial: "0AAA", at: Sample.instant(plusMilliseconds: 2_000))
            let thirdA = Sample.scan(batch, serial: "0AAA", at: Sample.instant(plusMilliseconds: 3_000))
            // Any scan of a unit seen before is stored as a suspected clone.
            let finish: @Sendable (ScanRecord, ScanHistory) -> ScanRecord = { scan, history in
                var finished = scan
                if history.count > 0 { finished.verdict = .suspectedClone }
                return finished
            }
            var storedSecondA = secondA
            storedSecondA.verdict = .suspectedClone

            let histories = try await stores.passport.recordScans([firstA, firstB, secondA], recent: 5, finish: finish)
            #expect(histories == [.none, .none, ScanHistory(count: 1, firstScanAt: firstA.scannedAt, recent: [firstA])])

            let later = try await stores.passport.recordScans([thirdA], recent: 1, finish: finish)
            #expect(later == [ScanHistory(count: 2, firstScanAt: firstA.scannedAt, recent: [storedSecondA])])

            let stored = try await stores.passport.scanHistory(gtin: batch.gtin, lot: batch.lot, serial: "0AAA", recent: 5)
            var storedThirdA = thirdA
            storedThirdA.verdict = .suspectedClone
            #expect(stored == ScanHistory(count: 3, firstScanAt: firstA.scannedAt, recent: [storedThirdA, storedSecondA, firstA]))
            let other = try await stores.passport.scanHistory(gtin: batch.gtin, lot: batch.lot, serial: "0BBB", recent: 5)
            #expect(other == ScanHistory(count: 1, firstScanAt: firstB.scannedAt, recent: [firstB]))
        }
    }
}
