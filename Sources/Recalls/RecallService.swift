public import Access
public import Foundation
import Ledger
public import Passport
public import QualityCore

/// The recall capability's use cases: open a recall record (which stops sale of the batch at
/// once), record the milestones of its legal clock, notify buyers order by order, report
/// returned and corrected units, withdraw it; and read it with its clock and effectiveness.
/// It holds no HTTP and no SQL.
///
/// Who may act: the producer that owns the product, and regulators. Anyone else is refused
/// (`forbidden`); a producer asking for another producer's record is told it does not exist.
/// With a ledger (the passport service's), every change is appended once stored.
public struct RecallService: Sendable {
    /// Where recall records live.
    public let store: any RecallStore
    /// The passport capability: batches, ownership, the scan cache and the ledger.
    public let passport: PassportService
    /// The working days deadlines are counted in.
    public let calendar: WorkingDayCalendar

    /// Creates the service.
    public init(store: any RecallStore, passport: PassportService, calendar: WorkingDayCalendar) {
        self.store = store
        self.passport = passport
        self.calendar = calendar
    }

    /// The current instant, from the passport service's clock.
    public var now: Date { passport.now() }

    /// Today in China (UTC+8).
    public var today: CalendarDay { CalendarDay(chinaDayOf: now.timeIntervalSince1970) }

    // MARK: Opening and closing

    /// Opens a recall of a batch and stops its sale in the same transaction: the batch turns
    /// recalled (its passport verdict becomes `recalled`), with the recall's reason for buyers.
    public func open(_ draft: RecallDraft, by organisation: Organisation) async throws -> RecallRecord {
        try Self.requireActor(organisation)
        let time = now
        let checked = try draft.validated(today: CalendarDay(chinaDayOf: time.timeIntervalSince1970))
        let gtin = checked.scope.gtin
        let batch: Batch
        let product: Product
        if organisation.role == .regulator {
            guard let found = try await passport.store.product(gtin: gtin) else {
                throw QualityError.notFound("product_not_found", "no product is registered with GTIN \(gtin.gtin14)")
            }
            guard let lot = try await passport.store.batch(gtin: gtin, lot: checked.scope.lot) else {
                throw QualityError.notFound(
                    "batch_not_found", "product \(gtin.gtin14) has no batch with lot '\(checked.scope.lot)'")
            }
            (product, batch) = (found, lot)
        } else {
            product = try await passport.ownedProduct(gtin: gtin, by: organisation)
            batch = try await passport.ownedBatch(gtin: gtin, lot: checked.scope.lot, by: organisation)
        }
        if let quantity = batch.quantity, checked.affected.total > quantity {
            throw QualityError.invalid(
                "affected_exceeds_batch",
                "the recall reaches \(checked.affected.total) units but lot \(batch.lot) has \(quantity)")
        }
        let actor = Self.reference(organisation)
        let record = RecallRecord(
            id: 0, scope: checked.scope, producerID: product.ownerID, reason: checked.reason, hazard: checked.hazard,
            remedies: checked.remedies, regulatorReference: checked.regulatorReference,
            defectConfirmedOn: checked.defectConfirmedOn, affected: checked.affected, status: .open, openedBy: actor,
            openedAt: time)
        var detail = [
            "gtin": gtin.gtin14, "lot": checked.scope.lot, "hazard": checked.hazard.rawValue,
            "remedies": checked.remedies.map(\.rawValue).joined(separator: ","),
            "defect_confirmed_on": checked.defectConfirmedOn.description,
            "affected_units": String(checked.affected.total),
        ]
        detail["serial_from"] = checked.scope.serialFrom
        detail["serial_to"] = checked.scope.serialTo
        let batchRecall = Recall(recalledAt: time, byOrganisationID: organisation.id, reason: checked.reason)
        let (stored, event) = try await store.openRecall(
            record, batchRecall: batchRecall,
            event: RecallEvent(recallID: 0, kind: .opened, actor: actor, at: time, note: checked.reason, detail: detail)
        )
        passport.catalog.invalidate(gtin: gtin)
        if let ledger = passport.ledger {
            _ = try await ledger.append(contentsOf: [
                try PassportLedgerEntry.recall(batchRecall, gtin: gtin, lot: checked.scope.lot),
                try RecallLedgerEntry.opened(stored, event: event),
            ])
        }
        return stored
    }

