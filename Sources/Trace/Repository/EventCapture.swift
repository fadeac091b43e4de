public import Foundation
public import Ledger
import QualityCore

/// Capture of EPCIS documents and single events: read (JSON/JSON-LD or XML), validate, hash and
/// store, all or nothing. A document with any error is rejected whole and its job lists every
/// reason; a valid one is stored in one transaction, where events already stored (same event
/// hash) count as duplicates rather than errors.
///
/// A JSON document streams: it is read in batches of events, read and checked on every core,
/// and each batch goes to the store as soon as it is ready, inside the transaction that the
/// end of the document commits or undoes. Memory stays bounded however large the document is.
public struct EventCapture: Sendable {
    /// Where events and jobs go.
    public let store: any EventStore
    /// The most events one capture may hold (`GS1-EPCIS-Capture-Limit`).
    public let eventLimit: Int
    /// The tamper-evident log each newly stored event's capture is appended to, if any.
    public let ledger: Ledger?

    /// What a capture must contain.
    public enum Expected: Sendable {
        /// An `EPCISDocument` or `EPCISQueryDocument` (`/capture`, files).
        case document
        /// One bare event (`POST /events`).
        case singleEvent
    }

    /// Creates the capture service.
    public init(store: any EventStore, eventLimit: Int = 10_000, ledger: Ledger? = nil) {
        self.store = store
        self.eventLimit = eventLimit
        self.ledger = ledger
    }

    /// Reads, validates and stores a capture. Throws `invalid` (`epcis_unreadable`,
    /// `epcis_wrong_kind`) when the bytes are not an EPCIS document of the expected kind and
    /// `tooLarge` (`capture_limit`) for too many events; those captures leave no job. Anything
    /// else wrong is recorded on the returned job, with nothing stored.
    /// `format` names the syntax a client declared; `nil` tells it from the first character.
    public func capture(
        _ bytes: [UInt8], format: EPCISDocument.Format? = nil, expecting expected: Expected = .document,
        by organisationID: Int64?, at time: Date = Date()
    ) async throws -> CaptureJob {
        try await captureDocument(.bytes(bytes), format: format, expecting: expected, by: organisationID, at: time).job
    }

    /// A capture's job and, for a single event, the ID it was stored under (the event ID as
    /// sent, or the event hash URI); no ID when the capture was rejected.
    public struct Outcome: Sendable {
        /// The capture job.
        public var job: CaptureJob
        /// The stored event's ID, for a single event (documents, which may hold millions of
        /// events, give none).
        public var eventIDs: [String]
    }

    /// `capture`, also giving a single event's ID, so that a caller need not read it again.
    public func captureDocument(
        _ bytes: [UInt8], format: EPCISDocument.Format? = nil, expecting expected: Expected = .document,
        by organisationID: Int64?, at time: Date = Date()
    ) async throws -> Outcome {
        try await captureDocument(.bytes(bytes), format: format, expecting: expected, by: organisationID, at: time)
    }

    /// `capture` of a document in memory or in a file (which is read piece by piece).
    public func captureDocument(
        _ input: CaptureInput, format: EPCISDocument.Format? = nil, expecting expected: Expected = .document,
        by organisationID: Int64?, at time: Date = Date()
    ) async throws -> Outcome {
        // Stores keep instants to the microsecond; the job returned must equal the one read back.
        let micros = Int64((time.timeIntervalSince1970 * 1_000_000).rounded())
        let now = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        let job = CaptureJob(
            id: CaptureJob.newID(), organisationID: organisationID, createdAt: now, finishedAt: now, success: false,
            eventCount: 0)
        let feed = CaptureFeed()
        let reading = CaptureReading(
            input: input, format: format, expected: expected, eventLimit: eventLimit, recordTime: micros)
        let store = self.store
        let (saved, eventIDs) = try await withThrowingTaskGroup(of: (CaptureJob?, [String]).self) { group in
            group.addTask {
                defer { feed.close() }
                return (try await store.saveCapture(job, feed: feed), [])
            }
            group.addTask { (nil, await reading.run(into: feed)) }
            var saved: CaptureJob?
            var eventIDs: [String] = []
            for try await (job, ids) in group {
                if let job { saved = job } else { eventIDs = ids }
            }
            guard let saved else { preconditionFailure("the store returned no job") }
            return (saved, eventIDs)
        }
        if saved.acceptedCount > 0 {
            try await appendToLedger(captureID: saved.id, recordedBefore: nil)
        }
        return Outcome(job: saved, eventIDs: saved.success ? eventIDs : [])
    }

    /// Appends the entries of stored events that never reached the ledger (a crash or a failed
    /// append between storing a capture and logging it), oldest first, and returns how many.
    /// Only events recorded more than `grace` ago are taken, so that a capture whose append is
    /// still in flight (in this process or another) is left to its own request.
    @discardableResult
    public func appendMissingLedgerEntries(grace: TimeInterval = 300, now: Date = Date()) async throws -> Int {
        try await appendToLedger(
            captureID: nil, recordedBefore: Int64(((now - grace).timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// Appends the entries of events without a ledger position — one capture's, or all recorded
    /// before a time — in batches, recording each position.
    @discardableResult
    private func appendToLedger(captureID: String?, recordedBefore: Int64?) async throws -> Int {
        guard let ledger else { return 0 }
        var appended = 0
        while true {
            let missing = try await store.eventsMissingLedgerIndex(
                captureID: captureID, recordedBefore: recordedBefore, limit: 1_000)
            guard !missing.isEmpty else { return appended }
            let positions = try await ledger.append(contentsOf: missing.map(\.entry))
            try await store.recordLedgerIndexes(
                zip(missing, positions).map { EventLedgerPosition(sequence: $0.sequence, index: $1) })
            appended += missing.count
        }
    }

    /// Every identifier an event names, once per role.
    static func identifiers(of event: EPCISEvent) -> [EventIdentifier] {
        var result: [EventIdentifier] = []
        var seen: Set<EventIdentifier>?
        func add(_ identifiers: [EPCISIdentifier]?, _ role: EventIdentifierRole) {
            for identifier in identifiers ?? [] {
                let entry = EventIdentifier(identity: identifier.canonical, role: role)
                // Most events name a handful of identifiers, for which looking back costs less
                // than a set; a large aggregation gets one.
                if seen == nil && result.count == 16 { seen = Set(result) }
                if seen != nil {
                    if seen!.insert(entry).inserted { result.append(entry) }
                } else if !result.contains(entry) {
                    result.append(entry)
                }
            }
        }
        add(event.epcList, .epc)
        add(event.parentID.map { [$0] }, .parent)
        add(event.childEPCs, .child)
        add(event.inputEPCList, .input)
        add(event.outputEPCList, .output)
        add(event.quantityList?.compactMap(\.epcClass), .quantity)
        add(event.childQuantityList?.compactMap(\.epcClass), .childQuantity)
        add(event.inputQuantityList?.compactMap(\.epcClass), .inputQuantity)
        add(event.outputQuantityList?.compactMap(\.epcClass), .outputQuantity)
        return result
    }
}
