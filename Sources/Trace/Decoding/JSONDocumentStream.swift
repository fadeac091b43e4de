/// Reads a JSON EPCIS document from start to end once, handing out its events in batches of
/// raw bytes and keeping everything else (the header and body members, small) as trees.
///
/// The event list is never held whole: events are cut out of the window onto the document as
/// their ends are found, so memory stays bounded by the batch size however long the document
/// is. Events are read (by `JSONEventReader`) under the header as far as it has been seen when
/// the list starts (`assumed`); the end of the document gives the whole header, and a document
/// whose `@context`, `type` or `ignoreFields` comes after its events must be read again with
/// that header known.
///
/// Only the structure around the events is checked here; each event's bytes are checked when
/// it is read. Errors reach the caller in document order: a batch is handed out before the
/// reader looks further, and an error between events is reported only after the events before
/// it in the same batch are checked.
struct JSONDocumentStream {
    /// A batch of event-list items, in document order.
    struct Batch: Sendable {
        /// Bytes holding the items: the whole document when it is in memory (so that a
        /// malformed event fails exactly as a parse of the whole document would), else a copy.
        let storage: [UInt8]
        /// Offset in the document of `storage[0]`.
        let base: Int
        /// Each item: its offset in `storage` and, for an item that is not an object, its JSON
        /// type name.
        let items: [(start: Int, notAnObject: String?)]
        /// Position of the first item in the event list.
        let firstIndex: Int
        /// Nesting depth of the items in the document.
        let depth: Int
    }

    /// What `next()` found.
    enum Step {
        /// Some events.
        case events(Batch)
        /// The end of the document, with its header.
        case end(JSONDocumentHeader)
        /// The top level is not an object: the document is to be parsed whole (and rejected).
        case notAnObject
    }

    /// An object being read, with the members kept so far; a member whose object is being
    /// read stands as `null` until it closes.
    private struct Frame {
        /// Which object it is.
        enum Role { case root, body, queryResults, resultsBody }
        let role: Role
        /// Nesting depth of the object.
        let depth: Int
        var members: [JSONMember] = []
    }

    /// Where the reader is.
    private enum State {
        case start
        /// Before a member name of the innermost object.
        case member
        /// After a member value of the innermost object.
        case afterValue
        /// Inside the event list: its depth and the next item's index.
        case list(depth: Int, next: Int)
        /// After the root object's `}`.
        case rootClosed
        case done
    }

    /// Items per batch.
    let batchSize: Int
    /// The header as seen when the event list started, which its events are read under.
    private(set) var assumed: JSONDocumentHeader?
    private let known: JSONDocumentHeader?
    /// The document.
    let input: CaptureInput
    private var window: ByteWindow
    /// The next byte to read, as an offset in the document.
    private var offset = 0
    /// Bytes from here on are kept in the window (the batch being gathered).
    private var keep: Int?
    private var frames: [Frame] = []
    private var state = State.start
    /// Whether the event list has been met (a second one is kept as a tree).
    private var streamed = false

    /// A stream over a document; `known` is its header when it has been read once already.
    init(input: CaptureInput, known: JSONDocumentHeader? = nil, batchSize: Int = 256) {
        self.input = input
        self.known = known
        self.batchSize = batchSize
        window = ByteWindow(input: input)
    }

    /// The next batch of events, or the end of the document; throws on malformed JSON.
    mutating func next() throws(EPCISDecodingError) -> Step {
        do throws(JSONScanner.Failure) {
            return try step()
        } catch {
            throw Self.decodingError(error, in: input)
        }
    }

    /// The decoding error for a syntax failure, placed by line and column.
    static func decodingError(_ failure: JSONScanner.Failure, in input: CaptureInput) -> EPCISDecodingError {
        EPCISDecodingError(format: .json, message: "not valid JSON: \(input.placed(failure))")
    }

    private mutating func step() throws(JSONScanner.Failure) -> Step {
        while true {
            switch state {
            case .start:
                try need(3)
                if window.count >= 3, window.buffer[0] == 0xEF, window.buffer[1] == 0xBB, window.buffer[2] == 0xBF {
                    offset = 3
                }
                try skipBlanks()
                guard try peek() == UInt8(ascii: "{") else { return .notAnObject }
                try open(.root, depth: 0)
            case .member:
                try member()
            case .afterValue:
                if let header = try afterValue() { return .end(header) }
            case .list(let depth, let next):
                if let batch = try items(depth: depth, first: next) { return .events(batch) }
            case .rootClosed:
                return .end(try end())
            case .done:
                preconditionFailure("read past the end of the document")
            }
        }
    }

    // MARK: Objects

    /// Opens an object at the cursor's `{`.
    private mutating func open(_ role: Frame.Role, depth: Int) throws(JSONScanner.Failure) {
        offset += 1
        frames.append(Frame(role: role, depth: depth))
        try skipBlanks()
        if try peek() == UInt8(ascii: "}") {
            offset += 1
            state = frames.count > 1 ? .afterValue : .rootClosed
            try close()
        } else {
            state = .member
        }
    }