    /// Withdraws a recall that is still running and lifts its batch's recall in the same
    /// transaction, as the passport's lift path does; the reason is required.
    public func lift(_ id: Int64, reason: String, by organisation: Organisation) async throws -> RecallRecord {
        var record = try await visibleRecall(id, for: organisation)
        guard record.status.isActive else {
            throw QualityError.conflict(
                "recall_not_active", "recall \(id) is \(record.status.rawValue); it cannot be lifted")
        }
        let reason = try Self.note(reason, required: true) ?? ""
        let time = now
        let actor = Self.reference(organisation)
        let event = try await store.liftRecall(
            id: id, expectedStatus: record.status,
            event: RecallEvent(
                recallID: id, kind: .lifted, actor: actor, at: time, note: reason,
                detail: ["status_before": record.status.rawValue]))
        passport.catalog.invalidate(gtin: record.scope.gtin)
        if let ledger = passport.ledger {
            let lifted = Recall(recalledAt: time, byOrganisationID: organisation.id, reason: reason)
            _ = try await ledger.append(contentsOf: [
                try PassportLedgerEntry.recallLifted(lifted, gtin: record.scope.gtin, lot: record.scope.lot),
                try RecallLedgerEntry.change(event),
            ])
        }
        record.status = .lifted
        return record
    }

    // MARK: The legal clock

    /// Records a milestone on a day (default today). `completed` moves the record to completed,
    /// `summary_filed` closes it; a plan's reference becomes the record's regulator reference.
    public func recordMilestone(
        _ id: Int64, kind: RecallMilestone.Kind, on day: CalendarDay?, reference: String?, note: String?,
        by organisation: Organisation
    ) async throws -> RecallRecord {
        var record = try await visibleRecall(id, for: organisation)
        let time = now
        let today = CalendarDay(chinaDayOf: time.timeIntervalSince1970)
        let day = day ?? today
        let reference = try RecallDraft.reference(reference)
        let note = try Self.note(note)
        let existing = try await store.milestones(recallID: id)
        let newStatus = try Self.statusAfter(kind, on: day, record: record, existing: existing, today: today)
        let actor = Self.reference(organisation)
        var detail = ["milestone": kind.rawValue, "on": day.description]
        detail["reference"] = reference
        let event = try await store.recordMilestone(
            RecallMilestone(kind: kind, on: day, reference: reference, recordedBy: actor, recordedAt: time),
            recallID: id, expectedStatus: record.status, newStatus: newStatus,
            reference: kind == .planFiled ? reference : nil,
            event: RecallEvent(recallID: id, kind: .milestone, actor: actor, at: time, note: note, detail: detail))
        try await appendChange(event)
        record.status = newStatus
        if kind == .planFiled, let reference { record.regulatorReference = reference }
        return record
    }

    /// The status a record moves to with a milestone, or why the milestone is refused.
    static func statusAfter(
        _ kind: RecallMilestone.Kind, on day: CalendarDay, record: RecallRecord, existing: [RecallMilestone],
        today: CalendarDay
    ) throws(QualityError) -> RecallRecord.Status {
        guard record.status.isActive else {
            throw .conflict("recall_not_active", "recall \(record.id) is \(record.status.rawValue)")
        }
        guard day <= today else { throw .invalid("bad_date", "a milestone cannot lie in the future (\(day))") }
        guard day >= record.defectConfirmedOn else {
            throw .invalid(
                "bad_date", "a milestone cannot come before the defect was confirmed (\(record.defectConfirmedOn))")
        }
        if !kind.repeats, existing.contains(where: { $0.kind == kind }) {
            throw .conflict("milestone_recorded", "recall \(record.id) already has its \(kind.rawValue) milestone")
        }
        switch kind {
        case .planFiled, .noticePublished:
            return record.status
        case .progressReport, .completed:
            guard record.status == .open else {
                throw .conflict("recall_completed", "recall \(record.id) is completed; only its summary is still due")
            }
            return kind == .completed ? .completed : .open
        case .summaryFiled:
            guard record.status == .completed, let completed = existing.first(where: { $0.kind == .completed }) else {
                throw .conflict("not_completed", "record the recall's completion before its summary report")
            }
            guard day >= completed.on else {
                throw .invalid(
                    "bad_date", "the summary cannot be filed before the recall was completed (\(completed.on))")
            }
            return .closed
        }
    }

