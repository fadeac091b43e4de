import QualityCore
import Testing

/// Mod-10 check digits and alphanumeric check character pairs.
@Suite struct GS1CheckDigitTests {
    /// Mod-10 check digits of known payloads.
    @Test(arguments: [
        ("950600013435", "2"),
        ("0614141", "7"),
        ("61414100003", "6"),
        ("12345678901234567", "5"),
    ])
    func mod10(_ payload: String, _ digit: Character) {
        #expect(GS1CheckDigit.mod10(for: payload) == digit)
        #expect(GS1CheckDigit.hasValidMod10(payload + String(digit)))
    }

    /// Mod10 rejects non digits.
    @Test func mod10RejectsNonDigits() {
        #expect(GS1CheckDigit.mod10(for: "") == nil)
        #expect(GS1CheckDigit.mod10(for: "12A4") == nil)
        #expect(!GS1CheckDigit.hasValidMod10("7"))
        #expect(!GS1CheckDigit.hasValidMod10("0950600013435X"))
    }

    /// Pairs from GS1's published csumalpha examples (GS1 General Specifications 7.9.6).
    @Test(arguments: [
        ("1987654Ad4X4bL5ttr2310c", "2K"),
        ("12345678901234567890123", "NT"),
        ("12345_!\"%&'()*+,-./", "LC"),
        ("00000!", "HV"),
    ])
    func alphaCheckPair(_ payload: String, _ pair: String) {
        #expect(GS1CheckDigit.alphaCheckPair(for: payload) == pair)
        #expect(GS1CheckDigit.hasValidAlphaCheckPair(payload + pair))
    }

    /// Alpha check pair rejects wrong pairs and characters.
    @Test func alphaCheckPairRejectsWrongPairsAndCharacters() {
        #expect(!GS1CheckDigit.hasValidAlphaCheckPair("1987654Ad4X4bL5ttr2310cXK"))
        #expect(!GS1CheckDigit.hasValidAlphaCheckPair("2"))
        #expect(GS1CheckDigit.alphaCheckPair(for: "AB CD") == nil)
    }

    /// Gmn check pair is enforced in digital links.
    @Test func gmnCheckPairIsEnforcedInDigitalLinks() throws {
        #expect(try DigitalLink.parse("https://id.gs1.org/8013/1987654Ad4X4bL5ttr2310c2K").primaryKey.ai == "8013")
        #expect { try DigitalLink.parse("https://id.gs1.org/8013/1987654Ad4X4bL5ttr2310cXK") } throws: {
            ($0 as? GS1Error)?.code == .badCheckDigit
        }
    }
}
