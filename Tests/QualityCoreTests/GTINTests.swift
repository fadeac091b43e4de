import Foundation
import QualityCore
import Testing

/// GTIN validation, padding to 14 digits and company prefix matching.
@Suite struct GTINTests {
    /// GTIN-8, -12 and -13 are padded to GTIN-14.
    @Test(arguments: [
        ("02345673", "00000002345673"),
        ("614141000036", "00614141000036"),
        ("2112345678900", "02112345678900"),
        ("09506000134352", "09506000134352"),
    ])
    func shortFormsArePaddedToFourteenDigits(_ input: String, _ gtin14: String) throws {
        let gtin = try GTIN(input)
        #expect(gtin.gtin14 == gtin14)
        #expect(gtin.description == gtin14)
        #expect(try GTIN(gtin14) == gtin)
    }

    /// Wrong lengths, characters and check digits are rejected with their codes.
    @Test(arguments: [
        ("0950600013435", GS1Error.Code.badCheckDigit),
        ("09506000134353", .badCheckDigit),
        ("123456789", .badLength),
        ("095060001343520", .badLength),
        ("", .badLength),
        ("0950600013435A", .invalidCharacter),
    ])
    func invalidGTINsAreRejected(_ input: String, _ code: GS1Error.Code) {
        #expect { try GTIN(input) } throws: { ($0 as? GS1Error)?.code == code }
    }

    /// Check digit error names the expected digit.
    @Test func checkDigitErrorNamesTheExpectedDigit() {
        #expect { try GTIN("09506000134353") } throws: { ($0 as? GS1Error)?.message.contains("expected 2") == true }
    }

    /// Company prefix is compared in GTIN13 form.
    @Test func companyPrefixIsComparedInGTIN13Form() throws {
        let ean = try GTIN("09506000134352")
        #expect(ean.belongs(toCompanyPrefix: "9506000"))
        #expect(ean.belongs(toCompanyPrefix: "9506"))
        #expect(!ean.belongs(toCompanyPrefix: "9506001"))
        #expect(!ean.belongs(toCompanyPrefix: "0950600"), "the indicator digit is not part of the prefix")

        let upc = try GTIN("614141000036")
        #expect(upc.belongs(toCompanyPrefix: "0614141"), "a UPC company prefix is written with a leading 0")
        #expect(!upc.belongs(toCompanyPrefix: "614141"))

        let case14 = try GTIN("10614141000033")
        #expect(case14.belongs(toCompanyPrefix: "0614141"), "packaging levels share the item's prefix")
    }

    /// Malformed prefixes match nothing.
    @Test func malformedPrefixesMatchNothing() throws {
        let gtin = try GTIN("09506000134352")
        #expect(!gtin.belongs(toCompanyPrefix: ""))
        #expect(!gtin.belongs(toCompanyPrefix: "950"))
        #expect(!gtin.belongs(toCompanyPrefix: "9506-00"))
    }

    /// Codable round trip validates.
    @Test func codableRoundTripValidates() throws {
        let data = try JSONEncoder().encode(try GTIN("614141000036"))
        #expect(String(decoding: data, as: UTF8.self) == "\"00614141000036\"")
        #expect(try JSONDecoder().decode(GTIN.self, from: data) == GTIN("00614141000036"))
        #expect(throws: (any Error).self) { try JSONDecoder().decode(GTIN.self, from: Data("\"00614141000037\"".utf8)) }
    }
}