    // MARK: Notices and returns

    /// Creates a queued notice for each supplied order that has none yet; an order supplied again
    /// is reported as a duplicate and left as it is.
    public func addNotices(_ drafts: [NoticeDraft], to id: Int64, by organisation: Organisation) async throws
        -> (created: [RecallNotice], duplicates: [String])
    {
        let record = try await visibleRecall(id, for: organisation)
        let checked = try NoticeDraft.validated(drafts)
        guard record.status.isActive else {
            throw QualityError.conflict("recall_not_active", "recall \(id) is \(record.status.rawValue)")
        }
        let actor = Self.reference(organisation)
        let time = now
        let outcome = try await store.addNotices(checked, recallID: id, at: time) { created, duplicates in
            guard !created.isEmpty else { return nil }
            let digest = (try? LedgerHash.canonicalJSON(of: created.sorted()))?.hex ?? ""
            return RecallEvent(
                recallID: id, kind: .noticesAdded, actor: actor, at: time, note: nil,
                detail: [
                    "created": String(created.count), "duplicates": String(duplicates.count), "orders_sha256": digest,
                ])
        }
        if let event = outcome.event { try await appendChange(event) }
        return (outcome.created, outcome.duplicates)
    }

    /// Moves an order's notice forward and/or records the buyer's response.
    public func updateNotice(
        _ id: Int64, orderID: String, status: NoticeStatus?, response: BuyerResponse?, note: String?,
        by organisation: Organisation
    ) async throws -> RecallNotice {
        _ = try await visibleRecall(id, for: organisation)
        guard status != nil || response != nil else {
            throw QualityError.invalid("nothing_to_change", "give a new status, a response or both")
        }
        let note = try Self.note(note)
        let actor = Self.reference(organisation)
        let time = now
        let outcome = try await store.updateNotice(
            recallID: id, orderID: orderID,
            change: { notice in try notice.applying(status: status, response: response, at: time) },
            event: { before, after in
                var detail = ["order_id": after.orderID, "from": before.status.rawValue, "to": after.status.rawValue]
                detail["response"] = after.response?.rawValue
                return RecallEvent(
                    recallID: id, kind: .noticeUpdated, actor: actor, at: time, note: note, detail: detail)
            })
        if let event = outcome.event { try await appendChange(event) }
        return outcome.notice
    }

    /// Reports units returned and corrected at a level on a day (default today).
    public func recordReturn(
        _ id: Int64, level: SupplyLevel, returned: Int64, corrected: Int64, on day: CalendarDay?, note: String?,
        by organisation: Organisation
    ) async throws -> RecallReturn {
        let record = try await visibleRecall(id, for: organisation)
        try RecallReturn.checkCounts(returned: returned, corrected: corrected)
        let time = now
        let today = CalendarDay(chinaDayOf: time.timeIntervalSince1970)
        let day = day ?? today
        guard day <= today, day >= record.defectConfirmedOn else {
            throw QualityError.invalid(
                "bad_date", "returns are reported for days from \(record.defectConfirmedOn) to today; got \(day)")
        }
        let note = try Self.note(note)
        let actor = Self.reference(organisation)
        let (report, event) = try await store.recordReturn(
            RecallReturn(
                id: 0, level: level, returned: returned, corrected: corrected, on: day, recordedBy: actor,
                recordedAt: time),
            recallID: id,
            event: RecallEvent(
                recallID: id, kind: .returnsRecorded, actor: actor, at: time, note: note,
                detail: [
                    "level": level.rawValue, "returned": String(returned), "corrected": String(corrected),
                    "on": day.description,
                ]))
        try await appendChange(event)
        return report
    }

