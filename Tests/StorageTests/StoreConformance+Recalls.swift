import Access
import Foundation
import Passport
import QualityCore
import Recalls
import Storage
import Testing

/// Recall test data: a record of a stored batch and the events its changes carry.
enum RecallRecordSample {
    /// A record of a batch, not yet stored.
    static func record(
        _ batch: Batch, producer: Organisation, affected: UnitCounts = UnitCounts(retailer: 40, consumer: 60)
    )
        throws -> RecallRecord
    {
        RecallRecord(
            id: 0, scope: RecallRecord.Scope(gtin: batch.gtin, lot: batch.lot, serialFrom: "A0", serialTo: "A9"),
            producerID: producer.id, reason: "电芯过热 cells overheat", hazard: .fire, remedies: [.refund, .replace],
            regulatorReference: nil, defectConfirmedOn: try Sample.day("2026-01-05"), affected: affected,
            status: .open, openedBy: "organisation:\(producer.id)", openedAt: Sample.instant)
    }

    /// An event of a kind by the producer.
    static func event(_ kind: RecallEvent.Kind, note: String? = nil, detail: [String: String] = [:]) -> RecallEvent {
        RecallEvent(recallID: 0, kind: kind, actor: "organisation:1", at: Sample.instant, note: note, detail: detail)
    }

    /// The batch's recall as the record opens it.
    static let batchRecall = Recall(recalledAt: Sample.instant, byOrganisationID: 1, reason: "电芯过热 cells overheat")

    /// A producer with a batch and a record of it opened.
    static func opened(_ stores: Stores) async throws -> (Organisation, Batch, RecallRecord) {
        let (producer, batch) = try await Sample.producerWithBatch(stores)
        let (record, _) = try await stores.recalls.openRecall(
            try record(batch, producer: producer), batchRecall: batchRecall, event: event(.opened))
        return (producer, batch, record)
    }

    /// A milestone on a day.
    static func milestone(_ kind: RecallMilestone.Kind, _ day: String, reference: String? = nil) throws
        -> RecallMilestone
    {
        RecallMilestone(
            kind: kind, on: try Sample.day(day), reference: reference, recordedBy: "organisation:1",
            recordedAt: Sample.instant)
    }

    /// A return report.
    static func report(_ level: SupplyLevel, returned: Int64, corrected: Int64, on day: String) throws
        -> RecallReturn
    {
        RecallReturn(
            id: 0, level: level, returned: returned, corrected: corrected, on: try Sample.day(day),
            recordedBy: "organisation:1", recordedAt: Sample.instant)
    }
}

