/// Reads one JSON event object into an `EPCISEvent`, collecting problems with their paths.
///
/// The common fields (times, identifiers, vocabulary, locations) are read straight from the
/// bytes; the rarer structures (quantities, transactions, sensor data, extensions) are read as
/// `JSONValue` trees first. A problem's path (`epcisBody.eventList[3].epcList[1]`) is built
/// only when there is a problem: the reader keeps the path as a stack of parts.
struct JSONEventReader {
    /// Prefixes in scope at document level.
    let documentNamespaces: EPCISNamespaces
    /// Prefixes in scope for the event being read (document plus event-level `@context`).
    var namespaces: EPCISNamespaces
    /// Problems found so far.
    var problems: [EPCISProblem]

    /// The path of the event being read, when already written out.
    private var eventPath: String?
    /// Where the event is: its list's path and index, or `nil` for a bare event.
    private var eventPlace: (list: String, index: Int)?
    /// The path below the event, innermost last.
    private var parts: [PathPart] = []
    /// The last identifiers read, by text: a read point and business location are often the same.
    private var recentIdentifiers: [EPCISIdentifier] = []
    /// Nesting depth of the event's members in the document, for the parser's depth limit.
    private var depth = 1

    /// One step of a problem path.
    enum PathPart {
        /// A member: `.name`.
        case key(String)
        /// An array item: `[index]`.
        case index(Int)
    }

    /// Starts reading events under a document's prefixes.
    init(namespaces: EPCISNamespaces, problems: [EPCISProblem] = []) {
        documentNamespaces = namespaces
        self.namespaces = namespaces
        self.problems = problems
        recentIdentifiers.reserveCapacity(Self.recentLimit)
    }

    /// Identifiers remembered for reuse.
    private static let recentLimit = 4

    // MARK: The event object

    /// Reads the event object at the cursor (on its `{`), item `index` of the list at `list`
    /// (or a bare event, for `nil`), leaving the cursor after it.
    mutating func readEvent(
        _ scanner: inout JSONScanner, in place: (list: String, index: Int)?, depth: Int = 0
    ) throws(JSONScanner.Failure) -> EPCISEvent {
        eventPlace = place
        self.depth = depth + 1
        eventPath = place == nil ? "" : nil
        parts.removeAll(keepingCapacity: true)
        namespaces = documentNamespaces
        let start = scanner.position
        let firstProblem = problems.count
        var contextKnown = false
        while true {
            scanner.position = start
            problems.removeSubrange(firstProblem...)
            if let event = try readMembers(&scanner, contextKnown: &contextKnown, firstProblem: firstProblem) {
                return event
            }
        }
    }

    /// One pass over the event's members; `nil` when an `@context` came after other members,
    /// so that the pass must start again with its prefixes known.
    private mutating func readMembers(
        _ scanner: inout JSONScanner, contextKnown: inout Bool, firstProblem: Int
    ) throws(JSONScanner.Failure) -> EPCISEvent? {
        var event = EPCISEvent(type: EPCISEventType(rawValue: ""), namespaces: documentNamespaces)
        var typeValue: JSONValue?
        var seenKeys: UInt64 = 0
        var seenOthers: [String] = []
        if try scanner.beginObject() {
            event.namespaces = namespaces
            return event
        }
        var index = 0
        repeat {
            let name = try scanner.memberName()
            let field = name.escaped ? EventField(try scanner.text(of: name)) : EventField(scanner, name.range)
            let key = field == .unknown || name.escaped ? try scanner.text(of: name) : field.key
            if field != .unknown {
                if seenKeys & field.bit != 0 {
                    problems.append(.invalid(path(key), "'\(key)' appears twice in one event"))
                }
                seenKeys |= field.bit
            } else if seenOthers.contains(key) {
                problems.append(.invalid(path(key), "'\(key)' appears twice in one event"))
            } else {
                seenOthers.append(key)
            }
            switch field {
            case .context:
                let context = try scanner.value(depth: depth)
                if !contextKnown {
                    contextKnown = true
                    namespaces = documentNamespaces.merging(JSONDocumentReader.prefixes(in: context))
                    // Values read so far were expanded without this context: read them again.
                    if index > 0 { return nil }
                }
            case .type:
                let value = try scanner.value(depth: depth)
                if typeValue == nil { typeValue = value }
            default:
                parts.append(.key(key))
                try readField(field, key: key, &scanner, into: &event)
                parts.removeLast()
            }
            index += 1
        } while try scanner.nextMember()
        if let typeValue, typeValue.stringValue == nil {
            problems.insert(.type(path("type"), "type must be a string"), at: firstProblem)
        }
        event.type = EPCISEventType(rawValue: typeValue?.stringValue ?? "")
        event.namespaces = namespaces
        return event
    }

