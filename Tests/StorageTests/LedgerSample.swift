import Foundation
import Ledger
import Storage

/// Ledger test data for the store suites.
enum LedgerSample {
    /// A distinct entry for each number, cycling through the kinds, with text and times that
    /// must come back exactly (non-ASCII, negative and microsecond-precise).
    static func entry(_ number: Int) -> LedgerEntry {
        LedgerEntry(
            kind: LedgerEntryKind.allCases[number % LedgerEntryKind.allCases.count],
            record: LedgerRecordReference(table: "records", key: "批次-\(number)"),
            microsecondsSince1970: number % 5 == 4 ? -1_000_001 * Int64(number) : 1_767_225_600_123_457 + Int64(number),
            actor: "organisation:\(number % 7)", payloadDigest: LedgerHash.sha256(of: Array("payload \(number)".utf8)))
    }

    /// Leaves for a range of numbers.
    static func leaves(_ numbers: Range<Int>) throws -> [LedgerLeaf] {
        var leaves: [LedgerLeaf] = []
        for number in numbers { leaves.append(try LedgerLeaf(entry(number))) }
        return leaves
    }

    /// The log's signing key in the tests.
    static let signer: NoteSigner = {
        do { return try NoteSigner.generate(name: "qualityloop.test/log") } catch { fatalError("\(error)") }
    }()

    /// Appends `count` entries through a `Ledger`, signing a checkpoint after every `every`.
    @discardableResult
    static func fill(_ store: any LedgerStore, count: Int = 40, every: Int = 10) async throws -> Ledger {
        let ledger = Ledger(store: store, signer: signer, checkpointInterval: .seconds(3_600))
        for start in stride(from: 0, to: count, by: every) {
            _ = try await ledger.append(contentsOf: (start..<min(count, start + every)).map(entry))
            try await ledger.checkpoint()
        }
        return ledger
    }
}
