/// Where captured EPCIS events and capture jobs are kept. Implemented by the SQLite and
/// PostgreSQL stores; the core never sees SQL.
public protocol EventStore: Sendable {
    /// Records a capture job and, when it succeeded, its events, in one transaction: either the
    /// job and every new event are stored or nothing is. An event whose key (event hash and
    /// whether it declares an error) is stored already is a duplicate and is left as it was.
    /// Returns the job with its accepted and duplicate counts.
    func saveCapture(_ job: CaptureJob, events: [CapturedEvent]) async throws -> CaptureJob

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