    /// Stores one event member in its field, or as an extension.
    private mutating func readField(
        _ field: EventField, key: String, _ scanner: inout JSONScanner, into event: inout EPCISEvent
    ) throws(JSONScanner.Failure) {
        switch field {
        case .eventTime: event.eventTime = try string(&scanner).map(EPCISTimestamp.init)
        case .recordTime: event.recordTime = try string(&scanner).map(EPCISTimestamp.init)
        case .eventTimeZoneOffset: event.eventTimeZoneOffset = try string(&scanner)
        case .eventID: event.eventID = try uri(&scanner)
        case .certificationInfo: event.certificationInfo = try uris(&scanner, allowSingle: true) ?? []
        case .errorDeclaration: event.errorDeclaration = errorDeclaration(try scanner.value(depth: depth))
        case .epcList: event.epcList = try identifiers(&scanner)
        case .childEPCs: event.childEPCs = try identifiers(&scanner)
        case .inputEPCList: event.inputEPCList = try identifiers(&scanner)
        case .outputEPCList: event.outputEPCList = try identifiers(&scanner)
        case .parentID: event.parentID = try uri(&scanner).map { identifier($0) }
        case .quantityList: event.quantityList = quantities(try scanner.value(depth: depth))
        case .childQuantityList: event.childQuantityList = quantities(try scanner.value(depth: depth))
        case .inputQuantityList: event.inputQuantityList = quantities(try scanner.value(depth: depth))
        case .outputQuantityList: event.outputQuantityList = quantities(try scanner.value(depth: depth))
        case .action: event.action = try string(&scanner).map { EPCISAction(rawValue: $0) }
        case .transformationID: event.transformationID = try uri(&scanner)
        case .bizStep: event.bizStep = try vocabulary(&scanner, .bizStep)
        case .disposition: event.disposition = try vocabulary(&scanner, .disposition)
        case .persistentDisposition: event.persistentDisposition = persistentDisposition(try scanner.value(depth: depth))
        case .readPoint: event.readPoint = try location(&scanner)
        case .bizLocation: event.bizLocation = try location(&scanner)
        case .bizTransactionList: event.bizTransactionList = bizTransactions(try scanner.value(depth: depth))
        case .sourceList: event.sourceList = parties(try scanner.value(depth: depth), role: "source")
        case .destinationList: event.destinationList = parties(try scanner.value(depth: depth), role: "destination")
        case .sensorElementList: event.sensorElementList = sensorElements(try scanner.value(depth: depth))
        case .ilmd:
            let value = try scanner.value(depth: depth)
            if let members = value.members {
                event.ilmd = members.map { extensionField($0) }
            } else {
                problems.append(.type(path(), "ilmd must be an object, not \(value.typeName)"))
            }
        case .type, .context, .unknown:
            event.extensions.append(extensionField(JSONMember(key: key, value: try scanner.value(depth: depth))))
        }
    }

    // MARK: Values read from the bytes

