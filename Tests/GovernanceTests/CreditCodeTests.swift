import Governance
import QualityCore
import Testing

@Suite("Unified social credit codes")
struct CreditCodeTests {
    @Test("published codes pass their check character", arguments: Fixtures.publishedCodes)
    func published(code: String) throws {
        #expect(try CreditCode(code).text == code)
    }

    @Test("lower case is read as upper case")
    func lowerCase() throws {
        #expect(try CreditCode("91330100716105852f").text == "91330100716105852F")
    }

    @Test(
        "a changed character fails the check",
        arguments: ["914403001922038217", "924403001922038216", "91330100716105852E"])
    func changed(code: String) {
        let error = #expect(throws: QualityError.self) { try CreditCode(code) }
        #expect(error?.code == "bad_credit_code")
        #expect(error?.message.contains("check character") == true)
    }

    @Test(
        "wrong length and letters outside the alphabet are refused",
        arguments: ["9144030019220382", "91440300192203821I", ""])
    func malformed(code: String) {
        let error = #expect(throws: QualityError.self) { try CreditCode(code) }
        #expect(error?.kind == .invalid)
        #expect(error?.code == "bad_credit_code")
    }
}