    // MARK: Reading

    /// The records the organisation may see, newest first: a producer's own, every one for a
    /// regulator.
    public func recalls(for organisation: Organisation) async throws -> [RecallRecord] {
        try Self.requireActor(organisation)
        return try await store.recalls(producerID: organisation.role == .regulator ? nil : organisation.id)
    }

    /// A record with everything about it: milestones, its legal clock today, notice tally,
    /// returns and effectiveness.
    public func report(_ id: Int64, for organisation: Organisation) async throws -> RecallReport {
        let record = try await visibleRecall(id, for: organisation)
        let milestones = try await store.milestones(recallID: id)
        let returns = try await store.returns(recallID: id)
        return RecallReport(
            record: record, milestones: milestones,
            clock: RecallClock(record: record, milestones: milestones, calendar: calendar, today: today),
            notices: try await store.noticeTally(recallID: id), returns: returns,
            effectiveness: RecallEffectiveness(affected: record.affected, returns: returns))
    }

    /// A record's notices, by order id, a page at a time.
    public func notices(
        of id: Int64, status: NoticeStatus?, after: String?, limit: Int, for organisation: Organisation
    ) async throws -> [RecallNotice] {
        _ = try await visibleRecall(id, for: organisation)
        guard (1...NoticeDraft.limit).contains(limit) else {
            throw QualityError.invalid("bad_limit", "limit is 1 to \(NoticeDraft.limit); got \(limit)")
        }
        return try await store.notices(recallID: id, status: status, after: after, limit: limit)
    }

    /// A record's audit trail.
    public func events(of id: Int64, for organisation: Organisation) async throws -> [RecallEvent] {
        _ = try await visibleRecall(id, for: organisation)
        return try await store.events(recallID: id)
    }

    // MARK: Boundaries

    /// The record, when the organisation may see it: a regulator sees every record, a producer
    /// its own; other producers' records are reported missing, other roles refused.
    public func visibleRecall(_ id: Int64, for organisation: Organisation) async throws -> RecallRecord {
        try Self.requireActor(organisation)
        guard let record = try await store.recall(id: id),
            organisation.role == .regulator || record.producerID == organisation.id
        else {
            throw QualityError.notFound("recall_not_found", "no recall \(id)")
        }
        return record
    }

    /// Producers and regulators act on recalls; platforms and labs do not.
    static func requireActor(_ organisation: Organisation) throws(QualityError) {
        guard organisation.role == .producer || organisation.role == .regulator else {
            throw .forbidden(
                "role_not_allowed",
                "only the producer that owns the product or a regulator may act on recalls; \(organisation.name) is a \(organisation.role.rawValue)"
            )
        }
    }

    /// How an organisation is named in events and ledger entries.
    static func reference(_ organisation: Organisation) -> String { "organisation:\(organisation.id)" }

    /// A note: trimmed, at most 1000 characters; empty is none unless `required`.
    static func note(_ text: String?, required: Bool = false) throws(QualityError) -> String? {
        let text = text?.trimmingSpaces ?? ""
        if text.isEmpty {
            if required { throw .invalid("missing_reason", "give the reason, for buyers and regulators") }
            return nil
        }
        guard text.count <= 1_000 else { throw .invalid("note_too_long", "a note is at most 1000 characters") }
        return text
    }

    /// Appends a change's entry when the service has a ledger.
    func appendChange(_ event: RecallEvent) async throws {
        guard let ledger = passport.ledger else { return }
        _ = try await ledger.append(try RecallLedgerEntry.change(event))
    }
}