    /// A string value, reporting any other type.
    private mutating func string(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> String? {
        if scanner.peek == UInt8(ascii: "\"") { return try scanner.string() }
        problems.append(.type(path(), "must be a string, not \(scanner.valueTypeName)"))
        try scanner.skipValue(depth: depth + parts.count - 1)
        return nil
    }

    /// A URI value with compact IRIs expanded.
    private mutating func uri(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> String? {
        try string(&scanner).map { namespaces.expanding($0) }
    }

    /// An array of URIs (or, with `allowSingle`, one URI).
    private mutating func uris(_ scanner: inout JSONScanner, allowSingle: Bool = false) throws(JSONScanner.Failure)
        -> [String]?
    {
        if allowSingle, scanner.peek == UInt8(ascii: "\"") { return [namespaces.expanding(try scanner.string())] }
        guard scanner.peek == UInt8(ascii: "[") else {
            problems.append(
                .type(path(), "must be an array\(allowSingle ? " or a string" : ""), not \(scanner.valueTypeName)"))
            try scanner.skipValue(depth: depth)
            return nil
        }
        var result: [String] = []
        if try scanner.beginArray() { return result }
        var index = 0
        repeat {
            parts.append(.index(index))
            if let text = try uri(&scanner) { result.append(text) }
            parts.removeLast()
            index += 1
        } while try scanner.nextItem()
        return result
    }

    /// An array of identifiers.
    private mutating func identifiers(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> [EPCISIdentifier]? {
        guard let texts = try uris(&scanner) else { return nil }
        var result: [EPCISIdentifier] = []
        result.reserveCapacity(texts.count)
        for text in texts { result.append(identifier(text)) }
        return result
    }

    /// A standard-vocabulary value (see `vocabulary(_:_:)`).
    private mutating func vocabulary(_ scanner: inout JSONScanner, _ vocabulary: CBVVocabulary)
        throws(JSONScanner.Failure) -> String?
    {
        guard let text = try string(&scanner) else { return nil }
        return self.vocabulary(text, vocabulary)
    }

    /// A `readPoint` or `bizLocation`.
    private mutating func location(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> EPCISLocation? {
        guard scanner.peek == UInt8(ascii: "{") else {
            problems.append(.type(path(), "must be an object with an id, not \(scanner.valueTypeName)"))
            try scanner.skipValue(depth: depth)
            return nil
        }
        var location = EPCISLocation(id: nil)
        if try scanner.beginObject() { return location }
        repeat {
            let name = try scanner.memberName()
            if !name.escaped && scanner.bytes(name.range, equal: "id") {
                parts.append(.key("id"))
                location.id = try uri(&scanner).map { identifier($0) }
                parts.removeLast()
            } else {
                let key = try scanner.text(of: name)
                if key == "id" {
                    parts.append(.key("id"))
                    location.id = try uri(&scanner).map { identifier($0) }
                    parts.removeLast()
                } else {
                    location.extensions.append(extensionField(JSONMember(key: key, value: try scanner.value(depth: depth + 1))))
                }
            }
        } while try scanner.nextMember()
        return location
    }

    /// An identifier, reusing one just read with the same text.
    mutating func identifier(_ text: String) -> EPCISIdentifier {
        for known in recentIdentifiers where known.text == text { return known }
        let identifier = EPCISIdentifier(text)
        if recentIdentifiers.count == Self.recentLimit { recentIdentifiers.removeFirst() }
        recentIdentifiers.append(identifier)
        return identifier
    }

    // MARK: Paths

    /// The path of the part being read, with `key` added when given.
    mutating func path(_ key: String? = nil) -> String {
        var result = currentEventPath()
        for part in parts {
            switch part {
            case .key(let name): result = Self.join(result, name)
            case .index(let index): result += "[\(index)]"
            }
        }
        if let key { result = Self.join(result, key) }
        return result
    }

    /// The event's own path, written out once.
    private mutating func currentEventPath() -> String {
        if let eventPath { return eventPath }
        let written = eventPlace.map { "\($0.list)[\($0.index)]" } ?? ""
        eventPath = written
        return written
    }

    /// Runs `body` with `part` added to the path.
    mutating func at<T>(_ part: PathPart, _ body: (inout Self) -> T) -> T {
        parts.append(part)
        defer { parts.removeLast() }
        return body(&self)
    }

    /// `base.key`, or `key` at the top.
    static func join(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }
}
