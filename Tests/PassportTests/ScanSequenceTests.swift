import Foundation
import Passport
import QualityCore
import Testing

@Suite("Scan sequencing within a batch")
struct ScanSequenceTests {
    let gtin = try! GTIN("06901234000016")

    func scan(_ serial: String, at seconds: Double) -> ScanRecord {
        ScanRecord(
            gtin: gtin, lot: "L1", serial: serial, scannedAt: Date(timeIntervalSince1970: seconds), verdict: .genuine,
            location: nil, client: .api)
    }

    @Test("each scan sees the scans ahead of it in the batch, newest first, and no more than asked")
    func sequencing() {
        let a1 = scan("A", at: 100), a2 = scan("A", at: 200), b1 = scan("B", at: 150), a3 = scan("A", at: 300)
        let stored = [UnitKey(gtin: gtin, lot: "L1", serial: "A"): ScanHistory(count: 7, firstScanAt: Date(timeIntervalSince1970: 10), recent: [])]
        let result = ScanSequence.finish([a1, b1, a2, a3], histories: stored, recent: 2) { scan, _ in scan }

        #expect(result.records == [a1, b1, a2, a3])
        #expect(result.histories.map(\.count) == [7, 0, 8, 9])
        #expect(result.histories[3].recent == [a2, a1])
        #expect(result.histories[2].firstScanAt == Date(timeIntervalSince1970: 10))
        #expect(result.histories[1] == .none)
    }

    @Test("an earlier-timed scan arriving later keeps the history ordered by time")
    func ordering() {
        let history = ScanHistory.none.adding(scan("A", at: 300), keeping: 5).adding(scan("A", at: 100), keeping: 5)
        #expect(history.recent.map(\.scannedAt.timeIntervalSince1970) == [300, 100])
        #expect(history.firstScanAt == Date(timeIntervalSince1970: 100))
    }

    @Test("units are listed once each, in first-seen order")
    func units() {
        let units = ScanSequence.units(of: [scan("B", at: 1), scan("A", at: 2), scan("B", at: 3)])
        #expect(units.map(\.serial) == ["B", "A"])
    }
}
