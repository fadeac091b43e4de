/// The document-level part of JSON reading: context, header fields, body and `ignoreFields`.
struct JSONDocumentReader {
    /// Problems found so far.
    var problems: [EPCISProblem] = []

    /// Reads the top-level object.
    mutating func read(_ members: [JSONMember]) -> EPCISDocument {
        let type = members.first { $0.key == "type" }?.value.stringValue
        var namespaces = EPCISNamespaces.epcisContext
        if let context = members.first(where: { $0.key == "@context" })?.value {
            namespaces = namespaces.merging(Self.prefixes(in: context))
        } else {
            problems.append(
                .required("@context", "@context is required: a JSON-LD document must name the EPCIS context"))
        }
        let kind: EPCISDocument.Kind =
            type == "EPCISDocument" ? .document : type == "EPCISQueryDocument" ? .queryDocument : .bareEvent
        if kind == .bareEvent {
            var reader = JSONEventReader(namespaces: namespaces, problems: problems)
            let event = reader.readEvent(members, path: "")
            problems = reader.problems
            if type == nil { problems.append(.required("type", "type is required")) }
            return EPCISDocument(
                kind: .bareEvent, format: .json, events: [event], eventListPath: "", problems: problems)
        }
        var document = EPCISDocument(kind: kind, format: .json)
        var ignored: [EPCISName] = []
        let allowed: Set<String> =
            kind == .document
            ? [
                "@context", "id", "type", "schemaVersion", "creationDate", "instanceIdentifier", "sender", "receiver",
                "epcisHeader", "epcisBody",
            ]
            : ["@context", "id", "type", "schemaVersion", "creationDate", "epcisBody"]
        for member in members {
            switch member.key {
            case "schemaVersion":
                if let version = member.value.stringValue {
                    document.schemaVersion = version
                    if !Self.isVersion(version) {
                        problems.append(
                            .invalid("schemaVersion", "schemaVersion '\(version)' is not a version number such as 2.0"))
                    }
                } else {
                    problems.append(
                        .type("schemaVersion", "schemaVersion must be a string, not \(member.value.typeName)"))
                }
            case "creationDate":
                if let text = member.value.stringValue {
                    let stamp = EPCISTimestamp(text)
                    document.creationDate = stamp
                    if !stamp.isValid { problems.append(.time("creationDate", Self.timeReason("creationDate", text))) }
                } else {
                    problems.append(
                        .type("creationDate", "creationDate must be a string, not \(member.value.typeName)"))
                }
            case "id", "instanceIdentifier", "sender", "receiver":
                if member.value.stringValue == nil {
                    problems.append(.type(member.key, "\(member.key) must be a string"))
                }
            case "@context", "type", "epcisHeader", "epcisBody":
                break
            default:
                if Self.localName(member.key) == "ignoreFields" {
                    ignored += Self.ignoredNames(member.value, namespaces: namespaces)
                } else if !allowed.contains(member.key) && !member.key.contains(":") {
                    problems.append(
                        .unknownField(
                            member.key,
                            "'\(member.key)' is not a field of \(type ?? "EPCISDocument"); extensions need a namespace prefix"
                        ))
                }
            }
        }
        for required in kind == .document ? ["schemaVersion", "creationDate", "epcisBody"] : ["epcisBody"]
        where !members.contains(where: { $0.key == required }) {
            problems.append(.required(required, "\(required) is required in \(type ?? "EPCISDocument")"))
        }
        var eventList: JSONValue?
        var listPath = "epcisBody.eventList"
        if let body = members.first(where: { $0.key == "epcisBody" })?.value {
            guard let bodyMembers = body.members else {
                problems.append(.type("epcisBody", "epcisBody must be an object"))
                return finish(document, ignored)
            }
            if kind == .document {
                eventList = body["eventList"]
                ignored += bodyMembers.filter { Self.localName($0.key) == "ignoreFields" }.flatMap {
                    Self.ignoredNames($0.value, namespaces: namespaces)
                }
                if eventList == nil {
                    problems.append(.required("epcisBody.eventList", "epcisBody.eventList is required"))
                }
            } else {
                listPath = "epcisBody.queryResults.resultsBody.eventList"
                if let results = body["queryResults"]?.members {
                    ignored += results.filter { Self.localName($0.key) == "ignoreFields" }.flatMap {
                        Self.ignoredNames($0.value, namespaces: namespaces)
                    }
                    if !results.contains(where: { $0.key == "queryName" }) {
                        problems.append(
                            .required("epcisBody.queryResults.queryName", "queryName is required in queryResults"))
                    }
                    eventList = results.first { $0.key == "resultsBody" }?.value["eventList"]
                    if eventList == nil { problems.append(.required(listPath, "resultsBody.eventList is required")) }
                } else {
                    problems.append(
                        .required(
                            "epcisBody.queryResults", "epcisBody.queryResults is required in an EPCISQueryDocument"))
                }
            }
        }
        document.eventListPath = listPath
        if let eventList {
            guard case .array(let items) = eventList else {
                problems.append(.type(listPath, "eventList must be an array, not \(eventList.typeName)"))
                return finish(document, ignored)
            }
            var reader = JSONEventReader(namespaces: namespaces, problems: problems)
            for (index, item) in items.enumerated() {
                let path = "\(listPath)[\(index)]"
                guard let eventMembers = item.members else {
                    reader.problems.append(.type(path, "an event must be an object, not \(item.typeName)"))
                    continue
                }
                document.events.append(reader.readEvent(eventMembers, path: path))
            }
            problems = reader.problems
        }
        return finish(document, ignored)
    }

    private func finish(_ document: EPCISDocument, _ ignored: [EPCISName]) -> EPCISDocument {
        var document = document
        document.ignoredFields = ignored
        document.problems = problems
        return document
    }

    /// Prefix bindings declared by a JSON-LD `@context` (a URL, an object, or an array of both).
    static func prefixes(in context: JSONValue) -> [String: String] {
        var bindings: [String: String] = [:]
        switch context {
        case .array(let items):
            for item in items { bindings.merge(prefixes(in: item)) { _, new in new } }
        case .object(let members):
            for member in members where !member.key.hasPrefix("@") {
                if let iri = member.value.stringValue ?? member.value["@id"]?.stringValue { bindings[member.key] = iri }
            }
        default:
            break
        }
        return bindings
    }

    /// The names listed by an `ignoreFields` member (an array of prefixed names).
    static func ignoredNames(_ value: JSONValue, namespaces: EPCISNamespaces) -> [EPCISName] {
        let items: [JSONValue]
        if case .array(let list) = value { items = list } else { items = [value] }
        return items.compactMap { $0.stringValue }.map { JSONEventReader.name(forKey: $0, namespaces: namespaces) }
    }

    /// The part of a key after its prefix.
    static func localName(_ key: String) -> String {
        guard let colon = key.lastIndex(of: ":") else { return key }
        return String(key[key.index(after: colon)...])
    }

    /// Whether `text` is `digits(.digits)*`.
    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }

    /// The reason a date-time field is invalid.
    static func timeReason(_ field: String, _ text: String) -> String {
        let stamp = EPCISTimestamp(text)
        if stamp.isDateTime {
            return "\(field) '\(text)' has no UTC offset; EPCIS requires one (Z or ±hh:mm)"
        }
        return "\(field) '\(text)' is not a date-time such as 2026-07-22T06:45:00.000+02:00"
    }
}
