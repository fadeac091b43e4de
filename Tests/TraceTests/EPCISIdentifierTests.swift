import Foundation
import QualityCore
import Testing

@testable import Trace

/// EPC URN ↔ GS1 Digital Link conversion and the one identity behind both.
@Suite struct EPCISIdentifierTests {
    /// An EPC URN and a Digital Link of the same serialised GTIN are one identifier.
    @Test func urnAndDigitalLinkAreOneIdentity() {
        let urn = EPCISIdentifier("urn:epc:id:sgtin:4012345.011111.9876")
        let link = EPCISIdentifier("https://example.com/01/04012345111118/10/LOT1/21/9876?17=261231")
        #expect(urn.form == .epcURN)
        #expect(link.form == .digitalLink)
        #expect(urn == link)
        #expect(urn.canonical == "https://id.gs1.org/01/04012345111118/21/9876")
        #expect(urn.companyPrefixLength == 7)
        #expect(link.epcURN(companyPrefixLength: 7)?.uri == "urn:epc:id:sgtin:4012345.011111.9876")
        #expect(urn.epcURN()?.uri == "urn:epc:id:sgtin:4012345.011111.9876")
    }

    /// Each EPC scheme converts to its canonical Digital Link and back.
    @Test(arguments: [
        ("urn:epc:id:sscc:4012345.0000000333", "https://id.gs1.org/00/040123450000003338"),
        ("urn:epc:id:sgln:4012345.00011.987", "https://id.gs1.org/414/4012345000115/254/987"),
        ("urn:epc:id:sgln:4012345.00005.0", "https://id.gs1.org/414/4012345000054"),
        ("urn:epc:id:grai:4012345.00022.334455", "https://id.gs1.org/8003/04012345000221334455"),
        ("urn:epc:id:giai:4012345.ABC345", "https://id.gs1.org/8004/4012345ABC345"),
        ("urn:epc:id:gdti:987659999999..9", "https://id.gs1.org/253/98765999999929"),
        ("urn:epc:id:pgln:999999999999.", "https://id.gs1.org/417/9999999999994"),
        ("urn:epc:id:itip:4012345.011111.01.02.987", "https://id.gs1.org/8006/040123451111180102/21/987"),
        ("urn:epc:class:lgtin:4012345.012345.Lot987", "https://id.gs1.org/01/04012345123456/10/Lot987"),
        ("urn:epc:idpat:sgtin:4012345.012345.*", "https://id.gs1.org/01/04012345123456"),
        (
            "urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()",
            "https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29"
        ),
    ])
    func urnConvertsToCanonicalDigitalLink(_ urn: String, _ link: String) throws {
        let identifier = EPCISIdentifier(urn)
        #expect(identifier.problem == nil)
        #expect(identifier.canonical == link)
        let back = try #require(identifier.epcURN())
        #expect(back.uri == urn)
    }

    /// Malformed identifiers report what is wrong.
    @Test(arguments: [
        ("urn:epc:id:sgtin:4012345.01111.9876", "13 digits"),
        ("urn:epc:id:sgtin:40123.0111111.9876", "6 to 12 digits"),
        ("urn:epc:id:sscc:4012345.000000033", "17 digits"),
        ("urn:epc:id:sgtin:4012345.011111.98\"76", "must be escaped"),
        ("urn:epc:id:nonsense:4012345.1", "not an EPC scheme"),
        ("https://id.gs1.org/01/04012345111119/21/9876", "check digit"),
        ("transforming", "not an absolute URI"),
    ])
    func malformedIdentifierNamesTheProblem(_ text: String, _ mentions: String) {
        let problem = EPCISIdentifier(text).problem
        #expect(problem?.contains(mentions) == true, "\(text): \(problem ?? "no problem")")
    }

    /// URIs that are not GS1 keys are valid and their own identity.
    @Test func nonGS1URIsAreTheirOwnIdentity() {
        let other = EPCISIdentifier("urn:epc:id:gid:95100000.12345.400")
        #expect(other.form == .other)
        #expect(other.problem == nil)
        #expect(other.canonical == "urn:epc:id:gid:95100000.12345.400")
        #expect(EPCISIdentifier("http://transaction.acme.com/po/12345678").problem == nil)
    }

    /// The hash form escapes as the reference does and keeps only the finest key level.
    @Test func hashFormKeepsTheReferenceEscapingAndFinestLevel() {
        #expect(
            GS1KeyForms.hashForm(of: "urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB")
                == "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB")
        #expect(
            GS1KeyForms.hashForm(of: "https://example.com/gtin/09780345418913/21/765tz?abc=211121")
                == "https://id.gs1.org/01/09780345418913/21/765tz")
        #expect(
            GS1KeyForms.hashForm(of: "https://id.gs1.org/01/09780345418913/22/2A/10/L1/21/S1")
                == "https://id.gs1.org/01/09780345418913/21/S1")
        #expect(GS1KeyForms.hashForm(of: "https://id.gs1.org/8013/1987654Ad4X4bL5ttr2310c2K") == nil)
    }
}
