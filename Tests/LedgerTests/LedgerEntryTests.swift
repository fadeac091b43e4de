import Foundation
import Ledger
import Testing

/// The canonical leaf encoding: the worked example of docs/ledger.md, round trips and refusals.
@Suite("Ledger entries")
struct LedgerEntryTests {
    /// The example entry of docs/ledger.md.
    static let example = LedgerEntry(
        kind: .codeIssuance, record: LedgerRecordReference(table: "issuances", key: "09506000134352/LOT2026A/17"),
        microsecondsSince1970: 1_767_225_600_123_000, actor: "organisation:12",
        payloadDigest: LedgerHash.sha256(of: Array("manifest".utf8)))

    @Test("the example encodes to the documented bytes and leaf hash")
    func documentedExample() throws {
        let bytes = try Self.example.canonicalEncoding()
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        #expect(
            hex
                == "01" + "000d" + Self.hex("code_issuance") + "0009" + Self.hex("issuances") + "001a"
                + Self.hex("09506000134352/LOT2026A/17") + "0006474846222078" + "000f" + Self.hex("organisation:12")
                + Self.example.payloadDigest.hex)
        #expect(bytes.count == 1 + 15 + 11 + 28 + 8 + 17 + 32)
        #expect(try Self.example.leafHash() == TreeHasher.leafHash(bytes))
        #expect(try Self.example.leafHash().hex == "949c0ad2da47b94918cd65c9f46ba41467b72443744d7847b1872ebfed579536")
    }

    @Test("every kind round-trips through the encoding; Chinese text stays as given")
    func roundTrip() throws {
        for kind in LedgerEntryKind.allCases {
            var entry = Self.example
            entry.kind = kind
            entry.actor = "用户:张三"
            entry.microsecondsSince1970 = -5
            #expect(try LedgerEntry(canonicalEncoding: try entry.canonicalEncoding()) == entry)
        }
        #expect(LedgerEntryKind.allCases.count == 10)
    }

    @Test("empty, over-long or NUL-bearing fields and malformed encodings are refused")
    func refusals() throws {
        var entry = Self.example
        entry.actor = ""
        #expect(throws: LedgerError.self) { try entry.canonicalEncoding() }
        entry.actor = String(repeating: "a", count: LedgerEntry.maximumFieldBytes + 1)
        #expect(throws: LedgerError.self) { try entry.canonicalEncoding() }
        entry.actor = "a\u{0}b"
        #expect(throws: LedgerError.self) { try LedgerLeaf(entry) }
        let bytes = try Self.example.canonicalEncoding()
        #expect(throws: LedgerError.self) { try LedgerEntry(canonicalEncoding: bytes + [0]) }
        #expect(throws: LedgerError.self) { try LedgerEntry(canonicalEncoding: Array(bytes.dropLast())) }
        #expect(throws: LedgerError.self) { try LedgerEntry(canonicalEncoding: [0x02] + bytes.dropFirst()) }
    }

    @Test("dates are kept to the microsecond")
    func dates() {
        let entry = LedgerEntry(
            kind: .recall, record: LedgerRecordReference(table: "batches", key: "k"),
            time: Date(timeIntervalSince1970: 1_767_225_600.123456), actor: "system",
            payloadDigest: TreeHasher.emptyRoot)
        #expect(entry.microsecondsSince1970 == 1_767_225_600_123_456)
    }

    /// Lower-case hex of a string's UTF-8.
    static func hex(_ text: String) -> String { text.utf8.map { String(format: "%02x", $0) }.joined() }
}
