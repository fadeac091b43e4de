import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML element read into memory: expanded name, attributes, children and text.
///
/// Built with Foundation's `XMLParser` (external entities are not resolved). Attribute
/// prefixes are resolved from the namespace declarations in scope, which the parser reports
/// separately from the attributes.
final class XMLTree {
    /// The namespace URI, or `nil` for an element in no namespace.
    let namespace: String?
    /// The local name.
    let localName: String
    /// The prefix as written, if any.
    let prefix: String?
    /// Attributes other than namespace declarations, sorted by qualified name.
    var attributes: [(name: EPCISName, value: String)] = []
    /// Child elements in document order.
    var children: [XMLTree] = []
    /// All character data directly inside the element.
    var text = ""

    /// Creates an element.
    init(namespace: String?, localName: String, prefix: String?) {
        self.namespace = namespace
        self.localName = localName
        self.prefix = prefix
    }

    /// Namespaces of the EPCIS XML schemas themselves (1.x and 2.0, capture and query).
    static let epcisNamespaces: Set<String> = [
        "urn:epcglobal:epcis:xsd:1", "urn:epcglobal:epcis:xsd:2", "urn:epcglobal:epcis-query:xsd:1",
        "urn:epcglobal:epcis-query:xsd:2",
    ]

    /// The text with surrounding whitespace removed.
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The expanded name as an `EPCISName`.
    var name: EPCISName { EPCISName(namespace: namespace, localName: localName, prefix: prefix) }

    /// The children with un-namespaced `extension` and `baseExtension` wrappers (EPCIS 1.x
    /// style) replaced by their own children, recursively.
    var unwrappedChildren: [XMLTree] {
        children.flatMap { child -> [XMLTree] in
            if child.namespace == nil, child.localName == "extension" || child.localName == "baseExtension" {
                return child.unwrappedChildren
            }
            return [child]
        }
    }

    /// The first child element in no namespace with this local name.
    func child(_ localName: String) -> XMLTree? {
        unwrappedChildren.first { $0.namespace == nil && $0.localName == localName }
    }

    /// The value of an un-namespaced attribute.
    func attribute(_ localName: String) -> String? {
        attributes.first { $0.name.namespace == nil && $0.name.localName == localName }?.value
    }

    /// Depth-first search for the first element in no namespace with this local name.
    func firstDescendant(_ localName: String) -> XMLTree? {
        for child in unwrappedChildren {
            if child.namespace == nil && child.localName == localName { return child }
            if let found = child.firstDescendant(localName) { return found }
        }
        return nil
    }

    /// Parses a whole document and returns its root element.
    static func parse(_ data: Data) throws(EPCISDecodingError) -> XMLTree {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        guard ok, builder.failure == nil, let root = builder.root else {
            let reason = builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw EPCISDecodingError(
                format: .xml,
                message: "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): \(reason)")
        }
        return root
    }

    /// Collects elements from parser callbacks.
    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []
        /// Namespace bindings, innermost last, for resolving attribute prefixes.
        var bindings: [(prefix: String, uri: String)] = []
        var failure: String?

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
            bindings.append((prefix, namespaceURI))
        }

        func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
            if let index = bindings.lastIndex(where: { $0.prefix == prefix }) { bindings.remove(at: index) }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            let qualified = qName ?? elementName
            let prefix = qualified.firstIndex(of: ":").map { String(qualified[..<$0]) }
            let local =
                qualified.firstIndex(of: ":").map { String(qualified[qualified.index(after: $0)...]) } ?? elementName
            // EPCIS's own elements are unqualified; a document that puts them in an EPCIS
            // namespace (a default xmlns) means the same elements.
            let namespace =
                (namespaceURI?.isEmpty ?? true) || XMLTree.epcisNamespaces.contains(namespaceURI ?? "")
                ? nil : namespaceURI
            let element = XMLTree(namespace: namespace, localName: local, prefix: prefix)
            for key in attributeDict.keys.sorted() where key != "xmlns" && !key.hasPrefix("xmlns:") {
                let value = attributeDict[key] ?? ""
                if let colon = key.firstIndex(of: ":") {
                    let attributePrefix = String(key[..<colon])
                    let attributeLocal = String(key[key.index(after: colon)...])
                    let uri =
                        bindings.last { $0.prefix == attributePrefix }?.uri
                        ?? (attributePrefix == "xml" ? "http://www.w3.org/XML/1998/namespace" : nil)
                    let name =
                        uri.map { EPCISName(namespace: $0, localName: attributeLocal, prefix: attributePrefix) }
                        ?? EPCISName(namespace: nil, localName: key)
                    element.attributes.append((name, value))
                } else {
                    element.attributes.append((EPCISName(namespace: nil, localName: key), value))
                }
            }
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            stack.last?.text += String(decoding: block, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if failure == nil { failure = "\(parseError.localizedDescription)" }
        }
    }
}
