import Foundation
import QualityCore
import Recalls
import Testing

/// The rules a recall's inputs and notices follow, without storage.
@Suite("Recall rules")
struct RecallRulesTests {
    let today = try! CalendarDay("2026-10-12")
    let time = Date(timeIntervalSince1970: 1_800_000_000)

    func draft(
        gtin: String = "06901234000016", lot: String = "L1", serials: (String?, String?) = (nil, nil),
        reason: String = "电芯过热 cells overheat", hazard: String = "fire", remedies: [String] = ["refund", "repair"],
        confirmed: String = "2026-10-09", affected: UnitCounts = UnitCounts(retailer: 50, consumer: 950)
    ) -> RecallDraft {
        RecallDraft(
            gtin: gtin, lot: lot, serialFrom: serials.0, serialTo: serials.1, reason: reason, hazard: hazard,
            remedies: remedies, regulatorReference: " SAMR-2026-001 ", defectConfirmedOn: confirmed, affected: affected)
    }

    @Test("a good draft is checked into domain values")
    func goodDraft() throws {
        let checked = try draft(remedies: ["repair", "refund", "repair"]).validated(today: today)

        #expect(checked.scope.gtin.gtin14 == "06901234000016")
        #expect(checked.hazard == .fire)
        #expect(checked.remedies == [.refund, .repair])
        #expect(checked.regulatorReference == "SAMR-2026-001")
        #expect(checked.affected.total == 1000)
        #expect(checked.scope.serialFrom == nil)
    }

    @Test("every bad field is refused with its own code")
    func badDrafts() {
        let cases: [(RecallDraft, String)] = [
            (draft(gtin: "06901234000017"), "bad_check_digit"),
            (draft(lot: "L 1"), "invalid_character"),
            (draft(lot: String(repeating: "L", count: 21)), "bad_length"),
            (draft(serials: ("A1", nil)), "bad_serial_range"),
            (draft(serials: ("B", "A")), "bad_serial_range"),
            (draft(reason: "  "), "missing_reason"),
            (draft(hazard: "radiation"), "unknown_hazard"),
            (draft(remedies: []), "remedy_required"),
            (draft(remedies: ["refund", "destroy"]), "unknown_remedy"),
            (draft(confirmed: "2026-13-01"), "bad_date"),
            (draft(confirmed: "2026-10-13"), "bad_date"),
            (draft(affected: UnitCounts()), "bad_affected_units"),
            (draft(affected: UnitCounts(consumer: -5)), "bad_affected_units"),
        ]
        for (draft, code) in cases {
            let error = #expect(throws: QualityError.self, "\(code)") { try draft.validated(today: today) }
            #expect(error?.code == code, "expected \(code), got \(error?.code ?? "nothing"): \(error?.message ?? "")")
        }
    }

    func notice(_ status: NoticeStatus, response: BuyerResponse? = nil) -> RecallNotice {
        RecallNotice(
            recallID: 1, orderID: "O-1", buyer: nil, units: 1, status: status, response: response,
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("a notice only moves forward, may skip a step, and a response acknowledges it")
    func noticeTransitions() throws {
        #expect(try notice(.queued).applying(status: .sent, response: nil, at: time)?.status == .sent)
        #expect(try notice(.queued).applying(status: .delivered, response: nil, at: time)?.status == .delivered)
        let answered = try #require(try notice(.sent).applying(status: nil, response: .repairBooked, at: time))
        #expect(answered.status == .acknowledged)
        #expect(answered.response == .repairBooked)
        #expect(answered.updatedAt == time)
        #expect(try notice(.delivered).applying(status: .delivered, response: nil, at: time) == nil)
        #expect(
            try notice(.acknowledged, response: .declined).applying(status: nil, response: .declined, at: time) == nil)

        let backwards = #expect(throws: QualityError.self) {
            try notice(.delivered).applying(status: .sent, response: nil, at: time)
        }
        let changed = #expect(throws: QualityError.self) {
            try notice(.acknowledged, response: .declined).applying(status: nil, response: .refundRequested, at: time)
        }
        #expect(backwards?.code == "notice_backwards")
        #expect(backwards?.kind == .conflict)
        #expect(changed?.code == "response_recorded")
    }

    @Test("supplied orders are checked, repeats dropped, contradictions and floods refused")
    func noticeDrafts() throws {
        let checked = try NoticeDraft.validated([
            NoticeDraft(orderID: " JD-1 ", buyer: "b1", units: 2), NoticeDraft(orderID: "JD-2"),
            NoticeDraft(orderID: "JD-1", buyer: "b1", units: 2),
        ])
        #expect(checked.map(\.orderID) == ["JD-1", "JD-2"])
        #expect(checked.map(\.units) == [2, 1])

        let cases: [([NoticeDraft], String)] = [
            ([], "no_orders"),
            ([NoticeDraft(orderID: "")], "bad_order_id"),
            ([NoticeDraft(orderID: "a\nb")], "bad_order_id"),
            ([NoticeDraft(orderID: String(repeating: "x", count: 101))], "bad_order_id"),
            ([NoticeDraft(orderID: "A", units: 0)], "bad_units"),
            ([NoticeDraft(orderID: "A", units: 1), NoticeDraft(orderID: "A", units: 2)], "duplicate_order"),
            (
                (0...NoticeDraft.limit).map { NoticeDraft(orderID: "O\($0)") }, "too_many_orders"
            ),
        ]
        for (drafts, code) in cases {
            let error = #expect(throws: QualityError.self, "\(code)") { try NoticeDraft.validated(drafts) }
            #expect(error?.code == code)
        }
    }

    @Test("the correction rate is corrected over affected units, per level and over time")
    func effectiveness() throws {
        func report(_ level: SupplyLevel, _ returned: Int64, _ corrected: Int64, _ on: String) throws -> RecallReturn {
            RecallReturn(
                id: 0, level: level, returned: returned, corrected: corrected, on: try CalendarDay(on),
                recordedBy: "organisation:1", recordedAt: time)
        }
        let affected = UnitCounts(producer: 200, retailer: 300, consumer: 500)
        let effectiveness = RecallEffectiveness(
            affected: affected,
            returns: [
                try report(.consumer, 40, 30, "2026-10-14"), try report(.producer, 200, 200, "2026-10-12"),
                try report(.retailer, 100, 90, "2026-10-14"), try report(.consumer, 20, 20, "2026-10-20"),
            ])

        #expect(effectiveness.affected == 1000)
        #expect(effectiveness.corrected == 340)
        #expect(effectiveness.returned == 360)
        #expect(effectiveness.rate == 0.34)
        let levels = Dictionary(uniqueKeysWithValues: effectiveness.levels.map { ($0.level, $0) })
        #expect(levels[.producer]?.rate == 1)
        #expect(levels[.retailer]?.rate == 0.3)
        #expect(levels[.consumer]?.rate == 0.1)
        #expect(levels[.distributor]?.rate == nil)
        #expect(effectiveness.history.map(\.day.description) == ["2026-10-12", "2026-10-14", "2026-10-20"])
        #expect(effectiveness.history.map(\.corrected) == [200, 320, 340])
        #expect(effectiveness.history.last?.rate == effectiveness.rate)
    }
}
