import Foundation
import Ledger
import Testing

/// `LedgerEvidence` checked offline against real logs in memory: it holds for the entry it was
/// made for, and any change to its parts is caught.
@Suite("Ledger evidence")
struct LedgerEvidenceCoreTests {
    /// A log of 13 entries, a checkpoint of it, and the evidence of entry 6.
    static func evidence() async throws -> (LedgerEvidence, NoteSigner) {
        let signer = try Sample.signer()
        let ledger = Ledger(store: MemoryLedgerStore(), signer: signer, checkpointInterval: .seconds(3_600))
        _ = try await ledger.append(contentsOf: (0..<13).map(Sample.entry))
        let checkpoint = try await ledger.checkpoint()
        let proof = try await ledger.inclusionProof(index: 6, size: 13)
        return (try LedgerEvidence(entry: Sample.entry(6), proof: proof, checkpoint: checkpoint.note), signer)
    }

    @Test("evidence verifies offline and names its entry and checkpoint")
    func verifies() async throws {
        let (evidence, signer) = try await Self.evidence()
        let (checkpoint, entry) = try evidence.verify(trusting: signer.verifierKey)
        #expect(entry == Sample.entry(6))
        #expect(checkpoint.treeSize == 13)
    }

    @Test("another position, other leaf data, a dropped hash, an edited note or another key are refused")
    func tampering() async throws {
        let (evidence, signer) = try await Self.evidence()
        var moved = evidence
        moved.leafIndex = 7
        var otherLeaf = evidence
        otherLeaf.leafData = Data(try Sample.entry(7).canonicalEncoding())
        var shortened = evidence
        shortened.inclusionProof.removeLast()
        var edited = evidence
        edited.checkpoint = evidence.checkpoint.replacingOccurrences(of: "\n13\n", with: "\n14\n")
        var garbage = evidence
        garbage.leafData = Data([0x01, 0x02])

        for (name, bad) in [
            ("moved", moved), ("leaf", otherLeaf), ("short", shortened), ("note", edited), ("garbage", garbage),
        ] {
            #expect(throws: LedgerError.self, "\(name)") { try bad.verify(trusting: signer.verifierKey) }
        }
        #expect(throws: LedgerError.self) { try evidence.verify(trusting: try Sample.signer().verifierKey) }
    }
}
