/// Prefix-to-IRI bindings in scope for a document or event: the JSON-LD `@context` (or, for XML,
/// the GS1 prefixes), used to expand compact IRIs such as `gs1:Temperature` and to resolve
/// extension field names such as `example:myField`.
public struct EPCISNamespaces: Sendable, Equatable {
    /// Prefix → namespace IRI.
    public var prefixes: [String: String]

    /// Creates bindings.
    public init(_ prefixes: [String: String] = [:]) {
        self.prefixes = prefixes
    }

    /// The prefixes the standard EPCIS 2.0 JSON-LD context defines.
    public static let epcisContext = EPCISNamespaces([
        "epcis": "https://ref.gs1.org/epcis/", "cbv": "https://ref.gs1.org/cbv/", "cbvmda": "urn:epcglobal:cbv:mda:",
        "gs1": "https://gs1.org/voc/", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "xsd": "http://www.w3.org/2001/XMLSchema#", "dcterms": "http://purl.org/dc/terms/",
    ])

    /// The prefixes CBV 2.0 (event hash rule 15) expands wherever they appear: `gs1`, `cbv`, `epcis`.
    public static let gs1 = EPCISNamespaces([
        "epcis": "https://ref.gs1.org/epcis/", "cbv": "https://ref.gs1.org/cbv/", "gs1": "https://gs1.org/voc/",
    ])

    /// These bindings with `other`'s added; `other` wins where both bind a prefix.
    public func merging(_ other: [String: String]) -> EPCISNamespaces {
        EPCISNamespaces(prefixes.merging(other) { _, new in new })
    }

    /// The IRI a compact IRI stands for, or `nil` when `value` is not `prefix:suffix` with a
    /// bound prefix. As in JSON-LD, a suffix starting with `//` marks an absolute IRI
    /// (`https://…`), never a compact one.
    public func expand(_ value: String) -> String? {
        // Bytes first: this runs on nearly every value of every event, and most values are
        // absolute URIs (`https://…`, `urn:…`) whose prefix is bound nowhere.
        let utf8 = value.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var after = utf8.index(after: colon)
        if after != utf8.endIndex, utf8[after] == UInt8(ascii: "/") {
            after = utf8.index(after: after)
            if after != utf8.endIndex, utf8[after] == UInt8(ascii: "/") {
                // `://` as characters too, unless a combining mark follows the second slash.
                after = utf8.index(after: after)
                if after == utf8.endIndex || utf8[after] < 0x80 { return nil }
            }
        }
        guard let colonCharacter = value.firstIndex(of: ":") else { return nil }
        let suffix = value[value.index(after: colonCharacter)...]
        guard !suffix.hasPrefix("//"), let iri = prefixes[String(value[..<colonCharacter])] else { return nil }
        return iri + suffix
    }

    /// `value` expanded when it is a compact IRI, otherwise unchanged.
    public func expanding(_ value: String) -> String { expand(value) ?? value }
}
