import Access
import Foundation
import Passport
import QualityCore

/// A live recall for `qloop demo`: the demo world's recalled power bank lot gets a recall record
/// three weeks into its course, with its plan filed and announced, notices to four dozen buyers
/// in every state, and returns reported day by day at each level, so the recall page has a
/// clock, counts and a chart to show. Built through the service, so every rule applies.
public struct DemoRecall: Sendable {
    /// The service the recall is built through.
    public let service: RecallService

    /// The demo world's recalled batch: a power bank whose cells may overheat.
    public static let gtin = "06956789000011"
    /// Its lot.
    public static let lot = "SN-PB-2607"

    /// Creates a builder over a service.
    public init(service: RecallService) { self.service = service }

    /// The id of the batch's recall record, building it first when there is none.
    public func seed() async throws -> Int64 {
        let gtin = try GTIN(checking: Self.gtin)
        guard let product = try await service.passport.store.product(gtin: gtin),
            let producer = try await service.passport.access.organisation(id: product.ownerID)
        else {
            throw QualityError.notFound(
                "product_not_found", "the demo world has no product \(Self.gtin); seed it first")
        }
        if let existing = try await service.recalls(for: producer).first(where: { $0.scope.lot == Self.lot }) {
            return existing.id
        }
        let today = service.today
        let confirmed = today.adding(days: -21)
        func day(_ offset: Int) -> CalendarDay { min(confirmed.adding(days: offset), today) }
        let record = try await service.open(
            RecallDraft(
                gtin: Self.gtin, lot: Self.lot,
                reason: "电芯在充电时可能过热，存在起火风险 / cells may overheat while charging (fire risk)", hazard: "fire",
                remedies: ["refund", "replace"], defectConfirmedOn: confirmed.description,
                affected: UnitCounts(producer: 2_000, distributor: 6_000, retailer: 12_000, consumer: 20_000)),
            by: producer)
        _ = try await service.recordMilestone(
            record.id, kind: .planFiled, on: day(4), reference: "DEMO-RECALL-\(today.year)-017",
            note: "filed with the provincial market regulator", by: producer)
        _ = try await service.recordMilestone(
            record.id, kind: .noticePublished, on: day(6), reference: nil,
            note: "announced on the platform and the producer's site",
            by: producer)
        try await notices(record.id, by: producer, year: today.year)
        try await returns(record.id, by: producer, from: confirmed, to: today)
        return record.id
    }

    /// Four dozen buyers' notices, in every status and with every response.
    private func notices(_ id: Int64, by producer: Organisation, year: Int) async throws {
        let orders = (1...48).map { number in
            NoticeDraft(
                orderID: "YX\(year)-\(10_000 + number * 37)", buyer: "buyer-\(String(number * 7919, radix: 16))",
                units: Int64(number % 3 + 1))
        }
        _ = try await service.addNotices(orders, to: id, by: producer)
        let responses: [BuyerResponse] = [.refundRequested, .replacementRequested, .refundRequested, .declined]
        for (index, order) in orders.enumerated() {
            switch index % 8 {
            case 0: continue
            case 1, 2:
                _ = try await service.updateNotice(
                    id, orderID: order.orderID, status: .sent, response: nil, note: nil, by: producer)
            case 3, 4:
                _ = try await service.updateNotice(
                    id, orderID: order.orderID, status: .delivered, response: nil, note: nil, by: producer)
            default:
                _ = try await service.updateNotice(
                    id, orderID: order.orderID, status: .delivered, response: responses[index % responses.count],
                    note: nil, by: producer)
            }
        }
    }

    /// Returns reported day by day: the producer's stock at once, the trade within two weeks,
    /// consumers' units trickling in.
    private func returns(_ id: Int64, by producer: Organisation, from confirmed: CalendarDay, to today: CalendarDay)
        async throws
    {
        let days = max(today.daysSinceEpoch - confirmed.daysSinceEpoch, 0)
        for offset in stride(from: 1, through: days, by: 1) {
            let on = confirmed.adding(days: offset)
            var reports: [(SupplyLevel, Int64)] = []
            if offset == 1 { reports.append((.producer, 2_000)) }
            if (2...9).contains(offset) { reports.append((.distributor, 650)) }
            if (3...14).contains(offset) { reports.append((.retailer, 800)) }
            if offset >= 5 { reports.append((.consumer, Int64(250 + 40 * offset))) }
            for (level, units) in reports {
                _ = try await service.recordReturn(
                    id, level: level, returned: units, corrected: units - units / 10, on: on, note: nil, by: producer)
            }
        }
    }
}
