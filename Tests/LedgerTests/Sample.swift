import Foundation
import Ledger

/// Entries for tests.
enum Sample {
    /// A distinct entry for each number, cycling through the kinds.
    static func entry(_ number: Int) -> LedgerEntry {
        LedgerEntry(
            kind: LedgerEntryKind.allCases[number % LedgerEntryKind.allCases.count],
            record: LedgerRecordReference(table: "records", key: "record-\(number)"),
            microsecondsSince1970: 1_767_225_600_000_000 + Int64(number), actor: "organisation:\(number % 7)",
            payloadDigest: LedgerHash.sha256(of: Array("payload \(number)".utf8)))
    }

    /// A signer for a test log.
    static func signer() throws -> NoteSigner { try NoteSigner.generate(name: "qualityloop.test/log") }
}
