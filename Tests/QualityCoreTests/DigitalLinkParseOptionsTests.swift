import QualityCore
import Testing

/// The relaxations of `DigitalLink.ParseOptions`, and inputs that take the parser's slow paths.
@Suite struct DigitalLinkParseOptionsTests {
    @Test func convenienceAlphasNeedTheirOption() throws {
        let uri = "https://id.example.com/gtin/09506000134352/lot/ABC/ser/42"
        #expect(throws: GS1Error.self) { try DigitalLink.parse(uri) }
        let link = try DigitalLink.parse(uri, options: [.permitConvenienceAlphas])
        #expect(link.elementString == "(01)09506000134352(10)ABC(21)42")
        #expect(link.canonicalURI() == "https://id.gs1.org/01/09506000134352/10/ABC/21/42")
    }

    /// Unknown a is need their option.
    @Test func unknownAIsNeedTheirOption() throws {
        let uri = "https://id.example.com/01/09506000134352?89=ABC&99=Z"
        #expect { try DigitalLink.parse(uri) } throws: { ($0 as? GS1Error)?.code == .unknownAI }
        let link = try DigitalLink.parse(uri, options: [.permitUnknownAIs])
        #expect(link.dataAttributes.map(\.ai) == ["89", "99"])
        #expect(link.unbracketedElementString == "^010950600013435289ABC^99Z")
        // (011) cannot stand for an unknown AI: AIs starting 01 have two digits.
        #expect(throws: GS1Error.self) { try DigitalLink.parse("https://a/01/09506000134352?011=X", options: [.permitUnknownAIs]) }
    }

    /// Long stems keep every segment.
    @Test func longStemsKeepEverySegment() throws {
        let prefix = (1...20).map { "/s\($0)" }.joined()
        let link = try DigitalLink.parse("https://id.example.com\(prefix)/01/09506000134352/21/X")
        #expect(link.stem == "https://id.example.com\(prefix)")
        #expect(link["21"] == "X")
    }

    /// Paths with many a is are read beyond the inline lookups.
    @Test func pathsWithManyAIsAreReadBeyondTheInlineLookups() {
        let uri = "https://id.example.com/01/09506000134352/22/A/10/B/21/C/99/D"
        #expect { try DigitalLink.parse(uri) } throws: { ($0 as? GS1Error)?.code == .notAQualifier && ($0 as? GS1Error)?.ai == "99" }
    }

    /// Escaped characters are decoded in path and query.
    @Test func escapedCharactersAreDecodedInPathAndQuery() throws {
        let link = try DigitalLink.parse("https://id.example.com/01/09506000134352/10/A%2FB%2b?99=x%2By&lang=en%20GB")
        #expect(link["10"] == "A/B+")
        #expect(link["99"] == "x+y")
        #expect(link.otherQuery.first?.1 == "en GB")
    }

    /// Elements keep unusual AI text.
    @Test func elementsKeepUnusualAIText() {
        #expect(GS1Element(ai: "12345", value: "x").ai == "12345")
        #expect(GS1Element(ai: "01", value: "x").definition?.title == "GTIN")
        #expect(GS1Element(ai: "x1", value: "x").definition == nil)
    }
}