    /// Closes the innermost object (its `}` read): it becomes its member's value in its parent.
    private mutating func close() throws(JSONScanner.Failure) {
        guard frames.count > 1, let frame = frames.popLast() else { return }
        frames[frames.count - 1].members[frames[frames.count - 1].members.count - 1].value = .object(frame.members)
    }

    /// Reads one member of the innermost object: into an object the reader descends into, the
    /// event list, or a tree.
    private mutating func member() throws(JSONScanner.Failure) {
        try skipBlanks()
        guard try peek() == UInt8(ascii: "\"") else {
            throw JSONScanner.Failure(message: "expected a member name in double quotes", offset: offset)
        }
        let name = try scan { scanner throws(JSONScanner.Failure) in try scanner.string() }
        try skipBlanks()
        guard try peek() == UInt8(ascii: ":") else {
            throw JSONScanner.Failure(message: "expected ':' after a member name", offset: offset)
        }
        offset += 1
        try skipBlanks()
        let frame = frames[frames.count - 1]
        let next = try peek()
        if next == UInt8(ascii: "{"), let role = descent(into: name, of: frame) {
            frames[frames.count - 1].members.append(JSONMember(key: name, value: .null))
            try open(role, depth: frame.depth + 1)
            return
        }
        if next == UInt8(ascii: "["), isEventList(name, in: frame) {
            streamed = true
            frames[frames.count - 1].members.append(JSONMember(key: name, value: .array([])))
            assumed = known ?? headerSoFar(listInBody: frame.role == .body)
            offset += 1
            state = .list(depth: frame.depth + 2, next: 0)
            return
        }
        let value = try scan { scanner throws(JSONScanner.Failure) in try scanner.value(depth: frame.depth + 1) }
        frames[frames.count - 1].members.append(JSONMember(key: name, value: value))
        state = .afterValue
    }

    /// After a member value: the next member, or the end of the object (the header, at the root).
    private mutating func afterValue() throws(JSONScanner.Failure) -> JSONDocumentHeader? {
        try skipBlanks()
        switch try peek() {
        case UInt8(ascii: ","):
            offset += 1
            state = .member
            return nil
        case UInt8(ascii: "}"):
            offset += 1
            if frames.count > 1 {
                try close()
                return nil
            }
            return try end()
        default:
            let atEnd = window.isAtEnd && offset >= window.end
            throw JSONScanner.Failure(
                message: atEnd ? "unexpected end of input inside an object" : "expected ',' or '}' in an object",
                offset: offset)
        }
    }

    /// After the root object: nothing but blanks may follow.
    private mutating func end() throws(JSONScanner.Failure) -> JSONDocumentHeader {
        try skipBlanks()
        if offset < window.end {
            throw JSONScanner.Failure(message: "unexpected text after the JSON value", offset: offset)
        }
        state = .done
        return JSONDocumentReader.header(frames[0].members)
    }

    /// The object a member leads into, when it is one the reader descends into.
    private func descent(into name: String, of frame: Frame) -> Frame.Role? {
        guard !streamed, !frame.members.contains(where: { $0.key == name }) else { return nil }
        switch (frame.role, name) {
        case (.root, "epcisBody"): return .body
        case (.body, "queryResults"): return kind != .document ? .queryResults : nil
        case (.queryResults, "resultsBody"): return .resultsBody
        default: return nil
        }
    }

    /// Whether a member is the event list to stream: the first `eventList` in the place the
    /// document's kind (as far as known) reads it from.
    private func isEventList(_ name: String, in frame: Frame) -> Bool {
        guard name == "eventList", !streamed, !frame.members.contains(where: { $0.key == name }) else { return false }
        switch frame.role {
        case .body: return kind != .queryDocument
        case .resultsBody: return kind != .document
        default: return false
        }
    }

    /// The document's kind as far as known: from the header read before, or a `type` seen so far.
    private var kind: EPCISDocument.Kind? {
        if let known { return known.kind }
        guard let type = frames.first?.members.first(where: { $0.key == "type" }) else { return nil }
        switch type.value.stringValue {
        case "EPCISDocument": return .document
        case "EPCISQueryDocument": return .queryDocument
        default: return .bareEvent
        }
    }

    /// The header from what has been read so far, for the events: with no `type` seen yet, the
    /// kind is the one the list's place implies.
    private func headerSoFar(listInBody: Bool) -> JSONDocumentHeader {
        var value: JSONValue?
        for frame in frames.reversed() {
            var members = frame.members
            if let inner = value { members[members.count - 1].value = inner }
            value = .object(members)
        }
        var members = value?.members ?? []
        if !members.contains(where: { $0.key == "type" }) {
            members.append(JSONMember(key: "type", value: .string(listInBody ? "EPCISDocument" : "EPCISQueryDocument")))
        }
        return JSONDocumentReader.header(members)
    }

    // MARK: The event list

