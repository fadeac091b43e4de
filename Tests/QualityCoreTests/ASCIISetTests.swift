@testable import QualityCore
import Testing

/// The hard-coded character masks against the character lists they stand for.
@Suite struct ASCIISetTests {
    static let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    /// ASCII digits.
    static let digits = "0123456789"

    /// Masks match their character lists.
    @Test func masksMatchTheirCharacterLists() {
        #expect(ASCIISet.uriCharacters == ASCIISet(characters: Self.letters + Self.digits + "-._~:/?#[]@!$&'()*+,;=%"))
        #expect(ASCIISet.forbiddenInHost == ASCIISet(characters: "_~?#@!$&'()*+,;=%"))
        #expect(ASCIISet.unreserved == ASCIISet(characters: Self.letters + Self.digits + "-._~"))
        #expect(ASCIISet.cset82 == ASCIISet(characters: "!\"%&'()*+,-./" + Self.digits + ":;<=>?" + Self.letters + "_"))
        #expect(ASCIISet.cset39 == ASCIISet(characters: "#-/" + Self.digits + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        #expect(ASCIISet.cset64 == ASCIISet(characters: Self.letters + Self.digits + "-_"))
        #expect(ASCIISet.digits == ASCIISet(characters: Self.digits))
        #expect(ASCIISet.hexDigits == ASCIISet(characters: Self.digits + "ABCDEFabcdef"))
        #expect(ASCIISet.cset32 == ASCIISet(characters: "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"))
    }

    /// Bytes above ASCII are never members.
    @Test func bytesAboveASCIIAreNeverMembers() {
        #expect(!ASCIISet.uriCharacters.contains(0xC3))
        #expect(!ASCIISet.cset82.contains(0xFF))
    }
}
