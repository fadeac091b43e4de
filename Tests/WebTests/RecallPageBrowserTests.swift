import Access
import Foundation
import HummingbirdTesting
import QualityCore
import Recalls
import Storage
import Testing
import Web

@Suite("Recall page in a browser")
struct RecallPageBrowserTests {
    @Test(
        "a regulator sees the clock, the notices, returns by level and the rate chart the API reports",
        .enabled(if: BrowserCheck.isCI || BrowserCheck.python != nil, "no Python for the browser check"),
        .timeLimit(.minutes(2)))
    func recallPageInChromium() async throws {
        if let missing = await BrowserCheck.missing() {
            if BrowserCheck.isCI { Issue.record("the browser check cannot run on CI: \(missing)") }
            return
        }
        let python = try #require(BrowserCheck.python)
        let world = try await WebWorld()
        let service = RecallService(
            store: world.stores.recalls, passport: world.service, calendar: try WorkingDayCalendar.bundled())
        let today = service.today
        let confirmed = today.adding(days: -12)
        let record = try await service.open(
            RecallDraft(
                gtin: world.gtin.gtin14, lot: "LOT1", reason: "霉菌超标 mould above limit", hazard: "microbiological",
                remedies: ["refund", "replace"], defectConfirmedOn: confirmed.description,
                affected: UnitCounts(distributor: 200, retailer: 300, consumer: 500)),
            by: world.producerA)
        _ = try await service.recordMilestone(
            record.id, kind: .planFiled, on: confirmed.adding(days: 2), reference: "SAMR-2026-101", note: nil,
            by: world.regulator)
        _ = try await service.addNotices(
            (1...6).map { NoticeDraft(orderID: "TB-\($0)") }, to: record.id, by: world.producerA)
        _ = try await service.updateNotice(
            record.id, orderID: "TB-2", status: .delivered, response: .refundRequested, note: nil, by: world.producerA)
        _ = try await service.updateNotice(
            record.id, orderID: "TB-3", status: .sent, response: nil, note: nil, by: world.producerA)
        for (offset, level, units) in [
            (3, SupplyLevel.distributor, Int64(200)), (4, .retailer, 120), (6, .retailer, 100), (7, .consumer, 60),
            (9, .consumer, 90),
        ] {
            _ = try await service.recordReturn(
                record.id, level: level, returned: units, corrected: units, on: confirmed.adding(days: offset),
                note: nil,
                by: world.producerA)
        }
        let rate = try await service.report(record.id, for: world.regulator).effectiveness.rate
        let tenths = Int((rate * 1000).rounded())
        let screenshots =
            ProcessInfo.processInfo.environment["QUALITYLOOP_SCREENSHOTS"]
            ?? NSTemporaryDirectory() + "qualityloop-screens-\(UUID().uuidString)"
        let script = BrowserCheck.packageRoot.appendingPathComponent("scripts/recall-page-check.py").path
        let token = try #require(world.tokens["regulator"])

        let (status, output) = try await world.withApp(.live) { client in
            let port = try #require(client.port)
            return try await BrowserCheck.run(
                python,
                [
                    script, "--out", screenshots, "--token", token, "--rate", "\(tenths / 10).\(tenths % 10)%",
                    "--notices", "6", "http://localhost:\(port)/recalls/\(record.id)",
                ])
        }
        #expect(rate == 0.57)
        #expect(status == 0, "recall page check failed:\n\(output)")
        for name in ["recall-zh-desktop", "recall-zh-phone", "recall-en-desktop"] {
            #expect(FileManager.default.fileExists(atPath: "\(screenshots)/\(name).png"), "no screenshot \(name)")
        }
        await world.close()
    }
}
