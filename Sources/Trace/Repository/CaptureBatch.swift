/// What reading one batch of a capture's events found: the records to store and the problems,
/// each in document order.
struct CaptureBatch: Sendable {
    /// The events' records; none once an error has been found, since the capture is then rejected.
    var records: [CapturedEvent] = []
    /// Problems found reading the events (wrong JSON types, unknown fields, non-object items).
    var readingProblems: [EPCISProblem] = []
    /// Problems found checking the events.
    var checkingProblems: [EPCISProblem] = []
    /// Events in the batch (items that are objects).
    var eventCount = 0
    /// Whether any problem is an error.
    var hasErrors = false
}

/// Reads, checks and hashes events batch after batch and makes their records: one per task
/// reading a capture, reused so that its buffers are allocated once.
struct CaptureBatchReader {
    /// The header the events are read under.
    let header: JSONDocumentHeader
    /// The syntax of the document.
    let format: EPCISDocument.Format
    /// When the capture is recorded, in microseconds since 1970, and as the text records carry.
    let recordTime: Int64
    let recordText: String
    private let ignoring: Set<EPCISName>
    private var reader: JSONEventReader
    private var hasher = PreHashWriter()

    /// A reader for events of a document with this header, recorded at `recordTime`.
    init(header: JSONDocumentHeader, format: EPCISDocument.Format, recordTime: Int64) {
        self.header = header
        self.format = format
        self.recordTime = recordTime
        recordText = EPCISTimestamp.format(millisecondsSince1970: EPCISTimestamp.floorDivide(recordTime, 1000))
        ignoring = Set(header.ignoredFields)
        reader = JSONEventReader(namespaces: header.namespaces)
    }

    /// Reads a batch of JSON list items; with `records` false, only the problems are found.
    mutating func read(_ batch: JSONDocumentStream.Batch, input: CaptureInput, records: Bool)
        throws(EPCISDecodingError) -> CaptureBatch
    {
        let items = try reader.read(batch, listPath: header.eventListPath, input: input)
        return process(items, firstIndex: batch.firstIndex, records: records)
    }

    /// Checks events already read (with the problems found reading each) and makes their records.
    mutating func process(_ items: [ReadItem], firstIndex: Int, records: Bool) -> CaptureBatch {
        var batch = CaptureBatch()
        batch.records.reserveCapacity(records ? items.count : 0)
        for (offset, item) in items.enumerated() {
            batch.readingProblems += item.problems
            if item.problems.contains(where: { $0.severity == .error }) { batch.hasErrors = true }
            guard let event = item.event else { continue }
            batch.eventCount += 1
            let path = header.kind == .bareEvent ? "" : "\(header.eventListPath)[\(firstIndex + offset)]"
            var checker = EventChecker(event: event, path: path, format: format, strict: false)
            checker.check()
            if !checker.problems.isEmpty {
                // A type problem found reading the event is not reported again by the checks.
                let read = Set(item.problems.map(\.path))
                for problem in checker.problems where !(problem.code == "type" && read.contains(problem.path)) {
                    batch.checkingProblems.append(problem)
                    if problem.severity == .error { batch.hasErrors = true }
                }
            }
            if records && !batch.hasErrors {
                batch.records.append(record(of: event))
            }
        }
        if batch.hasErrors { batch.records = [] }
        return batch
    }

    /// The record to store for a valid event.
    mutating func record(of event: EPCISEvent) -> CapturedEvent {
        let hash = hasher.hash(of: event, ignoring: ignoring)
        let eventID = event.eventID ?? hash.uri
        let list = event.bizTransactionList ?? []
        var transactions: [EventTransaction] = []
        var seen = Set<EventTransaction>()
        for transaction in list {
            let entry = EventTransaction(type: transaction.type ?? "", identity: EPCISIdentifier(transaction.id).canonical)
            if list.count == 1 || seen.insert(entry).inserted { transactions.append(entry) }
        }
        return CapturedEvent(
            hash: hash, declaresError: event.errorDeclaration != nil, eventID: eventID, type: event.type.rawValue,
            action: event.action?.rawValue, eventTime: event.eventTime?.microsecondsSince1970 ?? recordTime,
            recordTime: recordTime, bizStep: event.bizStep, disposition: event.disposition,
            readPoint: event.readPoint?.id?.canonical, bizLocation: event.bizLocation?.id?.canonical,
            identifiers: EventCapture.identifiers(of: event), transactions: transactions,
            json: String(decoding: EventJSONWriter.text(of: event, eventID: eventID, recordTime: recordText), as: UTF8.self))
    }
}