extension StoreConformance {
    @Test(
        "opening a record stores it with its event and recalls the batch; a second running one is refused whole",
        arguments: StoreFixture.all)
    func openRecall(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (producer, batch) = try await Sample.producerWithBatch(stores)
            let draft = try RecallRecordSample.record(batch, producer: producer)

            let (record, event) = try await stores.recalls.openRecall(
                draft, batchRecall: RecallRecordSample.batchRecall,
                event: RecallRecordSample.event(.opened, note: "电芯过热", detail: ["lot": batch.lot]))
            let again = await #expect(throws: QualityError.self) {
                try await stores.recalls.openRecall(
                    draft, batchRecall: Recall(recalledAt: Sample.instant, byOrganisationID: 1, reason: "second"),
                    event: RecallRecordSample.event(.opened))
            }
            let missing = await #expect(throws: QualityError.self) {
                var other = draft
                other.scope.lot = "NOPE"
                return try await stores.recalls.openRecall(
                    other, batchRecall: RecallRecordSample.batchRecall, event: RecallRecordSample.event(.opened))
            }

            #expect(record.id > 0)
            var expected = draft
            expected.id = record.id
            #expect(record == expected)
            #expect(try await stores.recalls.recall(id: record.id) == expected)
            #expect(event.id == 1 && event.recallID == record.id)
            #expect(try await stores.recalls.events(recallID: record.id) == [event])
            #expect(event.detail == ["lot": batch.lot])
            #expect(again?.code == "recall_active")
            #expect(missing?.code == "batch_not_found")
            let recalled = try await stores.passport.batch(gtin: batch.gtin, lot: batch.lot)
            #expect(recalled?.recall == RecallRecordSample.batchRecall)
            #expect(try await stores.recalls.recalls(producerID: producer.id) == [expected])
            #expect(try await stores.recalls.recalls(producerID: producer.id + 1).isEmpty)
            #expect(try await stores.recalls.recall(id: record.id + 1) == nil)
        }
    }

    @Test(
        "milestones move the record only from the status it was read in, and non-repeating ones are stored once",
        arguments: StoreFixture.all)
    func milestones(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, _, record) = try await RecallRecordSample.opened(stores)
            let recalls = stores.recalls

            _ = try await recalls.recordMilestone(
                try RecallRecordSample.milestone(.planFiled, "2026-01-09", reference: "SAMR-2026-7"), recallID: record.id,
                expectedStatus: .open, newStatus: .open, reference: "SAMR-2026-7",
                event: RecallRecordSample.event(.milestone))
            let twice = await #expect(throws: QualityError.self) {
                try await recalls.recordMilestone(
                    try RecallRecordSample.milestone(.planFiled, "2026-01-10"), recallID: record.id, expectedStatus: .open,
                    newStatus: .open, reference: nil, event: RecallRecordSample.event(.milestone))
            }
            for day in ["2026-04-09", "2026-07-09"] {
                _ = try await recalls.recordMilestone(
                    try RecallRecordSample.milestone(.progressReport, day), recallID: record.id, expectedStatus: .open,
                    newStatus: .open, reference: nil, event: RecallRecordSample.event(.milestone))
            }
            let completed = try await recalls.recordMilestone(
                try RecallRecordSample.milestone(.completed, "2026-07-20"), recallID: record.id, expectedStatus: .open,
                newStatus: .completed, reference: nil, event: RecallRecordSample.event(.milestone, note: "done"))
            let stale = await #expect(throws: QualityError.self) {
                try await recalls.recordMilestone(
                    try RecallRecordSample.milestone(.progressReport, "2026-07-21"), recallID: record.id,
                    expectedStatus: .open, newStatus: .open, reference: nil, event: RecallRecordSample.event(.milestone))
            }
            let unknown = await #expect(throws: QualityError.self) {
                try await recalls.recordMilestone(
                    try RecallRecordSample.milestone(.planFiled, "2026-01-09"), recallID: record.id + 5,
                    expectedStatus: .open, newStatus: .open, reference: nil, event: RecallRecordSample.event(.milestone))
            }

            #expect(twice?.code == "milestone_recorded")
            #expect(stale?.code == "recall_changed")
            #expect(unknown?.code == "recall_not_found")
            let stored = try await recalls.recall(id: record.id)
            #expect(stored?.status == .completed)
            #expect(stored?.regulatorReference == "SAMR-2026-7")
            let milestones = try await recalls.milestones(recallID: record.id)
            #expect(milestones.map(\.kind) == [.planFiled, .progressReport, .progressReport, .completed])
            #expect(milestones.first?.reference == "SAMR-2026-7")
            #expect(milestones.first?.recordedAt == Sample.instant)
            #expect(completed.id == 5)
            #expect(completed.note == "done")
            #expect(try await recalls.events(recallID: record.id).map(\.id) == [1, 2, 3, 4, 5])
        }
    }

    @Test("lifting clears the batch's recall with the record, once", arguments: StoreFixture.all)
    func liftRecall(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (producer, batch, record) = try await RecallRecordSample.opened(stores)

            let event = try await stores.recalls.liftRecall(
                id: record.id, expectedStatus: .open, event: RecallRecordSample.event(.lifted, note: "retested: safe"))
            let again = await #expect(throws: QualityError.self) {
                try await stores.recalls.liftRecall(
                    id: record.id, expectedStatus: .open, event: RecallRecordSample.event(.lifted))
            }

            #expect(event.note == "retested: safe")
            #expect(again?.code == "recall_changed")
            #expect(try await stores.recalls.recall(id: record.id)?.status == .lifted)
            #expect(try await stores.passport.batch(gtin: batch.gtin, lot: batch.lot)?.recall == nil)
            // The batch may be recalled again by a new record.
            _ = try await stores.recalls.openRecall(
                try RecallRecordSample.record(batch, producer: producer),
                batchRecall: RecallRecordSample.batchRecall, event: RecallRecordSample.event(.opened))
            #expect(try await stores.recalls.recalls(producerID: nil).count == 2)
        }
    }

    @Test(
        "notices are created once per order, move as the change decides, and are counted and paged",
        arguments: StoreFixture.all)
    func notices(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, _, record) = try await RecallRecordSample.opened(stores)
            let recalls = stores.recalls
            let drafts = [
                NoticeDraft(orderID: "JD-3", buyer: "buyer-3", units: 2), NoticeDraft(orderID: "JD-1", units: 1),
                NoticeDraft(orderID: "JD-2", units: 1),
            ]
            let first = try await recalls.addNotices(drafts, recallID: record.id, at: Sample.instant) { created, dups in
                RecallRecordSample.event(
                    .noticesAdded, detail: ["created": "\(created.count)", "duplicates": "\(dups.count)"])
            }
            let second = try await recalls.addNotices(
                [NoticeDraft(orderID: "JD-1", units: 1), NoticeDraft(orderID: "JD-4", units: 5)], recallID: record.id,
                at: Sample.instant
            ) { created, dups in
                RecallRecordSample.event(
                    .noticesAdded, detail: ["created": "\(created.count)", "duplicates": "\(dups.count)"])
            }
            let nothing = try await recalls.addNotices(
                [NoticeDraft(orderID: "JD-4", units: 5)], recallID: record.id, at: Sample.instant
            ) { created, _ in created.isEmpty ? nil : RecallRecordSample.event(.noticesAdded) }

            #expect(first.created.map(\.orderID) == ["JD-3", "JD-1", "JD-2"])
            #expect(first.duplicates.isEmpty)
            #expect(first.event?.detail == ["created": "3", "duplicates": "0"])
            #expect(second.created.map(\.orderID) == ["JD-4"])
            #expect(second.duplicates == ["JD-1"])
            #expect(nothing.created.isEmpty && nothing.event == nil)

            let later = Sample.instant(plusMilliseconds: 5_000)
            let moved = try await recalls.updateNotice(
                recallID: record.id, orderID: "JD-3",
                change: { try $0.applying(status: .delivered, response: nil, at: later) },
                event: { before, after in
                    RecallRecordSample.event(
                        .noticeUpdated, detail: ["from": before.status.rawValue, "to": after.status.rawValue])
                })
            let unchanged = try await recalls.updateNotice(
                recallID: record.id, orderID: "JD-3",
                change: { try $0.applying(status: .delivered, response: nil, at: later) },
                event: { _, _ in RecallRecordSample.event(.noticeUpdated) })
            let backwards = await #expect(throws: QualityError.self) {
                try await recalls.updateNotice(
                    recallID: record.id, orderID: "JD-3",
                    change: { try $0.applying(status: .sent, response: nil, at: later) },
                    event: { _, _ in RecallRecordSample.event(.noticeUpdated) })
            }
            let missing = await #expect(throws: QualityError.self) {
                try await recalls.updateNotice(
                    recallID: record.id, orderID: "JD-404",
                    change: { try $0.applying(status: .sent, response: nil, at: later) },
                    event: { _, _ in RecallRecordSample.event(.noticeUpdated) })
            }
            _ = try await recalls.updateNotice(
                recallID: record.id, orderID: "JD-1",
                change: { try $0.applying(status: nil, response: .refundRequested, at: later) },
                event: { _, _ in RecallRecordSample.event(.noticeUpdated) })

            #expect(moved.notice.status == .delivered)
            #expect(moved.notice.updatedAt == later)
            #expect(moved.notice.createdAt == Sample.instant)
            #expect(moved.event?.detail == ["from": "queued", "to": "delivered"])
            #expect(unchanged.event == nil)
            #expect(backwards?.code == "notice_backwards")
            #expect(missing?.code == "notice_not_found")

            let tally = try await recalls.noticeTally(recallID: record.id)
            #expect(tally.byStatus == [.queued: 2, .sent: 0, .delivered: 1, .acknowledged: 1])
            #expect(tally.byResponse == [.refundRequested: 1])
            #expect(tally.units == 9)
            let all = try await recalls.notices(recallID: record.id, status: nil, after: nil, limit: 10)
            #expect(all.map(\.orderID) == ["JD-1", "JD-2", "JD-3", "JD-4"])
            #expect(all[2].buyer == "buyer-3" && all[2].units == 2)
            #expect(all[0].response == .refundRequested && all[0].status == .acknowledged)
            let page = try await recalls.notices(recallID: record.id, status: nil, after: "JD-1", limit: 2)
            #expect(page.map(\.orderID) == ["JD-2", "JD-3"])
            let queued = try await recalls.notices(recallID: record.id, status: .queued, after: nil, limit: 10)
            #expect(queued.map(\.orderID) == ["JD-2", "JD-4"])
            // Opening, two batches of notices, two changes: the unchanged and refused ones left no event.
            #expect(
                try await recalls.events(recallID: record.id).map(\.kind) == [
                    .opened, .noticesAdded, .noticesAdded, .noticeUpdated, .noticeUpdated,
                ])
        }
    }

    @Test(
        "returns are stored within the level's affected units, and nothing is stored past them",
        arguments: StoreFixture.all)
    func returns(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, _, record) = try await RecallRecordSample.opened(stores)
            let recalls = stores.recalls

            let (first, event) = try await recalls.recordReturn(
                try RecallRecordSample.report(.consumer, returned: 30, corrected: 25, on: "2026-01-20"), recallID: record.id,
                event: RecallRecordSample.event(.returnsRecorded))
            _ = try await recalls.recordReturn(
                try RecallRecordSample.report(.retailer, returned: 40, corrected: 40, on: "2026-01-12"), recallID: record.id,
                event: RecallRecordSample.event(.returnsRecorded))
            let tooMany = await #expect(throws: QualityError.self) {
                try await recalls.recordReturn(
                    try RecallRecordSample.report(.consumer, returned: 31, corrected: 0, on: "2026-01-21"),
                    recallID: record.id, event: RecallRecordSample.event(.returnsRecorded))
            }
            _ = try await recalls.recordReturn(
                try RecallRecordSample.report(.consumer, returned: 30, corrected: 35, on: "2026-01-21"), recallID: record.id,
                event: RecallRecordSample.event(.returnsRecorded))

            #expect(first.id == 1 && event.id == 2)
            #expect(tooMany?.code == "exceeds_affected")
            let stored = try await recalls.returns(recallID: record.id)
            #expect(stored.map(\.level) == [.retailer, .consumer, .consumer])
            #expect(stored.map(\.corrected) == [40, 25, 35])
            #expect(stored[1] == first)

            _ = try await recalls.liftRecall(id: record.id, expectedStatus: .open, event: RecallRecordSample.event(.lifted))
            let closed = await #expect(throws: QualityError.self) {
                try await recalls.recordReturn(
                    try RecallRecordSample.report(.producer, returned: 0, corrected: 0, on: "2026-01-22"),
                    recallID: record.id, event: RecallRecordSample.event(.returnsRecorded))
            }
            let noNotices = await #expect(throws: QualityError.self) {
                try await recalls.addNotices([NoticeDraft(orderID: "X")], recallID: record.id, at: Sample.instant) {
                    _, _ in nil
                }
            }
            #expect(closed?.code == "recall_not_active")
            #expect(noNotices?.code == "recall_not_active")
            #expect(try await recalls.returns(recallID: record.id).count == 3)
        }
    }
}

