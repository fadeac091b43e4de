@testable import QualityCore
import Testing

/// Content checks of AI components, each with passing and failing examples.
@Suite struct GS1LinterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let linter: GS1Linter
        let value: String
        let passes: Bool
        var testDescription: String { "\(linter.rawValue) \(passes ? "accepts" : "rejects") '\(value)'" }
    }

    /// Passing and failing values for each linter.
    static let cases: [Case] = [
        Case(linter: .yymmd0, value: "250200", passes: true),
        Case(linter: .yymmd0, value: "240229", passes: true),
        Case(linter: .yymmd0, value: "250229", passes: false),
        Case(linter: .yymmd0, value: "251301", passes: false),
        Case(linter: .yymmdd, value: "250200", passes: false),
        Case(linter: .yymmdd, value: "250431", passes: false),
        Case(linter: .yymmdd, value: "250430", passes: true),
        Case(linter: .yyyymmdd, value: "20000229", passes: true),
        Case(linter: .yyyymmdd, value: "19000229", passes: false),
        Case(linter: .hhmi, value: "2359", passes: true),
        Case(linter: .hhmi, value: "2400", passes: false),
        Case(linter: .hh, value: "24", passes: false),
        Case(linter: .mi, value: "60", passes: false),
        Case(linter: .csum, value: "09506000134352", passes: true),
        Case(linter: .csum, value: "09506000134351", passes: false),
        Case(linter: .csumalpha, value: "1987654Ad4X4bL5ttr2310c2K", passes: true),
        Case(linter: .csumalpha, value: "1987654Ad4X4bL5ttr2310c2X", passes: false),
        Case(linter: .gcppos1, value: "1234A", passes: true),
        Case(linter: .gcppos1, value: "123A", passes: false),
        Case(linter: .gcppos2, value: "01234", passes: true),
        Case(linter: .gcppos2, value: "0123", passes: false),
        Case(linter: .yesno, value: "1", passes: true),
        Case(linter: .yesno, value: "2", passes: false),
        Case(linter: .zero, value: "1", passes: false),
        Case(linter: .nonzero, value: "0000", passes: false),
        Case(linter: .winding, value: "9", passes: true),
        Case(linter: .winding, value: "2", passes: false),
        Case(linter: .iso5218, value: "3", passes: false),
        Case(linter: .hyphen, value: "-", passes: true),
        Case(linter: .pieceoftotal, value: "0102", passes: true),
        Case(linter: .pieceoftotal, value: "0301", passes: false),
        Case(linter: .pieceoftotal, value: "0002", passes: false),
        Case(linter: .posinseqslash, value: "1/3", passes: true),
        Case(linter: .posinseqslash, value: "10/10", passes: true),
        Case(linter: .posinseqslash, value: "3/1", passes: false),
        Case(linter: .posinseqslash, value: "01/3", passes: false),
        Case(linter: .posinseqslash, value: "1/", passes: false),
        Case(linter: .iso3166, value: "276", passes: true),
        Case(linter: .iso3166, value: "999", passes: false),
        Case(linter: .iso3166999, value: "999", passes: true),
        Case(linter: .iso3166alpha2, value: "DE", passes: true),
        Case(linter: .iso3166alpha2, value: "XX", passes: false),
        Case(linter: .iso4217, value: "978", passes: true),
        Case(linter: .iso4217, value: "000", passes: false),
        Case(linter: .latitude, value: "1800000000", passes: true),
        Case(linter: .latitude, value: "1800000001", passes: false),
        Case(linter: .longitude, value: "3600000001", passes: false),
        Case(linter: .pcenc, value: "A%20B", passes: true),
        Case(linter: .pcenc, value: "A%2G", passes: false),
        Case(linter: .pcenc, value: "A%2", passes: false),
        Case(linter: .iban, value: "GB82WEST12345698765432", passes: true),
        Case(linter: .iban, value: "GB82WEST12345698765431", passes: false),
        Case(linter: .iban, value: "XX82WEST12345698765432", passes: false),
        Case(linter: .importeridx, value: "_", passes: true),
        Case(linter: .importeridx, value: "!", passes: false),
        Case(linter: .mediatype, value: "10", passes: true),
        Case(linter: .mediatype, value: "11", passes: false),
        Case(linter: .nozeroprefix, value: "0", passes: false),
        Case(linter: .hasnondigit, value: "123", passes: false),
        Case(linter: .hasnondigit, value: "12A", passes: true),
    ]

    /// Linter.
    @Test(arguments: cases)
    func linter(_ vector: Case) {
        var value = vector.value
        let failure = value.withUTF8 { vector.linter.failure(in: $0) }
        #expect((failure == nil) == vector.passes, "\(failure?.reason ?? "passed")")
    }

    /// Base64 URL padding follows GS1.
    @Test func base64URLPaddingFollowsGS1() {
        let valid = ["123", "12=", "1==", "AZaz09-_"]
        let invalid = ["===", "123=", "12==", "AB C", "A+B"]
        for text in valid + invalid {
            var text = text
            let offset = text.withUTF8 { GS1CharacterSet.cset64.firstInvalidOffset(in: $0) }
            #expect((offset == nil) == valid.contains(text), "\(text)")
        }
    }
}
