import Foundation
import QualityCore

/// The reading side of one capture: reads the document, checks and hashes its events on every
/// core, and feeds their records to the store in document order; at the end it tells the store
/// whether to commit, to undo the events and keep the job with its errors, or to store nothing
/// (malformed input, the wrong kind, too many events).
///
/// Errors keep the order a whole-document read gives them: malformed input first (the first
/// malformation in the document), then the wrong kind, then too many events, then every
/// problem of the header and the events.
struct CaptureReading: Sendable {
    let input: CaptureInput
    let format: EPCISDocument.Format?
    let expected: EventCapture.Expected
    let eventLimit: Int
    /// When the capture is recorded, in microseconds since 1970.
    let recordTime: Int64

    /// Events per batch read on one core.
    static let batchSize = 256
    /// Batches being read at once.
    static let width = max(2, ProcessInfo.processInfo.activeProcessorCount + 1)

    /// Reads the capture into the feed, ending it with the capture's outcome, and returns the
    /// stored ID of a single event.
    func run(into feed: CaptureFeed) async -> [String] {
        do {
            let (outcome, eventIDs) = try await read(into: feed)
            try await feed.send(outcome)
            return eventIDs
        } catch is CaptureFeed.Closed {
            return []
        } catch let error as EPCISDecodingError {
            try? await feed.send(.abandon(QualityError.invalid("epcis_unreadable", error.message)))
            return []
        } catch {
            try? await feed.send(.abandon(error))
            return []
        }
    }

    /// The outcome (`accept`, `reject` or `abandon`) after sending every record.
    private func read(into feed: CaptureFeed) async throws -> (CaptureFeed.Item, [String]) {
        let syntax: EPCISDocument.Format
        if let format {
            syntax = format
        } else {
            let start = try await Self.offThread(input) { try $0.prefix(1 << 16) }
            let first = start.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            syntax = first == UInt8(ascii: "<") ? .xml : .json
        }
        switch syntax {
        case .json: return try await readJSON(into: feed)
        case .xml: return try await readXML(into: feed)
        }
    }

    // MARK: JSON, streamed

    /// What has been found so far in one pass over a JSON document.
    private struct Totals {
        var events = 0
        var readingProblems: [EPCISProblem] = []
        var checkingProblems: [EPCISProblem] = []
        var hasErrors = false
        var sentAny = false
    }

    private func readJSON(into feed: CaptureFeed) async throws -> (CaptureFeed.Item, [String]) {
        var known: JSONDocumentHeader?
        while true {
            let stepper = StreamStepper(JSONDocumentStream(input: input, known: known, batchSize: Self.batchSize))
            var totals = Totals()
            var end: JSONDocumentHeader?
            var notAnObject = false
            let input = self.input
            let limit = eventLimit
            let recordTime = self.recordTime
            try await Self.inOrder(
                width: Self.width,
                next: { () async throws -> (JSONDocumentStream.Batch, JSONDocumentHeader, Bool)? in
                    switch try await stepper.next() {
                    case .events(let batch):
                        guard let header = stepper.assumed else { preconditionFailure("events before their list") }
                        // Past the limit, or once rejected, events are only checked, not made into records.
                        return (batch, header, !totals.hasErrors && totals.events <= limit)
                    case .end(let header):
                        end = header
                        return nil
                    case .notAnObject:
                        notAnObject = true
                        return nil
                    }
                },
                work: { batch, header, records in
                    var reader = CaptureBatchReader(header: header, format: .json, recordTime: recordTime)
                    return Result { () throws(EPCISDecodingError) in
                        try reader.read(batch, input: input, records: records)
                    }
                },
                consume: { (result: Result<CaptureBatch, EPCISDecodingError>) in
                    let batch = try result.get()
                    totals.events += batch.eventCount
                    totals.readingProblems += batch.readingProblems
                    totals.checkingProblems += batch.checkingProblems
                    totals.hasErrors = totals.hasErrors || batch.hasErrors
                    if !totals.hasErrors && totals.events <= limit && !batch.records.isEmpty {
                        try await feed.send(.events(batch.records))
                        totals.sentAny = true
                    }
                })
            if notAnObject {
                _ = try await Self.offThread(input) { try EPCISJSONDecoder.notAnObject($0) }
            }
            guard let header = end else { preconditionFailure("a document without an end") }
            if header.kind == .bareEvent {
                if totals.sentAny { try await feed.send(.rewind) }
                return try await bareEvent(header, into: feed)
            }
            if let assumed = stepper.assumed, !assumed.readsEvents(as: header) {
                // A @context, type or ignoreFields after the events: read them again under it.
                if totals.sentAny { try await feed.send(.rewind) }
                known = header
                continue
            }
            if expected == .singleEvent {
                throw QualityError.invalid(
                    "epcis_wrong_kind", "this endpoint takes one event; send documents to /capture")
            }
            try checkLimit(totals.events)
            let errors = EPCISValidator.errors(header.problems + totals.readingProblems + totals.checkingProblems)
            if errors.isEmpty { return (.accept(eventCount: totals.events), []) }
            return (.reject(eventCount: totals.events, errors: errors), [])
        }
    }

