import QualityCore
import Testing

/// Building links from elements, canonical URIs, element strings and the label fast path.
@Suite struct DigitalLinkBuildingTests {
    static let gtin = "09506000134352"

    /// Elements are ordered key qualifiers then attributes.
    @Test func elementsAreOrderedKeyQualifiersThenAttributes() throws {
        let link = try DigitalLink(elements: [
            GS1Element(ai: "99", value: "Z"), GS1Element(ai: "21", value: "SER"), GS1Element(ai: "01", value: Self.gtin),
            GS1Element(ai: "17", value: "251231"), GS1Element(ai: "10", value: "LOT"),
        ])
        #expect(link.elements.map(\.ai) == ["01", "10", "21", "99", "17"])
        #expect(link.primaryKey.value == Self.gtin)
        #expect(link.keyQualifiers.map(\.ai) == ["10", "21"])
        #expect(link.dataAttributes.map(\.ai) == ["99", "17"])
        #expect(link.stem == DigitalLink.canonicalStem)
        // Predefined-length attributes first, then the rest, each in element order.
        #expect(link.canonicalURI() == "https://id.gs1.org/01/09506000134352/10/LOT/21/SER?17=251231&99=Z")
        #expect(link.elementString == "(01)09506000134352(10)LOT(21)SER(99)Z(17)251231")
        #expect(link.unbracketedElementString == "^010950600013435210LOT^21SER^99Z^17251231")
    }

    /// Short GTI ns are padded in the canonical form.
    @Test func shortGTINsArePaddedInTheCanonicalForm() throws {
        let link = try DigitalLink.parse("https://brand.example.com/shop/01/9506000134352/10/A1")
        #expect(link.stem == "https://brand.example.com/shop")
        #expect(link.gtin?.gtin14 == Self.gtin)
        #expect(link.canonicalURI() == "https://id.gs1.org/01/09506000134352/10/A1")
        #expect(link.canonicalURI(stem: link.stem + "/") == "https://brand.example.com/shop/01/09506000134352/10/A1")
        #expect(throws: GS1Error.self) { try DigitalLink.parse("https://brand.example.com/01/9506000134352", options: .strict) }
    }

    /// Values are percent encoded as GS1's engine does.
    @Test func valuesArePercentEncodedAsGS1sEngineDoes() throws {
        let link = try DigitalLink(elements: [
            GS1Element(ai: "01", value: Self.gtin), GS1Element(ai: "10", value: "A!B/C+D"), GS1Element(ai: "99", value: "x+y&z"),
        ])
        #expect(link.canonicalURI() == "https://id.gs1.org/01/09506000134352/10/A%21B%2FC%2BD?99=x%2By%26z")
        #expect(try DigitalLink.parse(link.canonicalURI()) == link)
    }

    /// Other query parameters are kept apart.
    @Test func otherQueryParametersAreKeptApart() throws {
        let link = try DigitalLink.parse("https://id.example.com/01/09506000134352?linkType=gs1%3Apip&17=251231&lang=de&flag")
        #expect(link.otherQuery.map(\.0) == ["linkType", "lang", "flag"])
        #expect(link.otherQuery.first?.1 == "gs1:pip")
        #expect(link.dataAttributes.map(\.ai) == ["17"])
        #expect(link.canonicalURI() == "https://id.gs1.org/01/09506000134352?17=251231")
        #expect(link != (try DigitalLink.parse("https://id.example.com/01/09506000134352?17=251231")))
    }

    /// Bracketed element strings round trip.
    @Test func bracketedElementStringsRoundTrip() throws {
        let elements = [GS1Element(ai: "01", value: Self.gtin), GS1Element(ai: "10", value: "AB(1")]
        let text = GS1ElementString.bracketed(elements)
        #expect(text == "(01)09506000134352(10)AB\\(1")
        #expect(try GS1ElementString.parseBracketed(text) == elements)
    }

    /// The label fast path writes exactly the canonical URI.
    @Test(arguments: [
        ("ABC123", "7Hk2mPq9Zx4LbN8vT3aW"),
        ("L/1 (b)", "S!'*~._-"),
        ("ÄÖ", "%"),
    ])
    func unitURIEqualsTheCanonicalURI(_ lot: String, _ serial: String) throws {
        let stem = "https://id.example.com/"
        let fast = DigitalLink.unitURI(stem: stem, gtin14: Self.gtin, lot: lot, serial: serial)
        let elements = [GS1Element(ai: "01", value: Self.gtin), GS1Element(ai: "10", value: lot), GS1Element(ai: "21", value: serial)]
        let expected = "https://id.example.com/01/\(Self.gtin)/10/\(Self.escaped(lot))/21/\(Self.escaped(serial))"
        #expect(fast == expected)
        if let link = try? DigitalLink(elements: elements) {
            #expect(fast == link.canonicalURI(stem: stem))
        }
    }

    /// Unit URI without lot.
    @Test func unitURIWithoutLot() {
        let uri = DigitalLink.unitURI(stem: "https://id.gs1.org", gtin14: Self.gtin, lot: nil, serial: "42")
        #expect(uri == "https://id.gs1.org/01/09506000134352/21/42")
    }

    /// Parsed links compare by content.
    @Test func parsedLinksCompareByContent() throws {
        let uri = "https://id.example.com/01/09506000134352/10/ABC?17=251231"
        #expect(try DigitalLink.parse(uri) == DigitalLink.parse(uri))
        #expect(try DigitalLink.parse(uri).hashValue == DigitalLink.parse(uri).hashValue)
        #expect(try DigitalLink.parse(uri)["17"] == "251231")
        #expect(try DigitalLink.parse(uri)["21"] == nil)
    }

    /// Uppercase scheme and fragments are accepted.
    @Test func uppercaseSchemeAndFragmentsAreAccepted() throws {
        let link = try DigitalLink.parse("HTTPS://id.example.com/01/09506000134352#top")
        #expect(link.stem == "HTTPS://id.example.com")
        #expect(link.elements == [GS1Element(ai: "01", value: Self.gtin)])
    }

    /// Percent-encodes all but unreserved characters, independently of the code under test.
    static func escaped(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        return text.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : "%" + String($0, radix: 16, uppercase: true) }.joined()
    }
}
