/// What a JSON document says outside its events: its kind, the prefixes and `ignoreFields` its
/// events are read and hashed under, its header fields, and the problems found in them.
struct JSONDocumentHeader: Equatable {
    /// What the document is.
    var kind: EPCISDocument.Kind
    /// The prefixes in scope for its events.
    var namespaces: EPCISNamespaces
    /// Fields its events' hashes leave out.
    var ignoredFields: [EPCISName]
    /// Where its events are, e.g. `epcisBody.eventList`.
    var eventListPath: String
    /// `schemaVersion`.
    var schemaVersion: String?
    /// `creationDate`.
    var creationDate: EPCISTimestamp?
    /// Problems outside the events, in the order they are reported.
    var problems: [EPCISProblem]

    /// Whether events read under `other` are read and hashed as under this header.
    func readsEvents(as other: JSONDocumentHeader) -> Bool {
        kind == other.kind && namespaces == other.namespaces && ignoredFields == other.ignoredFields
            && eventListPath == other.eventListPath
    }
}

/// The document-level part of JSON reading: context, header fields, body and `ignoreFields`.
/// The events themselves are read by `JSONEventReader`, from the bytes.
enum JSONDocumentReader {
    /// The header of a document from its top-level members, in which the event list (streamed
    /// apart) stands as an empty array.
    static func header(_ members: [JSONMember]) -> JSONDocumentHeader {
        var problems: [EPCISProblem] = []
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
        var header = JSONDocumentHeader(
            kind: kind, namespaces: namespaces, ignoredFields: [], eventListPath: "", problems: problems)
        guard kind != .bareEvent else { return header }
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
                    header.schemaVersion = version
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
                    header.creationDate = stamp
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
                return finish(header, ignored, problems, listPath)
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
        if let eventList, !(eventList.isArray) {
            problems.append(.type(listPath, "eventList must be an array, not \(eventList.typeName)"))
        }
        return finish(header, ignored, problems, listPath)
    }

    private static func finish(
        _ header: JSONDocumentHeader, _ ignored: [EPCISName], _ problems: [EPCISProblem], _ listPath: String
    ) -> JSONDocumentHeader {
        var header = header
        header.ignoredFields = ignored
        header.problems = problems
        header.eventListPath = listPath
        return header
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

extension JSONValue {
    /// Whether this is an array.
    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
