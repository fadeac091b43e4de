import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects every element of an XML document with its attributes, as `XMLParser` reports them.
final class SVGElementCollector: NSObject, XMLParserDelegate {
    /// Elements in document order.
    private(set) var elements: [(name: String, attributes: [String: String])] = []

    /// Records an element.
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
    }
}
