import Access
import Foundation
import Ledger
import Passport
import QualityCore
import Recalls
import Storage
import Testing

/// Recalls through `RecallService` on both backends with a ledger: opening stops sale (the scan
/// verdict turns `recalled`), lifting restores it, every change is in the audit trail and the
/// log, and only the owner and regulators act.
@Suite("Recall records")
struct RecallServiceTests {
    /// Friday 9 October 2026, 10:00 China time.
    static let now = Date(timeIntervalSince1970: 1_791_511_200)

    /// A producer with a product, a batch of 1000 units with issued codes, a rival producer, a
    /// platform, a lab and a regulator; the services over the stores with a ledger.
    struct World {
        let stores: Stores
        let passport: PassportService
        let service: RecallService
        let ledger: Ledger
        let producer: Organisation
        let rival: Organisation
        let platform: Organisation
        let lab: Organisation
        let regulator: Organisation
        let gtin: GTIN

        init(_ stores: Stores, now: Date = RecallServiceTests.now) async throws {
            self.stores = stores
            ledger = Ledger(store: stores.ledger, signer: LedgerSample.signer)
            passport = PassportService(
                store: stores.passport, access: stores.access, stem: "https://id.test.example", ledger: ledger,
                now: { now })
            service = RecallService(
                store: stores.recalls, passport: passport, calendar: try WorkingDayCalendar.bundled())
            producer = try await stores.access.createOrganisation(name: "Shenneng Electronics", role: .producer)
            rival = try await stores.access.createOrganisation(name: "Rival Power", role: .producer)
            platform = try await stores.access.createOrganisation(name: "Jade Market", role: .platform)
            lab = try await stores.access.createOrganisation(name: "Test Lab", role: .lab)
            regulator = try await stores.access.createOrganisation(name: "Market Regulator", role: .regulator)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6956789"), to: producer.id)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6900001"), to: rival.id)
            gtin = try Sample.gtin(prefix: "6956789", item: 1)
            _ = try await passport.registerProduct(
                ProductDraft(gtin: gtin.gtin14, name: "快充移动电源 10000mAh", category: "electronics"), by: producer)
            _ = try await passport.registerBatch(
                BatchDraft(gtin: gtin.gtin14, lot: "SN-PB-2607", produced: "2026-07-01", quantity: 1000), by: producer)
            _ = try await passport.issueCodes(gtin: gtin, lot: "SN-PB-2607", count: 10, by: producer)
        }

        /// A draft for the batch.
        func draft(confirmed: String = "2026-09-30", affected: UnitCounts = UnitCounts(retailer: 200, consumer: 800))
            -> RecallDraft
        {
            RecallDraft(
                gtin: gtin.gtin14, lot: "SN-PB-2607", reason: "电芯在充电时可能过热 cells may overheat", hazard: "fire",
                remedies: ["refund", "replace"], defectConfirmedOn: confirmed, affected: affected)
        }

        /// The scan verdict of a unit of the batch.
        func verdict() async throws -> VerdictKind {
            let signer = try await passport.signer(gtin: gtin, lot: "SN-PB-2607")
            let uri = passport.labelWriter.uri(gtin: gtin, lot: "SN-PB-2607", serial: signer.serial(index: 3))
            return try await passport.verify(uri, context: ScanContext(client: .browser)).verdict
        }
    }

    @Test(
        "opening stops sale at once and lifting restores it, each in the ledger with who and why",
        arguments: StoreFixture.all)
    func stopSaleAndLift(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let world = try await World(stores)
            #expect(try await world.verdict() == .genuine)
            let before = try await world.ledger.treeHead().size

            let record = try await world.service.open(world.draft(), by: world.producer)

            #expect(record.status == .open)
            #expect(record.producerID == world.producer.id)
            #expect(try await world.verdict() == .recalled)
            let batch = try await stores.passport.batch(gtin: world.gtin, lot: "SN-PB-2607")
            #expect(batch?.recall?.reason == "电芯在充电时可能过热 cells may overheat")
            let opened = try await stores.ledger.ledgerLeaves(from: before, limit: 10).map { try $0.entry() }
            #expect(opened.map(\.kind) == [.recall, .recall])
            #expect(opened.map(\.record.table) == ["batches", "recall_events"])
            #expect(opened[1].record.key == "\(record.id)/1")
            #expect(opened.allSatisfy { $0.actor == "organisation:\(world.producer.id)" })
            let events = try await stores.recalls.events(recallID: record.id)
            #expect(opened[1].payloadDigest == (try RecallLedgerEntry.opened(record, event: events[0]).payloadDigest))

            let refused = await #expect(throws: QualityError.self) {
                try await world.service.lift(record.id, reason: "  ", by: world.regulator)
            }
            let lifted = try await world.service.lift(record.id, reason: "复检合格 retested: safe", by: world.regulator)

            #expect(refused?.code == "missing_reason")
            #expect(lifted.status == .lifted)
            #expect(try await world.verdict() == .genuine)
            let trail = try await world.service.events(of: record.id, for: world.producer)
            #expect(trail.map(\.kind) == [.opened, .lifted])
            #expect(trail[1].actor == "organisation:\(world.regulator.id)")
            #expect(trail[1].note == "复检合格 retested: safe")
            #expect(trail[1].at == Self.now)
            let all = try await stores.ledger.ledgerLeaves(from: before, limit: 10).map { try $0.entry() }
            #expect(all.map(\.kind) == [.recall, .recall, .recallStatus, .recallStatus])
            #expect(all[3].payloadDigest == (try RecallLedgerEntry.change(trail[1]).payloadDigest))
            let again = await #expect(throws: QualityError.self) {
                try await world.service.lift(record.id, reason: "again", by: world.producer)
            }
            #expect(again?.code == "recall_not_active")
        }
    }

    @Test("only the owner and regulators act; others are refused and see nothing", arguments: StoreFixture.all)
    func boundaries(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let world = try await World(stores)

            for organisation in [world.platform, world.lab] {
                let error = await #expect(throws: QualityError.self) {
                    try await world.service.open(world.draft(), by: organisation)
                }
                #expect(error?.code == "role_not_allowed")
                #expect(error?.kind == .forbidden)
            }
            let rival = await #expect(throws: QualityError.self) {
                try await world.service.open(world.draft(), by: world.rival)
            }
            #expect(rival?.code == "not_owner")
            #expect(try await stores.recalls.recalls(producerID: nil).isEmpty)
            #expect(try await world.verdict() == .genuine)

            // A regulator orders the recall; the record belongs to the producer that owns the product.
            let ordered = try await world.service.open(world.draft(), by: world.regulator)
            #expect(ordered.producerID == world.producer.id)
            #expect(ordered.openedBy == "organisation:\(world.regulator.id)")

            let hidden = await #expect(throws: QualityError.self) {
                try await world.service.report(ordered.id, for: world.rival)
            }
            let platform = await #expect(throws: QualityError.self) {
                try await world.service.report(ordered.id, for: world.platform)
            }
            #expect(hidden?.code == "recall_not_found")
            #expect(platform?.code == "role_not_allowed")
            #expect(try await world.service.recalls(for: world.rival).isEmpty)
            #expect(try await world.service.recalls(for: world.producer).map(\.id) == [ordered.id])
            #expect(try await world.service.recalls(for: world.regulator).map(\.id) == [ordered.id])

            let twice = await #expect(throws: QualityError.self) {
                try await world.service.open(world.draft(), by: world.producer)
            }
            let tooMany = await #expect(throws: QualityError.self) {
                try await world.service.open(world.draft(affected: UnitCounts(consumer: 1001)), by: world.regulator)
            }
            #expect(twice?.code == "recall_active")
            #expect(tooMany?.code == "affected_exceeds_batch")
        }
    }

    @Test(
        "a recall runs its course: clock, notices to buyers, returns by level, summary; all in the trail",
        arguments: StoreFixture.all)
    func fullCourse(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let world = try await World(stores)
            let service = world.service
            let producer = world.producer
            // Confirmed Wednesday 30 September 2026; 1–7 October are off, Saturday 10 October is
            // worked: the plan is due on the fifth working day (8, 9, 10, 12, 13), Tuesday 13 October.
            let record = try await service.open(world.draft(confirmed: "2026-09-30"), by: producer)
            var report = try await service.report(record.id, for: producer)
            let plan = try #require(report.clock.deadlines.first { $0.kind == .plan })
            #expect(plan.due == (try CalendarDay("2026-10-13")))
            #expect(plan.status == .pending)

            _ = try await service.recordMilestone(
                record.id, kind: .planFiled, on: try CalendarDay("2026-10-08"), reference: "SAMR-ZH-2026-031",
                note: "filed with the provincial bureau", by: producer)
            let future = await #expect(throws: QualityError.self) {
                try await service.recordMilestone(
                    record.id, kind: .noticePublished, on: try CalendarDay("2026-10-10"), reference: nil, note: nil,
                    by: producer)
            }
            let early = await #expect(throws: QualityError.self) {
                try await service.recordMilestone(
                    record.id, kind: .summaryFiled, on: nil, reference: nil, note: nil, by: producer)
            }
            _ = try await service.recordMilestone(
                record.id, kind: .noticePublished, on: nil, reference: nil, note: nil, by: world.regulator)
            #expect(future?.code == "bad_date")
            #expect(early?.code == "not_completed")

            let added = try await service.addNotices(
                [
                    NoticeDraft(orderID: "JD-1001", buyer: "b-7f3a", units: 2), NoticeDraft(orderID: "JD-1002"),
                    NoticeDraft(orderID: "JD-1003"),
                ], to: record.id, by: producer)
            let repeated = try await service.addNotices(
                [NoticeDraft(orderID: "JD-1002"), NoticeDraft(orderID: "JD-1004")], to: record.id, by: producer)
            #expect(added.created.count == 3)
            #expect(repeated.created.map(\.orderID) == ["JD-1004"])
            #expect(repeated.duplicates == ["JD-1002"])
            _ = try await service.updateNotice(
                record.id, orderID: "JD-1001", status: .delivered, response: nil, note: nil, by: producer)
            let answered = try await service.updateNotice(
                record.id, orderID: "JD-1001", status: nil, response: .refundRequested, note: "via app",
                by: producer)
            let backwards = await #expect(throws: QualityError.self) {
                try await service.updateNotice(
                    record.id, orderID: "JD-1001", status: .sent, response: nil, note: nil, by: producer)
            }
            #expect(answered.status == .acknowledged)
            #expect(backwards?.code == "notice_backwards")

            _ = try await service.recordReturn(
                record.id, level: .retailer, returned: 200, corrected: 200, on: try CalendarDay("2026-10-08"),
                note: "shelves cleared", by: producer)
            _ = try await service.recordReturn(
                record.id, level: .consumer, returned: 100, corrected: 80, on: nil, note: nil, by: producer)
            let beyond = await #expect(throws: QualityError.self) {
                try await service.recordReturn(
                    record.id, level: .retailer, returned: 1, corrected: 1, on: nil, note: nil, by: producer)
            }
            let beforeConfirmed = await #expect(throws: QualityError.self) {
                try await service.recordReturn(
                    record.id, level: .consumer, returned: 1, corrected: 1, on: try CalendarDay("2026-09-29"),
                    note: nil, by: producer)
            }
            #expect(beyond?.code == "exceeds_affected")
            #expect(beforeConfirmed?.code == "bad_date")

            report = try await service.report(record.id, for: world.regulator)
            #expect(report.record.regulatorReference == "SAMR-ZH-2026-031")
            #expect(report.clock.deadlines.first { $0.kind == .plan }?.status == .met)
            #expect(report.clock.deadlines.first { $0.kind == .publicNotice }?.status == .met)
            #expect(report.notices.total == 4)
            #expect(report.notices.byStatus[.acknowledged] == 1)
            #expect(report.notices.byResponse[.refundRequested] == 1)
            #expect(report.effectiveness.corrected == 280)
            #expect(report.effectiveness.rate == 0.28)
            #expect(report.effectiveness.levels.first { $0.level == .retailer }?.rate == 1)
            #expect(report.effectiveness.history.map(\.corrected) == [200, 280])

            _ = try await service.recordMilestone(
                record.id, kind: .completed, on: nil, reference: nil, note: nil, by: producer)
            let closed = try await service.recordMilestone(
                record.id, kind: .summaryFiled, on: nil, reference: nil, note: nil, by: producer)
            #expect(closed.status == .closed)
            // Units never brought back stay defective: the batch is still recalled.
            #expect(try await world.verdict() == .recalled)
            let after = await #expect(throws: QualityError.self) {
                try await service.addNotices([NoticeDraft(orderID: "JD-2000")], to: record.id, by: producer)
            }
            #expect(after?.code == "recall_not_active")

            let trail = try await service.events(of: record.id, for: producer)
            #expect(
                trail.map(\.kind) == [
                    .opened, .milestone, .milestone, .noticesAdded, .noticesAdded, .noticeUpdated, .noticeUpdated,
                    .returnsRecorded, .returnsRecorded, .milestone, .milestone,
                ])
            #expect(trail[1].note == "filed with the provincial bureau")
            #expect(trail[2].actor == "organisation:\(world.regulator.id)")
            #expect(trail[6].detail["response"] == "refund_requested")
            let size = try await world.ledger.treeHead().size
            let leaves = try await stores.ledger.ledgerLeaves(from: 0, limit: Int(size)).map { try $0.entry() }
            let recallEntries = leaves.filter { $0.record.table == "recall_events" }
            #expect(recallEntries.count == trail.count)
            #expect(recallEntries.map(\.record.key) == trail.map { "\(record.id)/\($0.id)" })
            try await world.ledger.close()
            let audit = try await LedgerAudit(store: stores.ledger, verifier: LedgerSample.signer.verifierKey).run()
            #expect(audit.isClean, "\(audit.problem?.message ?? "")")
        }
    }
}
