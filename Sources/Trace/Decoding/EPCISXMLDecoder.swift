import Foundation

/// Reads EPCIS XML (2.0, and 1.x-style documents with `extension` wrappers): an
/// `EPCISDocument`, an `EPCISQueryDocument`, or a single event element.
///
/// Names and values are mapped onto the same model as JSON, so both syntaxes give the same
/// events and the same hashes. Legacy CBV URNs (`urn:epcglobal:cbv:bizstep:shipping`) become
/// CBV Web URIs; the compact forms `gs1:`, `cbv:` and `epcis:` are expanded.
public struct EPCISXMLDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a document from bytes.
    public func decode(_ data: some Collection<UInt8>) throws(EPCISDecodingError) -> EPCISDocument {
        let root = try XMLTree.parse(Data(data))
        var problems: [EPCISProblem] = []
        let kind: EPCISDocument.Kind
        switch root.localName {
        case "EPCISDocument": kind = .document
        case "EPCISQueryDocument": kind = .queryDocument
        default:
            guard EPCISEventType(rawValue: root.localName).isStandard else {
                throw EPCISDecodingError(
                    format: .xml, message: "the root element <\(root.localName)> is not an EPCIS document or event")
            }
            kind = .bareEvent
        }
        if kind == .bareEvent {
            var reader = XMLEventReader(problems: problems)
            let event = reader.readEvent(root, path: "")
            return EPCISDocument(
                kind: .bareEvent, format: .xml, events: [event], eventListPath: "", problems: reader.problems)
        }
        var document = EPCISDocument(kind: kind, format: .xml)
        document.schemaVersion = root.attribute("schemaVersion")
        if document.schemaVersion == nil {
            problems.append(.required("schemaVersion", "the schemaVersion attribute is required"))
        }
        if let created = root.attribute("creationDate") {
            document.creationDate = EPCISTimestamp(created)
            if !EPCISTimestamp(created).isValid {
                problems.append(.time("creationDate", JSONDocumentReader.timeReason("creationDate", created)))
            }
        } else {
            problems.append(.required("creationDate", "the creationDate attribute is required"))
        }
        let ignoreHolders = [root] + [root.firstDescendant("QueryResults")].compactMap { $0 }
        for holder in ignoreHolders {
            for list in holder.unwrappedChildren where list.localName == "ignoreFields" && list.namespace != nil {
                document.ignoredFields += list.unwrappedChildren.map(\.name)
            }
        }
        document.eventListPath =
            kind == .document ? "epcisBody.eventList" : "epcisBody.queryResults.resultsBody.eventList"
        guard let eventList = root.firstDescendant("EventList") else {
            problems.append(.required(document.eventListPath, "the document has no EventList"))
            document.problems = problems
            return document
        }
        var reader = XMLEventReader(problems: problems)
        for (index, element) in eventList.unwrappedChildren.enumerated() {
            let path = "\(document.eventListPath)[\(index)]"
            guard element.namespace == nil else {
                reader.problems.append(.unknownField(path, "<\(element.name)> is not an EPCIS event"))
                continue
            }
            document.events.append(reader.readEvent(element, path: path))
        }
        document.problems = reader.problems
        return document
    }
}
