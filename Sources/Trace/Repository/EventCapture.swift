public import Foundation
public import Ledger
import QualityCore

/// Capture of EPCIS documents and single events: read (JSON/JSON-LD or XML), validate, hash and
/// store, all or nothing. A document with any error is rejected whole and its job lists every
/// reason; a valid one is stored in one transaction, where events already stored (same event
/// hash) count as duplicates rather than errors.
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
        try await captureDocument(bytes, format: format, expecting: expected, by: organisationID, at: time).job
    }

    /// A capture's job and the IDs of its events as stored (the event ID as sent, or the event
    /// hash URI), in document order; no IDs when the capture was rejected.
    public struct Outcome: Sendable {
        /// The capture job.
        public var job: CaptureJob
        /// The events' IDs.
        public var eventIDs: [String]
    }

    /// `capture`, also giving the captured events' IDs, so that a caller need not read the
    /// document again to name them.
    public func captureDocument(
        _ bytes: [UInt8], format: EPCISDocument.Format? = nil, expecting expected: Expected = .document,
        by organisationID: Int64?, at time: Date = Date()
    ) async throws -> Outcome {
        // Stores keep instants to the microsecond; the job returned must equal the one read back.
        let now = Date(
            timeIntervalSince1970: Double(Int64((time.timeIntervalSince1970 * 1_000_000).rounded())) / 1_000_000)
        let document: EPCISDocument
        do {
            switch format {
            case .json: document = try EPCISJSONDecoder().decode(bytes)
            case .xml: document = try EPCISXMLDecoder().decode(bytes)
            case nil: document = try EPCISDocumentDecoder().decode(bytes)
            }
        } catch {
            throw QualityError.invalid("epcis_unreadable", error.message)
        }
        switch (expected, document.kind) {
        case (.document, .bareEvent):
            throw QualityError.invalid(
                "epcis_wrong_kind",
                "a capture takes an EPCISDocument or EPCISQueryDocument; send single events to /events")
        case (.singleEvent, .document), (.singleEvent, .queryDocument):
            throw QualityError.invalid("epcis_wrong_kind", "this endpoint takes one event; send documents to /capture")
        default:
            break
        }
        guard document.events.count <= eventLimit else {
            throw QualityError(
                .tooLarge, code: "capture_limit",
                message: "the capture holds \(document.events.count) events; the limit is \(eventLimit) per capture")
        }
        var job = CaptureJob(
            id: CaptureJob.newID(), organisationID: organisationID, createdAt: now, finishedAt: now, success: false,
            eventCount: document.events.count)
        let problems = EPCISValidator.errors(EPCISValidator().validate(document))
        guard problems.isEmpty else {
            job.errors = problems
            return Outcome(job: try await store.saveCapture(job, events: []), eventIDs: [])
        }
        job.success = true
        let records = Self.records(of: document, recordedAt: now)
        let saved = try await store.saveCapture(job, events: records)
        if saved.acceptedCount > 0 {
            try await appendToLedger(captureID: saved.id, recordedBefore: nil)
        }
        return Outcome(job: saved, eventIDs: records.map(\.eventID))
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

    /// The records to store for a valid document's events.
    static func records(of document: EPCISDocument, recordedAt now: Date) -> [CapturedEvent] {
        let recordTime = Int64((now.timeIntervalSince1970 * 1_000_000).rounded())
        let recordText = EPCISTimestamp.format(millisecondsSince1970: EPCISTimestamp.floorDivide(recordTime, 1000))
        return zip(document.events, document.eventHashes).map { event, hash in
            let eventID = event.eventID ?? hash.uri
            return CapturedEvent(
                hash: hash, declaresError: event.errorDeclaration != nil, eventID: eventID, type: event.type.rawValue,
                action: event.action?.rawValue, eventTime: event.eventTime?.microsecondsSince1970 ?? recordTime,
                recordTime: recordTime, bizStep: event.bizStep, disposition: event.disposition,
                readPoint: event.readPoint?.id?.canonical, bizLocation: event.bizLocation?.id?.canonical,
                identifiers: identifiers(of: event),
                transactions: Array(
                    Set(
                        (event.bizTransactionList ?? []).map {
                            EventTransaction(type: $0.type ?? "", identity: EPCISIdentifier($0.id).canonical)
                        })),
                json: event.canonicalJSON(eventID: eventID, recordTime: recordText))
        }
    }

    /// Every identifier an event names, once per role.
    static func identifiers(of event: EPCISEvent) -> [EventIdentifier] {
        var result: [EventIdentifier] = []
        var seen = Set<EventIdentifier>()
        func add(_ identifiers: [EPCISIdentifier]?, _ role: EventIdentifierRole) {
            for identifier in identifiers ?? [] {
                let entry = EventIdentifier(identity: identifier.canonical, role: role)
                if seen.insert(entry).inserted { result.append(entry) }
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
