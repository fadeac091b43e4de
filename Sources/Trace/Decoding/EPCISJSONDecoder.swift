/// Reads EPCIS 2.0 JSON / JSON-LD: an `EPCISDocument`, an `EPCISQueryDocument`, or a single
/// event. Syntax errors throw; everything else that is wrong is collected as problems on the
/// document, with paths, so that one pass reports every reason.
public struct EPCISJSONDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a document from UTF-8 bytes.
    public func decode(_ data: some Collection<UInt8>) throws(EPCISDecodingError) -> EPCISDocument {
        try decode(.bytes(Array(data)))
    }

    /// Decodes a document, all its events in memory.
    func decode(_ input: CaptureInput) throws(EPCISDecodingError) -> EPCISDocument {
        var known: JSONDocumentHeader?
        while true {
            var stream = JSONDocumentStream(input: input, known: known)
            var events: [EPCISEvent] = []
            var problems: [EPCISProblem] = []
            var reader: JSONEventReader?
            while true {
                switch try stream.next() {
                case .notAnObject:
                    return try Self.notAnObject(input)
                case .events(let batch):
                    guard let assumed = stream.assumed else { preconditionFailure("events before their list") }
                    var current = reader ?? JSONEventReader(namespaces: assumed.namespaces)
                    for item in try current.read(batch, listPath: assumed.eventListPath, input: input) {
                        problems += item.problems
                        if let event = item.event { events.append(event) }
                    }
                    reader = current
                    continue
                case .end(let header):
                    if header.kind == .bareEvent { return try Self.bareEvent(input, header) }
                    if let assumed = stream.assumed, !assumed.readsEvents(as: header) {
                        known = header
                        break
                    }
                    return EPCISDocument(
                        kind: header.kind, format: .json, schemaVersion: header.schemaVersion,
                        creationDate: header.creationDate, events: events, eventListPath: header.eventListPath,
                        ignoredFields: header.ignoredFields, problems: header.problems + problems)
                }
                break
            }
        }
    }

    /// A document whose top level is not an object: a syntax error, or not a document at all.
    static func notAnObject(_ input: CaptureInput) throws(EPCISDecodingError) -> EPCISDocument {
        let root: JSONValue
        do {
            root = try JSONParser.parse(try input.allBytes())
        } catch {
            throw EPCISDecodingError(format: .json, message: "not valid JSON: \(error)")
        }
        throw EPCISDecodingError(format: .json, message: "the top level must be a JSON object, not \(root.typeName)")
    }

    /// A single event outside any document, read whole.
    static func bareEvent(_ input: CaptureInput, _ header: JSONDocumentHeader) throws(EPCISDecodingError)
        -> EPCISDocument
    {
        let bytes = try input.allBytes()
        var reader = JSONEventReader(namespaces: header.namespaces, problems: header.problems)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONScanner.Failure) -> (EPCISEvent, JSONValue) in
                var scanner = JSONScanner(buffer, position: JSONParser.byteOrderMarkLength(buffer))
                scanner.skipWhitespace()
                let start = scanner.position
                let event = try reader.readEvent(&scanner, in: nil)
                scanner.position = start
                return (event, try scanner.value())
            }
        }
        let event: EPCISEvent
        let root: JSONValue
        do {
            (event, root) = try result.get()
        } catch {
            throw JSONDocumentStream.decodingError(error, in: input)
        }
        var problems = reader.problems
        if root.members?.first(where: { $0.key == "type" })?.value.stringValue == nil {
            problems.append(.required("type", "type is required"))
        }
        return EPCISDocument(kind: .bareEvent, format: .json, events: [event], eventListPath: "", problems: problems)
    }
}

/// One item of an event list as read: the event (none for an item that is not an object) and
/// the problems found reading it.
struct ReadItem {
    /// The event.
    var event: EPCISEvent?
    /// Problems found while reading it.
    var problems: [EPCISProblem]
}

extension JSONEventReader {
    /// Reads the items of a batch, as items of the list at `listPath`.
    mutating func read(_ batch: JSONDocumentStream.Batch, listPath: String, input: CaptureInput)
        throws(EPCISDecodingError) -> [ReadItem]
    {
        let result = batch.storage.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONScanner.Failure) -> [ReadItem] in
                var items: [ReadItem] = []
                items.reserveCapacity(batch.items.count)
                for (offset, item) in batch.items.enumerated() {
                    let index = batch.firstIndex + offset
                    var scanner = JSONScanner(buffer, position: item.start, base: batch.base)
                    problems = []
                    if let typeName = item.notAnObject {
                        try scanner.skipValue(depth: batch.depth)
                        items.append(
                            ReadItem(
                                event: nil,
                                problems: [.type("\(listPath)[\(index)]", "an event must be an object, not \(typeName)")]
                            ))
                        continue
                    }
                    let event = try readEvent(&scanner, in: (listPath, index), depth: batch.depth)
                    items.append(ReadItem(event: event, problems: problems))
                }
                problems = []
                return items
            }
        }
        do {
            return try result.get()
        } catch {
            throw JSONDocumentStream.decodingError(error, in: input)
        }
    }
}
