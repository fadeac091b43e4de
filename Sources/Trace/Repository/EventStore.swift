/// Where captured EPCIS events and capture jobs are kept. Implemented by the SQLite and
/// PostgreSQL stores; the core never sees SQL.
public protocol EventStore: Sendable {
    /// Stores a capture as its events arrive, in one transaction: the job, then each batch the
    /// feed hands over, until it says how the capture ended. Accepted, the job and every new
    /// event are committed; rejected, the events are undone and the job is kept with its errors;
    /// abandoned (or on any failure), nothing is stored and the error is thrown. An event whose
    /// key (event hash and whether it declares an error) is stored already is a duplicate and
    /// is left as it was. Returns the job with its event, accepted and duplicate counts.
    ///
    /// The job passed in has the capture's id, organisation and times; its counts and outcome
    /// come from the feed.
    func saveCapture(_ job: CaptureJob, feed: CaptureFeed) async throws -> CaptureJob

    /// The capture job with an id, if any.
    func captureJob(id: String) async throws -> CaptureJob?

    /// The latest capture jobs of an organisation (of everyone for `nil`), newest first.
    func captureJobs(of organisationID: Int64?, limit: Int) async throws -> [CaptureJob]

    /// One page of the events a query selects, in capture order.
    func events(matching query: EventQuery) async throws -> EventPage

    /// The stored events with an event ID (or whose event hash is that ID), in capture order.
    func events(withID eventID: String, visibleTo organisationID: Int64?) async throws -> [StoredEvent]

    /// Every event naming any of the identities (canonical), in any role, with all the
    /// identifiers each names, in capture order; for the trace graph.
    func traceEvents(naming identities: [String], visibleTo organisationID: Int64?) async throws -> [TraceEvent]

    /// Stored events whose capture has no ledger position yet, in capture order, at most
    /// `limit`: of one capture job (any when `captureID` is `nil`) recorded before a time
    /// (microseconds since 1970; any time when `nil`).
    func eventsMissingLedgerIndex(captureID: String?, recordedBefore: Int64?, limit: Int) async throws -> [UnloggedEvent]

    /// Records where events' entries landed in the ledger, in one transaction.
    func recordLedgerIndexes(_ positions: [EventLedgerPosition]) async throws
}

extension EventStore {
    /// Stores a capture whose events are all at hand: accepted with these events when `job`
    /// has no errors, else rejected with them.
    public func saveCapture(_ job: CaptureJob, events: [CapturedEvent]) async throws -> CaptureJob {
        let feed = CaptureFeed(events: events, eventCount: job.eventCount, accepted: job.success, errors: job.errors)
        return try await saveCapture(job, feed: feed)
    }
}
