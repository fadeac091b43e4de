@testable import QualityCore
import Testing

/// One URI per error class, each broken in exactly one way, with the code it must produce.
@Suite struct DigitalLinkErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let uri: String
        let code: GS1Error.Code
        let why: String
        var testDescription: String { "\(code.rawValue): \(why)" }
    }

    /// A valid link up to its primary key, to which each case adds one fault.
    static let key = "https://id.example.com/01/09506000134352"

    /// One broken URI per error code.
    static let cases: [Case] = [
        Case(uri: "", code: .notAURI, why: "empty"),
        Case(uri: "id.example.com/01/09506000134352", code: .notAURI, why: "no scheme"),
        Case(uri: "ftp://id.example.com/01/09506000134352", code: .badScheme, why: "ftp"),
        Case(uri: "HtTps://id.example.com/01/09506000134352", code: .badScheme, why: "mixed-case scheme"),
        Case(uri: "https:///01/09506000134352", code: .badHost, why: "empty host"),
        Case(uri: "https://id.exa$mple.com/01/09506000134352", code: .badHost, why: "$ in host"),
        Case(uri: key + "/10/AB<C", code: .invalidCharacter, why: "< is not a URI character"),
        Case(uri: key + "/10/AB%20C", code: .invalidCharacter, why: "space is not in character set 82"),
        Case(uri: key + "/10/AB%2", code: .badPercentEncoding, why: "truncated escape"),
        Case(uri: key + "/10/AB%zz", code: .badPercentEncoding, why: "non-hex escape"),
        Case(uri: key + "/10/AB%00", code: .badPercentEncoding, why: "escaped NUL"),
        Case(uri: "https://id.example.com/products/123", code: .missingPrimaryKey, why: "no key"),
        Case(uri: key + "/", code: .missingPrimaryKey, why: "trailing slash"),
        Case(uri: key + "?999=1", code: .unknownAI, why: "(999) is not an AI"),
        Case(uri: key + "/21/X/10/Y", code: .badQualifierOrder, why: "21 before 10"),
        Case(uri: key + "/235/X/10/Y", code: .badQualifierOrder, why: "mixes the 22,10,21 and 235 sequences"),
        Case(uri: "https://id.example.com/00/006141411234567890/10/X", code: .notAQualifier, why: "SSCC takes no qualifiers"),
        Case(uri: key + "?10=ABC", code: .qualifierInQuery, why: "lot in the query"),
        Case(uri: key + "/10/ABC?21=XYZ", code: .notADataAttribute, why: "(21) may not be an attribute"),
        Case(uri: key + "/10/ABC?8200=x", code: .notADataAttribute, why: "(8200) product URL"),
        Case(uri: key + "?17=251231&17=251231", code: .duplicateAI, why: "same attribute twice"),
        Case(uri: key + "/10/ABC?10=ABC", code: .duplicateAI, why: "qualifier repeated in the query"),
        Case(uri: key + "/10/", code: .emptyValue, why: "empty lot"),
        Case(uri: key + "?17=", code: .emptyValue, why: "empty attribute"),
        Case(uri: "https://id.example.com/01/095060001343520", code: .badLength, why: "15-digit GTIN"),
        Case(uri: key + "/10/ABCDEFGHIJKLMNOPQRSTU", code: .badLength, why: "21-character lot"),
        Case(uri: "https://id.example.com/01/09506000134353", code: .badCheckDigit, why: "GTIN check digit"),
        Case(uri: key + "?17=251301", code: .badDate, why: "month 13"),
        Case(uri: key + "?17=250230", code: .badDate, why: "30 February"),
        Case(uri: key + "?422=999", code: .badValue, why: "999 is not an ISO 3166 country"),
        Case(uri: "https://id.example.com/414/9520123456788?10=ABC", code: .missingRequiredAI, why: "lot without a trade item"),
        Case(uri: key + "?3103=000100&3102=000010", code: .conflictingAI, why: "two net weights in kg"),
    ]

    /// Broken URI is rejected with its code.
    @Test(arguments: cases)
    func brokenURIIsRejectedWithItsCode(_ vector: Case) {
        #expect { try DigitalLink.parse(vector.uri) } throws: { error in
            guard let error = error as? GS1Error else { return false }
            #expect(error.code == vector.code, "\(error)")
            #expect(!error.message.isEmpty)
            return true
        }
    }

    /// Messages name the AI value and expectation.
    @Test func messagesNameTheAIValueAndExpectation() {
        #expect { try DigitalLink.parse("https://id.example.com/01/09506000134353") } throws: { error in
            let error = error as! GS1Error
            return error.ai == "01" && error.message.contains("09506000134353") && error.message.contains("expected 2")
        }
        #expect { try DigitalLink.parse(Self.key + "/21/X/10/Y") } throws: { error in
            (error as! GS1Error).message.contains("22, 10, 21 or 235")
        }
        #expect { try DigitalLink.parse(Self.key + "/") } throws: { error in
            (error as! GS1Error).message.contains("must not end with '/'")
        }
    }

    /// Requisite check can be skipped for multi carrier items.
    @Test func requisiteCheckCanBeSkippedForMultiCarrierItems() throws {
        let uri = "https://id.example.com/414/9520123456788?10=ABC"
        #expect(try DigitalLink.parse(uri, options: [.skipRequisiteAICheck])["10"] == "ABC")
    }

    /// Too many elements are refused.
    @Test func tooManyElementsAreRefused() {
        let attributes = GS1AIDictionary.standard.entries.filter { entry in
            entry.isDataAttribute && !entry.isPrimaryKey && entry.components.count == 1 && entry.minLength == 1
                && [.cset82, .numeric].contains(entry.components[0].characterSet)
                && entry.components[0].linters.allSatisfy { $0 == .pcenc } && entry.ai != "10"
        }
        #expect(attributes.count > DigitalLinkParser.maximumElements)
        let query = attributes.map { "\($0.ai)=1" }.joined(separator: "&")
        #expect { try DigitalLink.parse(Self.key + "?" + query, options: [.skipRequisiteAICheck]) } throws: {
            ($0 as? GS1Error)?.code == .tooManyElements
        }
    }

    /// Malformed element strings are rejected.
    @Test func malformedElementStringsAreRejected() {
        for text in ["", "01)09506000134352", "(1)2", "(01", "(0A)12", "(10)"] {
            #expect(throws: GS1Error.self, "\(text)") { try GS1ElementString.parseBracketed(text) }
        }
    }

    /// Element lists are validated.
    @Test func elementListsAreValidated() {
        #expect { try DigitalLink(elements: [GS1Element(ai: "10", value: "ABC")]) } throws: { ($0 as? GS1Error)?.code == .missingPrimaryKey }
        #expect { try DigitalLink(elements: [GS1Element(ai: "01", value: "09506000134352"), GS1Element(ai: "89", value: "X")]) } throws: {
            ($0 as? GS1Error)?.code == .unknownAI
        }
        let twoLots = [GS1Element(ai: "01", value: "09506000134352"), GS1Element(ai: "10", value: "A"), GS1Element(ai: "10", value: "B")]
        #expect { try DigitalLink(elements: twoLots) } throws: {
            ($0 as? GS1Error)?.code == .duplicateAI
        }
        #expect { try DigitalLink(elements: [GS1Element(ai: "01", value: "09506000134352"), GS1Element(ai: "8200", value: "x")]) } throws: {
            ($0 as? GS1Error)?.code == .notADataAttribute
        }
    }
}