extension StoreConformance {
    @Test("a long order list goes in at once, repeats told apart from new orders", arguments: StoreFixture.all)
    func manyNotices(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, _, record) = try await RecallRecordSample.opened(stores)
            let first = (0..<2_000).map {
                NoticeDraft(orderID: "O-\($0)", buyer: $0 % 3 == 0 ? nil : "b\($0)", units: 1)
            }
            let second = (1_500..<3_000).map { NoticeDraft(orderID: "O-\($0)", units: 2) }

            let a = try await stores.recalls.addNotices(first, recallID: record.id, at: Sample.instant) { _, _ in nil }
            let b = try await stores.recalls.addNotices(second, recallID: record.id, at: Sample.instant) { _, _ in nil }

            #expect(a.created.count == 2_000 && a.duplicates.isEmpty)
            #expect(b.created.map(\.orderID) == (2_000..<3_000).map { "O-\($0)" })
            #expect(b.duplicates == (1_500..<2_000).map { "O-\($0)" })
            let tally = try await stores.recalls.noticeTally(recallID: record.id)
            #expect(tally.total == 3_000)
            #expect(tally.units == 2_000 + 2 * 1_000)
            let page = try await stores.recalls.notices(recallID: record.id, status: .queued, after: "O-2", limit: 3)
            #expect(page.map(\.orderID) == ["O-20", "O-200", "O-2000"])
            #expect(page.map(\.buyer) == ["b20", "b200", nil])
        }
    }
}
