/// A GS1 Digital Link: a primary key with its key qualifiers and data attributes, carried
/// in an `http(s)` URI such as `https://id.gs1.org/01/09506000134352/10/ABC123/21/7Hk2`.
///
/// Create one with `parse(_:options:)` from a URI, or with `init(elements:stem:options:)`
/// from AI elements; both validate every value against the GS1 syntax dictionary.
public struct DigitalLink: Sendable, Hashable {
    /// The GS1 elements in element-string order: the primary key, its key qualifiers in
    /// path order, then the data attributes in the order they appeared.
    public let elements: [GS1Element]
    /// Everything before the primary key: scheme, host and any path prefix,
    /// e.g. `https://id.example.com/products`. Never ends with `/`.
    public var stem: String { String(decoding: stemSource.utf8.prefix(stemLength), as: UTF8.self) }
    /// Query parameters that are not GS1 AIs (such as `linkType`, `context`, `lang`), decoded,
    /// in URI order; a parameter without `=` has an empty value.
    public let otherQuery: [(String, String)]
    /// How many leading elements form the URI path (primary key plus key qualifiers).
    let pathElementCount: Int
    /// A string that starts with the stem: the parsed URI itself, so that parsing does not
    /// copy the stem (a measurable share of parse time), or the stem given when building.
    private let stemSource: String
    /// Length of the stem in UTF-8 bytes.
    private let stemLength: Int

    /// Assembles a validated link; callers have checked everything.
    init(elements: [GS1Element], pathElementCount: Int, stemSource: String, stemLength: Int, otherQuery: [(String, String)]) {
        self.elements = elements
        self.pathElementCount = pathElementCount
        self.stemSource = stemSource
        self.stemLength = stemLength
        self.otherQuery = otherQuery
    }

    /// The primary key, e.g. `(01)09506000134352`.
    public var primaryKey: GS1Element { elements[0] }

    /// The key qualifiers in path order, e.g. `(10)` and `(21)` for a serialised GTIN.
    public var keyQualifiers: ArraySlice<GS1Element> { elements[1..<pathElementCount] }

    /// The data attributes carried in the query string.
    public var dataAttributes: ArraySlice<GS1Element> { elements[pathElementCount...] }

    /// The value of `ai`, if the link carries it.
    public subscript(ai: String) -> String? {
        let code = AICode(ai)
        return elements.first { $0.code == code }?.value
    }

    /// The GTIN, when the primary key is AI (01).
    public var gtin: GTIN? {
        primaryKey.code == AICode.gtin ? try? GTIN(primaryKey.value) : nil
    }

    /// Bracketed element string, e.g. `(01)09506000134352(10)ABC123(21)7Hk2`; a literal `(`
    /// in a value is written `\(`.
    public var elementString: String { GS1ElementString.bracketed(elements) }

    /// Unbracketed element string as carried in a barcode, with `^` standing for FNC1: one at
    /// the start and one after each variable-length value that is followed by another element.
    public var unbracketedElementString: String { GS1ElementString.unbracketed(elements) }

    /// Links are equal when elements, path split, stem and other query parameters are equal.
    public static func == (lhs: DigitalLink, rhs: DigitalLink) -> Bool {
        lhs.elements == rhs.elements && lhs.pathElementCount == rhs.pathElementCount && lhs.stem == rhs.stem
            && lhs.otherQuery.elementsEqual(rhs.otherQuery) { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// Hashes the same parts that equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(elements)
        hasher.combine(pathElementCount)
        hasher.combine(stem)
        hasher.combine(otherQuery.count)
        for (name, value) in otherQuery {
            hasher.combine(name)
            hasher.combine(value)
        }
    }
}