    /// A single event outside any document, read whole.
    private func bareEvent(_ header: JSONDocumentHeader, into feed: CaptureFeed) async throws
        -> (CaptureFeed.Item, [String])
    {
        guard expected == .singleEvent else {
            throw QualityError.invalid(
                "epcis_wrong_kind",
                "a capture takes an EPCISDocument or EPCISQueryDocument; send single events to /events")
        }
        let document = try await Self.offThread(input) { input throws(EPCISDecodingError) in
            try EPCISJSONDecoder.bareEvent(input, header)
        }
        return try await send(document, into: feed)
    }

    // MARK: XML, read whole

    private func readXML(into feed: CaptureFeed) async throws -> (CaptureFeed.Item, [String]) {
        let document = try await Self.offThread(input) { input throws(EPCISDecodingError) in
            try EPCISXMLDecoder().decode(try input.allBytes())
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
        return try await send(document, into: feed)
    }

    /// Checks a document read whole and sends its records, in batches read on every core.
    private func send(_ document: EPCISDocument, into feed: CaptureFeed) async throws -> (CaptureFeed.Item, [String]) {
        try checkLimit(document.events.count)
        let errors = EPCISValidator.errors(EPCISValidator().validate(document))
        guard errors.isEmpty else { return (.reject(eventCount: document.events.count, errors: errors), []) }
        let header = JSONDocumentHeader(
            kind: document.kind, namespaces: .epcisContext, ignoredFields: document.ignoredFields,
            eventListPath: document.eventListPath, problems: [])
        let recordTime = self.recordTime
        let format = document.format
        var slices = stride(from: 0, to: document.events.count, by: Self.batchSize).map {
            Array(document.events[$0..<min($0 + Self.batchSize, document.events.count)])
        }.makeIterator()
        var eventIDs: [String] = []
        try await Self.inOrder(
            width: Self.width, next: { slices.next() },
            work: { events in
                var reader = CaptureBatchReader(header: header, format: format, recordTime: recordTime)
                return events.map { reader.record(of: $0) }
            },
            consume: { records in
                if expected == .singleEvent { eventIDs += records.map(\.eventID) }
                try await feed.send(.events(records))
            })
        return (.accept(eventCount: document.events.count), eventIDs)
    }

    private func checkLimit(_ count: Int) throws {
        guard count <= eventLimit else {
            throw QualityError(
                .tooLarge, code: "capture_limit",
                message: "the capture holds \(count) events; the limit is \(eventLimit) per capture")
        }
    }

    // MARK: Running

    /// Runs `work` on each input `next` gives, up to `width` at a time on the cooperative pool,
    /// and hands the outputs to `consume` in input order. An error from `next` is thrown after
    /// the outputs of the inputs before it are consumed, so errors come in input order.
    static func inOrder<Input: Sendable, Output: Sendable>(
        width: Int, next: () async throws -> Input?, work: @escaping @Sendable (Input) -> Output,
        consume: (Output) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var submitted = 0
            var consumed = 0
            var done: [Int: Output] = [:]
            func flush() async throws {
                while let output = done.removeValue(forKey: consumed) {
                    consumed += 1
                    try await consume(output)
                }
            }
            var failure: (any Error)?
            while true {
                let input: Input?
                do {
                    input = try await next()
                } catch {
                    failure = error
                    break
                }
                guard let input else { break }
                let index = submitted
                group.addTask { (index, work(input)) }
                submitted += 1
                while submitted - consumed >= width, let (index, output) = try await group.next() {
                    done[index] = output
                    try await flush()
                }
            }
            while let (index, output) = try await group.next() {
                done[index] = output
                try await flush()
            }
            if let failure { throw failure }
        }
    }

    /// Runs blocking reading work off the cooperative pool when it reads a file.
    static func offThread<T: Sendable, Failure: Error>(
        _ input: CaptureInput, _ work: @escaping @Sendable (CaptureInput) throws(Failure) -> T
    ) async throws -> T {
        guard case .file = input else { return try work(input) }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work(input) })
            }
        }
    }
}

/// A JSON document stream stepped from async code: a file is read on a Dispatch thread, never
/// on one of Swift concurrency's.
final class StreamStepper: @unchecked Sendable {
    private var stream: JSONDocumentStream
    private let readsFile: Bool
    private let queue = DispatchQueue(label: "qualityloop.capture.read")

    init(_ stream: JSONDocumentStream) {
        self.stream = stream
        if case .file = stream.input { readsFile = true } else { readsFile = false }
    }

    /// The header as seen when the event list started.
    var assumed: JSONDocumentHeader? { stream.assumed }

    /// The stream's next step.
    func next() async throws -> JSONDocumentStream.Step {
        guard readsFile else { return try stream.next() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { () throws(EPCISDecodingError) in try self.stream.next() })
            }
        }
    }
}
