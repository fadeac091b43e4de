import QualityCore
import Testing

/// The Digital Link side of openepcis-epc-digitallink-translator's EPC URN ↔ DL URI tests:
/// the URI given for every `toURN` case and produced by every `toURI` case.
///
/// OpenEPCIS writes values into the path without percent-encoding them. Where that leaves
/// characters RFC 3986 allows in a path segment (`! $ & ' ( ) * + , ; = :`), the URI still
/// parses and only our canonical form differs (GS1's engine escapes them, `!` → `%21`). Where
/// it leaves characters that are not allowed in a URI at all, or delimiters that change the
/// URI's structure, or where its tests use values the GS1 standard forbids, we follow the
/// standard; those URIs are listed in `expectedRejections` with the reason.
@Suite(.enabled(if: SharedTestData.isAvailable, SharedTestData.missingComment))
struct OpenEPCISVectorTests {
    /// The vector file, or an empty object when absent.
    static var vectors: [String: Any] { SharedTestData.digitalLinkJSON("openepcis-urn-dl-vectors.json") }

    /// Every DL URI in the file, once each, in file order.
    static let uris: [String] = {
        var seen = Set<String>()
        var uris: [String] = []
        for entry in vectors["cases"] as? [[String: Any]] ?? [] {
            let uri = (entry["op"] as? String == "toURN" ? entry["input"] : entry["expected"]) as! String
            if seen.insert(uri).inserted { uris.append(uri) }
        }
        return uris
    }()

    /// Why URIs with characters RFC 3986 forbids are rejected.
    static let notAURI = "unescaped \" < or >, which RFC 3986 does not allow anywhere in a URI (gs1-syntax-engine rejects them too)"
    /// Why a bare / inside a value is rejected.
    static let slashInValue = "a value ending in an unescaped '/', which splits the path into an empty segment"
    /// Why a bare # inside a value is rejected.
    static let hashInValue = "an unescaped '#' in a value, which starts the fragment and cuts the path short"
    /// Why keys with wrong check digits are rejected.
    static let checkDigit = "a key with a wrong mod-10 check digit; OpenEPCIS does not verify check digits, the standard requires them"
    /// Why an over-long GIAI is rejected.
    static let tooLong = "a GIAI of 31 characters; AI (8004) is X..30"

    /// The URIs the standard rejects, with the reason.
    static let expectedRejections: [String: String] = [
        "https://id.gs1.org/01/12345678901231/21/!\"%&'()*+,-./": notAURI,
        "https://id.gs1.org/01/12345678901231/21//19:;<=>?AZ_az": notAURI,
        "https://id.gs1.org/01/57875874837438/235/19:;<=>?AZ_az": notAURI,
        "https://id.gs1.org/01/78574584574857/235/!\"%&'()*+,-./": notAURI,
        "https://id.gs1.org/253/8934893489494\":?>": notAURI,
        "https://id.gs1.org/253/93589983944438!\"%&\"+": notAURI,
        "https://id.gs1.org/401/4849304738473!\"\"%/%&'()*+,-.:=": notAURI,
        "https://id.gs1.org/401/4849304738473!\"%/%&'()*+,-.:=": notAURI,
        "https://id.gs1.org/414/4374736473640/254/\"%&'()*+,-./19:;<=>?": notAURI,
        "https://id.gs1.org/8003/01234567890128!\"%&'()*+,-.": notAURI,
        "https://id.gs1.org/8003/043847837483703:;<>=?AZ_az": notAURI,
        "https://id.gs1.org/8004/3575958495850!\"/%_": notAURI,
        "https://id.gs1.org/8004/7324878;><=?": notAURI,
        "https://id.gs1.org/8004/8394958495850!\"/%_": notAURI,
        "https://id.gs1.org/8006/646734858938493844/21/!\"%&'()*+,-./1:;<=>=": notAURI,
        "https://id.gs1.org/8010/6282274234748947//8011/94304": slashInValue,
        "https://id.gs1.org/8010/4748374/23748#94//8011/94304": hashInValue,
        "https://google.com/8017/123456789012345678": checkDigit,
        "https://google.com/8017/643963764374736343": checkDigit,
        "https://google.com/8017/645933932413121231": checkDigit,
        "https://google.com/8017/667602231213121237": checkDigit,
        "https://id.gs1.org/8017/123456789012345678": checkDigit,
        "https://id.gs1.org/01/89359443847373/235/8398439": checkDigit,
        "https://id.gs1.org/01/93511525326356/235/0230293": checkDigit,
        "https://riseagainst.com/songs/8006/123456789012356787/21/1111": checkDigit,
        "https://id.gs1.org/8004/42512183.SENSOR.TR-07-AVE-583:1": tooLong,
    ]

    /// All vectors are loaded.
    @Test func allVectorsAreLoaded() {
        #expect(Self.uris.count == 125)
    }

    /// Uri parses unless the standard forbids it.
    @Test(arguments: uris)
    func uriParsesUnlessTheStandardForbidsIt(_ uri: String) {
        let result = Result { () throws(GS1Error) in try DigitalLink.parse(uri) }
        if let reason = Self.expectedRejections[uri] {
            #expect(throws: GS1Error.self, "expected rejection: \(reason)") { try result.get() }
        } else {
            #expect(throws: Never.self) { try result.get() }
        }
    }

    /// Re-encoding a parsed URI under its own stem gives the same URI, except that we escape
    /// the sub-delimiters OpenEPCIS leaves bare; decoded, both carry the same characters.
    @Test(arguments: uris.filter { expectedRejections[$0] == nil })
    func canonicalFormDiffersOnlyInEscaping(_ uri: String) throws {
        let link = try DigitalLink.parse(uri)
        let canonical = link.canonicalURI(stem: link.stem)
        if canonical != uri && !uri.contains("#") {
            #expect(Self.percentDecoded(canonical) == Self.percentDecoded(uri))
            #expect(uri.contains { "!'()*".contains($0) }, "differs for a reason other than sub-delimiter escaping")
        }
        #expect(try DigitalLink.parse(canonical).elements == link.elements)
    }

    /// `#` in a value is read as the fragment, as RFC 3986 says: the URI is valid but names
    /// a different key than OpenEPCIS meant (CPID `30056867890#1294-5A` with serial 4893).
    @Test func hashInValueIsReadAsFragment() throws {
        let link = try DigitalLink.parse("https://id.gs1.org/8010/30056867890#1294-5A/8011/4893")
        #expect(link.elements == [GS1Element(ai: "8010", value: "30056867890")])
    }

    /// Shared example escapes exclamation mark.
    @Test func sharedExampleEscapesExclamationMark() throws {
        let link = try DigitalLink.parse("https://id.gs1.org/253/1247575784846!")
        #expect(link.canonicalURI() == "https://id.gs1.org/253/1247575784846%21")
    }

    /// Decodes %XX sequences, independently of the code under test.
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
