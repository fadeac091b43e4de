/// Reads one JSON event object into an `EPCISEvent`, collecting problems with their paths.
struct JSONEventReader {
    /// Prefixes in scope at document level.
    let documentNamespaces: EPCISNamespaces
    /// Prefixes in scope for the event being read (document plus event-level `@context`).
    var namespaces: EPCISNamespaces
    /// Problems found so far.
    var problems: [EPCISProblem]

    /// Starts reading events under a document's prefixes.
    init(namespaces: EPCISNamespaces, problems: [EPCISProblem]) {
        documentNamespaces = namespaces
        self.namespaces = namespaces
        self.problems = problems
    }

    /// Reads one event.
    mutating func readEvent(_ members: [JSONMember], path: String) -> EPCISEvent {
        namespaces = documentNamespaces
        if let context = members.first(where: { $0.key == "@context" })?.value {
            namespaces = namespaces.merging(JSONDocumentReader.prefixes(in: context))
        }
        let typeValue = members.first { $0.key == "type" }?.value
        if let typeValue, typeValue.stringValue == nil {
            problems.append(.type(Self.join(path, "type"), "type must be a string"))
        }
        var event = EPCISEvent(type: EPCISEventType(rawValue: typeValue?.stringValue ?? ""), namespaces: namespaces)
        var seen = Set<String>()
        for member in members {
            let at = Self.join(path, member.key)
            if !seen.insert(member.key).inserted {
                problems.append(.invalid(at, "'\(member.key)' appears twice in one event"))
            }
            readField(member, at: at, into: &event)
        }
        return event
    }

    /// Stores one event member in its field, or as an extension.
    private mutating func readField(_ member: JSONMember, at path: String, into event: inout EPCISEvent) {
        let value = member.value
        switch member.key {
        case "type", "@context": break
        case "eventTime": event.eventTime = timestamp(value, path)
        case "recordTime": event.recordTime = timestamp(value, path)
        case "eventTimeZoneOffset": event.eventTimeZoneOffset = string(value, path)
        case "eventID": event.eventID = uri(value, path)
        case "certificationInfo": event.certificationInfo = uris(value, path, allowSingle: true) ?? []
        case "errorDeclaration": event.errorDeclaration = errorDeclaration(value, path)
        case "epcList": event.epcList = identifiers(value, path)
        case "childEPCs": event.childEPCs = identifiers(value, path)
        case "inputEPCList": event.inputEPCList = identifiers(value, path)
        case "outputEPCList": event.outputEPCList = identifiers(value, path)
        case "parentID": event.parentID = uri(value, path).map(EPCISIdentifier.init)
        case "quantityList": event.quantityList = quantities(value, path)
        case "childQuantityList": event.childQuantityList = quantities(value, path)
        case "inputQuantityList": event.inputQuantityList = quantities(value, path)
        case "outputQuantityList": event.outputQuantityList = quantities(value, path)
        case "action": event.action = string(value, path).map { EPCISAction(rawValue: $0) }
        case "transformationID": event.transformationID = uri(value, path)
        case "bizStep": event.bizStep = vocabulary(value, .bizStep, path)
        case "disposition": event.disposition = vocabulary(value, .disposition, path)
        case "persistentDisposition": event.persistentDisposition = persistentDisposition(value, path)
        case "readPoint": event.readPoint = location(value, path)
        case "bizLocation": event.bizLocation = location(value, path)
        case "bizTransactionList": event.bizTransactionList = bizTransactions(value, path)
        case "sourceList": event.sourceList = parties(value, path, role: "source")
        case "destinationList": event.destinationList = parties(value, path, role: "destination")
        case "sensorElementList": event.sensorElementList = sensorElements(value, path)
        case "ilmd":
            if let members = value.members {
                event.ilmd = members.map { extensionField($0) }
            } else {
                problems.append(.type(path, "ilmd must be an object, not \(value.typeName)"))
            }
        default:
            event.extensions.append(extensionField(member))
        }
    }

