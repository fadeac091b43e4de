import Foundation
import QualityCore
import Testing

@testable import Trace

/// The Digital Link side of openepcis-epc-digitallink-translator's conversion cases.
@Suite(.enabled(if: TraceTestData.isAvailable, TraceTestData.missingComment))
struct OpenEPCISTranslatorVectorTests {
    /// One conversion case.
    struct Case: Sendable {
        let toURN: Bool
        let input: String
        let companyPrefixLength: Int?
        let expected: String
        let referenceAgrees: Bool
    }

    /// Every case of the vector file.
    static let cases: [Case] = {
        guard let data = try? TraceTestData.data("digital-link/openepcis-urn-dl-vectors.json"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = object["cases"] as? [[String: Any]]
        else { return [] }
        return entries.compactMap { entry in
            guard let input = entry["input"] as? String, let expected = entry["expected"] as? String else { return nil }
            return Case(
                toURN: entry["op"] as? String == "toURN", input: input, companyPrefixLength: entry["gcpLength"] as? Int,
                expected: expected,
                referenceAgrees: entry["crosscheck_epcis_event_hash_generator_1_9_3"] as? String == "agree")
        }
    }()

    /// URN → Digital Link cases on which OpenEPCIS and the CBV reference normaliser agree.
    static let agreedToURI = cases.filter { !$0.toURN && $0.referenceAgrees }

    /// Digital Link → URN cases with the company prefix length given and a Digital Link that GS1's
    /// rules accept (the others have unescaped delimiters or wrong check digits).
    static let validToURN = cases.filter { entry in
        entry.toURN && entry.companyPrefixLength != nil
            && (try? DigitalLink.parse(entry.input, options: EPCISIdentifier.linkOptions)) != nil
    }

    /// The translator vectors are loaded.
    @Test func vectorsAreLoaded() {
        #expect(Self.agreedToURI.count == 48)
        #expect(Self.validToURN.count == 42)
    }

    /// EPC URNs convert to the Digital Links the translator expects.
    @Test func urnsConvertToTheExpectedDigitalLinks() {
        for entry in Self.agreedToURI {
            #expect(EPCISIdentifier(entry.input).canonical == entry.expected, "\(entry.input)")
        }
    }

    /// Digital Links convert to the EPC URNs the translator expects, given the company prefix length.
    @Test func digitalLinksConvertToTheExpectedURNs() {
        for entry in Self.validToURN {
            let urn = EPCISIdentifier(entry.input).epcURN(companyPrefixLength: entry.companyPrefixLength)
            #expect(urn?.uri == entry.expected, "\(entry.input)")
        }
    }
}