    /// Gathers up to a batch of list items; `nil` when the list ended with none left.
    private mutating func items(depth: Int, first: Int) throws(JSONScanner.Failure) -> Batch? {
        var items: [(start: Int, end: Int, notAnObject: String?)] = []
        var index = first
        keep = offset
        defer { keep = nil }
        if index == 0 {
            try skipBlanks()
            if try peek() == UInt8(ascii: "]") {
                offset += 1
                state = .afterValue
                return nil
            }
        }
        while items.count < batchSize {
            try skipBlanks()
            let start = offset
            let kind: String?
            switch try peek() {
            case UInt8(ascii: "{"): kind = nil
            case UInt8(ascii: "["): kind = "array"
            case UInt8(ascii: "\""): kind = "string"
            case UInt8(ascii: "t"), UInt8(ascii: "f"): kind = "boolean"
            case UInt8(ascii: "n"): kind = "null"
            default: kind = "number"
            }
            let end = try valueEnd()
            items.append((start, end, kind))
            offset = end
            index += 1
            try skipBlanks()
            let separator = try peek()
            if separator == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            if separator == UInt8(ascii: "]") {
                offset += 1
                state = .afterValue
                return batch(items, first: first, depth: depth)
            }
            // The items before may be malformed: theirs are the errors a parse meets first.
            try check(items, depth: depth)
            let atEnd = window.isAtEnd && offset >= window.end
            throw JSONScanner.Failure(
                message: atEnd ? "unexpected end of input inside an array" : "expected ',' or ']' in an array",
                offset: offset)
        }
        state = .list(depth: depth, next: index)
        return batch(items, first: first, depth: depth)
    }

    /// The batch of gathered items, copied out of the window when the document is a file.
    private func batch(_ items: [(start: Int, end: Int, notAnObject: String?)], first: Int, depth: Int) -> Batch {
        if case .bytes(let all) = input {
            return Batch(
                storage: all, base: 0, items: items.map { ($0.start, $0.notAnObject) }, firstIndex: first, depth: depth)
        }
        let low = items[0].start
        let high = items[items.count - 1].end
        let storage = Array(window.buffer[(low - window.start)..<(high - window.start)])
        return Batch(
            storage: storage, base: low, items: items.map { ($0.start - low, $0.notAnObject) }, firstIndex: first,
            depth: depth)
    }

    /// Checks the syntax of gathered items, in order.
    private func check(_ items: [(start: Int, end: Int, notAnObject: String?)], depth: Int) throws(JSONScanner.Failure)
    {
        let start = window.start
        try window.buffer.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
            for item in items {
                var scanner = JSONScanner(buffer, position: item.start - start, base: start)
                try scanner.skipValue(depth: depth)
            }
        }
    }

    // MARK: Bytes

    /// The byte at the cursor, or 0 at the end of the document.
    private mutating func peek() throws(JSONScanner.Failure) -> UInt8 {
        try need(1)
        return offset < window.end ? window.buffer[offset - window.start] : 0
    }

    /// Steps over blanks, reading more as needed.
    private mutating func skipBlanks() throws(JSONScanner.Failure) {
        while true {
            try need(1)
            guard offset < window.end else { return }
            switch window.buffer[offset - window.start] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// Makes the window hold at least `count` bytes from the cursor, or all that is left.
    private mutating func need(_ count: Int) throws(JSONScanner.Failure) {
        guard offset + count > window.end, !window.isAtEnd else { return }
        let from = min(keep ?? offset, offset)
        do {
            try window.fill(from: from, atLeast: offset + count - from)
        } catch {
            throw JSONScanner.Failure(message: error.message, offset: offset)
        }
    }

    /// The end of the value at the cursor, reading as much of the document as it takes.
    private mutating func valueEnd() throws(JSONScanner.Failure) -> Int {
        while true {
            let start = window.start
            let isAtEnd = window.isAtEnd
            let position = offset - start
            let found = window.buffer.withUnsafeBufferPointer { buffer in
                JSONValueBounds.end(of: buffer, from: position, atEnd: isAtEnd)
            }
            if let found { return found + start }
            let from = min(keep ?? offset, offset)
            do {
                try window.fill(from: from, atLeast: 0)
                try window.readMore()
            } catch {
                throw JSONScanner.Failure(message: error.message, offset: offset)
            }
        }
    }

    /// Runs a scanner over the value at the cursor (made whole in the window first), moving the
    /// cursor past what it read.
    private mutating func scan<T>(_ body: (inout JSONScanner) throws(JSONScanner.Failure) -> T)
        throws(JSONScanner.Failure) -> T
    {
        _ = try valueEnd()
        let start = window.start
        let position = offset - start
        let (result, end) = try window.buffer.withUnsafeBufferPointer {
            buffer throws(JSONScanner.Failure) -> (T, Int) in
            var scanner = JSONScanner(buffer, position: position, base: start)
            let result = try body(&scanner)
            return (result, scanner.position)
        }
        offset = start + end
        return result
    }
}
