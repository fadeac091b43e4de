import QualityCore
import Testing

/// digital-link.js (GS1 fork of evrythng/digital-link.js 1.3.0) validity and compression vectors.
///
/// That library implements the older 1.1/1.2 grammar with convenience alphas, so these cases
/// run with `.permitConvenienceAlphas` on top of the default options. Where it disagrees with
/// the current GS1 standard and GS1's reference engine, the standard wins; the cases are
/// listed in `expectedDisagreements` with the reason.
@Suite(.enabled(if: SharedTestData.isAvailable, SharedTestData.missingComment))
struct DigitalLinkJSVectorTests {
    /// One digital-link.js validity vector.
    struct ValidityCase: Sendable, CustomTestStringConvertible {
        let uri: String
        let valid: Bool
        var testDescription: String { "\(valid ? "valid" : "invalid") \(uri)" }
    }

    /// The vector file, or an empty object when absent.
    static var vectors: [String: Any] { SharedTestData.digitalLinkJSON("digital-link-js-vectors.json") }

    /// The validity vectors.
    static let validityCases: [ValidityCase] = (vectors["validity"] as? [[String: Any]] ?? []).map {
        ValidityCase(uri: $0["uri"] as! String, valid: $0["valid"] as! Bool)
    }

    /// Uncompressed and compressed URI of each compression vector.
    static let compressionPairs: [[String]] = (vectors["compression"] as? [[String: Any]] ?? []).map {
        [$0["uncompressed"] as! String, $0["compressed"] as! String]
    }

    /// What digital-link.js accepts: short GTINs and convenience alphas.
    static let options: DigitalLink.ParseOptions = [.permitZeroSuppressedGTIN, .permitConvenienceAlphas]

    /// Cases where digital-link.js and the current standard disagree, with why we follow the standard.
    static let expectedDisagreements: [String: String] = [
        "https://dlnkd.tn.gg/ARHKVAdpQg":
            "compressed URI: compression is specified outside the URI syntax (GS1 Digital Link: Compression) and "
            + "gs1-syntax-engine's parser does not accept it either; QualityLoop reads uncompressed URIs only",
        "https://example.com/01/01234565/":
            "trailing '/': the ABNF ends gtin-path after the value and gs1-syntax-engine rejects "
            + "'https://a/stem/00/006141411234567890/' in its own vectors",
        "https://example.com/giai/0801234126":
            "GIAI (8004) is X..30 with only the gcppos1 linter and no check digit in the GS1 syntax dictionary, and "
            + "giai-value = 1*30XCHAR in the 1.2 ABNF; digital-link.js gives no rule that makes it invalid",
        "https://example.com/giai/0801234127":
            "same as 0801234126: a GIAI has no check digit, so changing the last digit cannot invalidate it",
    ]

    /// All vectors are loaded.
    @Test func allVectorsAreLoaded() {
        #expect(Self.validityCases.count == 31)
        #expect(Self.compressionPairs.count == 8)
    }

    /// Validity follows standard.
    @Test(arguments: validityCases)
    func validityFollowsStandard(_ vector: ValidityCase) {
        let expected = Self.expectedDisagreements[vector.uri] == nil ? vector.valid : !vector.valid
        let result = Result { () throws(GS1Error) in try DigitalLink.parse(vector.uri, options: Self.options) }
        switch result {
        case .success(let link):
            #expect(expected, "parsed to \(link.elementString) but expected rejection")
        case .failure(let error):
            #expect(!expected, "rejected: \(error)")
        }
    }

    /// The first vector also gives the parts digital-link.js extracts. The GTIN-13 it keeps as
    /// given is padded to GTIN-14 here, per the standard's canonical form.
    @Test func partsOfTheFullExampleMatch() throws {
        let uri = try #require(Self.validityCases.first?.uri)
        let link = try DigitalLink.parse(uri, options: Self.options)
        #expect(link.stem == "https://gs1.evrythng.com")
        #expect(link.primaryKey == GS1Element(ai: "01", value: "09780345418913"))
        #expect(Array(link.keyQualifiers) == [GS1Element(ai: "10", value: "38737643"), GS1Element(ai: "21", value: "58943")])
        #expect(Array(link.dataAttributes) == [GS1Element(ai: "15", value: "230911")])
        #expect(link.otherQuery.map(\.0) == ["thngId", "linkType"])
        #expect(link.otherQuery.first?.1 == "U5mQKGDpnymBwQwRakyBqeYh")
    }

    /// Every uncompressed side of the compression vectors is a valid link, and the forms with
    /// short names (`gtin`, `lot`, `ser`) and with AIs carry the same elements. Compressed
    /// URIs are not supported (see `expectedDisagreements`) and must be rejected, not misread.
    @Test(arguments: compressionPairs)
    func uncompressedSidesParse(_ pair: [String]) throws {
        let link = try DigitalLink.parse(pair[0], options: Self.options)
        let numeric = link.canonicalURI(stem: link.stem)
        #expect(try DigitalLink.parse(numeric).elements == link.elements)
        #expect(throws: GS1Error.self) { try DigitalLink.parse(pair[1], options: Self.options) }
    }
}
