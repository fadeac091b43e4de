public import Foundation
public import Passport

/// Persistence of recall records, their milestones, notices, reported returns and audit events.
///
/// Implementations keep every method atomic: a method applies whole, with its event, or throws.
/// Checks that depend on stored state (a notice's current status, the units reported so far)
/// run inside the method's transaction, so concurrent callers cannot both pass them.
public protocol RecallStore: Sendable {
    /// Stores a new record (its id assigned by the store) with its opening event, and marks its
    /// batch recalled with `batchRecall`, in one transaction. `conflict` (`recall_active`) when
    /// the batch already has an open or completed record; `notFound` (`batch_not_found`).
    func openRecall(_ record: RecallRecord, batchRecall: Recall, event: RecallEvent) async throws
        -> (RecallRecord, RecallEvent)
    /// The record with an id, if any.
    func recall(id: Int64) async throws -> RecallRecord?
    /// The records of one producer, or of every producer for `nil`, newest first.
    func recalls(producerID: Int64?) async throws -> [RecallRecord]

    /// Stores a milestone with its event and moves the record to `newStatus` (setting its
    /// regulator reference when `reference` is given), provided the record still has
    /// `expectedStatus`: `conflict` (`recall_changed`) otherwise, and `conflict`
    /// (`milestone_recorded`) for a second milestone of a kind that does not repeat.
    func recordMilestone(
        _ milestone: RecallMilestone, recallID: Int64, expectedStatus: RecallRecord.Status,
        newStatus: RecallRecord.Status, reference: String?, event: RecallEvent
    ) async throws -> RecallEvent
    /// A record's milestones, by day and then by the order they were recorded.
    func milestones(recallID: Int64) async throws -> [RecallMilestone]
    /// Marks a record lifted and clears its batch's recall in one transaction, provided the
    /// record still has `expectedStatus` (`conflict`, `recall_changed`).
    func liftRecall(id: Int64, expectedStatus: RecallRecord.Status, event: RecallEvent) async throws -> RecallEvent

    /// Creates a queued notice for each checked draft whose order has none on the record yet,
    /// with the event `event` makes of the outcome (none when nothing was created); returns the
    /// created notices and the order ids that already had one. `conflict` (`recall_not_active`)
    /// unless the record is open or completed.
    func addNotices(
        _ drafts: [NoticeDraft], recallID: Int64, at time: Date,
        event: @escaping @Sendable (_ created: [String], _ duplicates: [String]) -> RecallEvent?
    ) async throws -> (created: [RecallNotice], duplicates: [String], event: RecallEvent?)
    /// Applies `change` to the stored notice of an order inside one transaction and stores the
    /// result with the event `event` makes of it; when `change` returns `nil` nothing is
    /// written. `notFound` (`notice_not_found`) for an order without a notice; whatever
    /// `change` throws is passed on.
    func updateNotice(
        recallID: Int64, orderID: String,
        change: @escaping @Sendable (RecallNotice) throws -> RecallNotice?,
        event: @escaping @Sendable (_ before: RecallNotice, _ after: RecallNotice) -> RecallEvent
    ) async throws -> (notice: RecallNotice, event: RecallEvent?)
    /// A record's notices in order-id order, optionally of one status, after an order id, at
    /// most `limit`.
    func notices(recallID: Int64, status: NoticeStatus?, after: String?, limit: Int) async throws -> [RecallNotice]
    /// How many notices a record has in each status and with each response, and their units.
    func noticeTally(recallID: Int64) async throws -> NoticeTally

    /// Stores a report of returned and corrected units with its event, provided the record is
    /// open or completed (`conflict`, `recall_not_active`) and the units reported at the level,
    /// this report included, stay within the record's affected units there (`conflict`,
    /// `exceeds_affected`).
    func recordReturn(_ report: RecallReturn, recallID: Int64, event: RecallEvent) async throws
        -> (RecallReturn, RecallEvent)
    /// A record's reported returns, by day and then by id.
    func returns(recallID: Int64) async throws -> [RecallReturn]

    /// A record's audit trail, oldest first.
    func events(recallID: Int64) async throws -> [RecallEvent]
}