    /// `base.key`, or `key` at the top.
    static func join(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }

    /// A string value, reporting any other type.
    mutating func string(_ value: JSONValue, _ path: String) -> String? {
        if let text = value.stringValue { return text }
        problems.append(.type(path, "must be a string, not \(value.typeName)"))
        return nil
    }

    /// A URI value with compact IRIs expanded.
    mutating func uri(_ value: JSONValue, _ path: String) -> String? {
        string(value, path).map { namespaces.expanding($0) }
    }

    /// An array of URIs (or, with `allowSingle`, one URI).
    mutating func uris(_ value: JSONValue, _ path: String, allowSingle: Bool = false) -> [String]? {
        if allowSingle, let single = value.stringValue { return [namespaces.expanding(single)] }
        guard case .array(let items) = value else {
            problems.append(.type(path, "must be an array\(allowSingle ? " or a string" : ""), not \(value.typeName)"))
            return nil
        }
        return items.enumerated().compactMap { index, item in uri(item, "\(path)[\(index)]") }
    }

    /// An array of identifiers.
    mutating func identifiers(_ value: JSONValue, _ path: String) -> [EPCISIdentifier]? {
        uris(value, path)?.map(EPCISIdentifier.init)
    }

    /// A date-time.
    mutating func timestamp(_ value: JSONValue, _ path: String) -> EPCISTimestamp? {
        string(value, path).map(EPCISTimestamp.init)
    }

    /// A number, keeping its text; a string is reported but kept, so the event can still be hashed.
    mutating func number(_ value: JSONValue, _ path: String) -> EPCISNumber? {
        switch value {
        case .number(let text): return EPCISNumber(text)
        case .string(let text):
            problems.append(.type(path, "must be a number, not the string '\(text)'"))
            return EPCISNumber(text)
        default:
            problems.append(.type(path, "must be a number, not \(value.typeName)"))
            return nil
        }
    }

    /// A standard-vocabulary value: a short name becomes the term's Web URI, a compact IRI is
    /// expanded, anything else is kept as written for validation to judge.
    mutating func vocabulary(_ value: JSONValue, _ vocabulary: CBVVocabulary, _ path: String) -> String? {
        guard let text = string(value, path) else { return nil }
        if let web = vocabulary.webURI(ofURN: text) {
            problems.append(
                .vocabulary(
                    path,
                    "'\(text)' is the legacy CBV URN form, which EPCIS 2.0 JSON does not allow; write the short name or the Web URI"
                ))
            return web
        }
        return vocabulary.uri(ofShortName: text) ?? namespaces.expanding(text)
    }

    /// An extension field from a JSON member.
    func extensionField(_ member: JSONMember) -> EPCISExtension {
        EPCISExtension(name: Self.name(forKey: member.key, namespaces: namespaces), value: extensionValue(member.value))
    }

    /// An extension value, recursively.
    func extensionValue(_ value: JSONValue) -> EPCISExtensionValue {
        switch value {
        case .object(let members): .fields(members.map { extensionField($0) }, text: nil)
        case .array(let items): .list(items.map { extensionValue($0) })
        case .string(let text): .text(text)
        case .number(let text): .number(text)
        case .bool(let flag): .boolean(flag)
        case .null: .null
        }
    }

    /// The field name a JSON key stands for: `prefix:local` with a bound prefix gives a
    /// namespaced name; an absolute IRI or an unbound prefix is kept whole; a bare word has no namespace.
    static func name(forKey key: String, namespaces: EPCISNamespaces) -> EPCISName {
        guard let colon = key.firstIndex(of: ":") else { return EPCISName(namespace: nil, localName: key) }
        let prefix = String(key[..<colon])
        let local = String(key[key.index(after: colon)...])
        if !local.hasPrefix("//"), let iri = namespaces.prefixes[prefix] {
            return EPCISName(namespace: iri, localName: local, prefix: prefix)
        }
        return EPCISName(namespace: nil, localName: key)
    }
}
