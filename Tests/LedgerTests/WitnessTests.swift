import Foundation
import Ledger
import Testing

/// `LedgerWitness` against real logs in memory: it cosigns checkpoints that extend what it
/// accepted, and refuses rollbacks, forks and key changes without cosigning.
@Suite("Ledger witness")
struct WitnessTests {
    /// A log with `count` sample entries (numbered from `offset`) and a checkpoint of them.
    static func log(
        _ signer: NoteSigner, count: Int, offset: Int = 0
    ) async throws -> (Ledger, StoredCheckpoint) {
        let ledger = Ledger(store: MemoryLedgerStore(), signer: signer, checkpointInterval: .seconds(3_600))
        if count > 0 { _ = try await ledger.append(contentsOf: (offset..<(offset + count)).map(Sample.entry)) }
        return (ledger, try await ledger.checkpoint())
    }

    /// Examines a log's latest checkpoint.
    static func examine(
        _ witness: LedgerWitness, _ ledger: Ledger, _ note: String, previous: WitnessState?
    ) async throws -> WitnessState {
        try await witness.examine(note: note, logKey: ledger.verifierKey, previous: previous) { from, to in
            try await ledger.consistencyProof(from: from, to: to)
        }
    }

    @Test("accepts a growing log and cosigns each checkpoint with its own key")
    func acceptsGrowth() async throws {
        let witness = LedgerWitness(signer: try NoteSigner.generate(name: "witness.test/a"))
        let (ledger, first) = try await Self.log(try Sample.signer(), count: 5)

        let state = try await Self.examine(witness, ledger, first.note, previous: nil)
        _ = try await ledger.append(contentsOf: (5..<23).map(Sample.entry))
        let grown = try await Self.examine(witness, ledger, try await ledger.checkpoint().note, previous: state)
        let again = try await Self.examine(witness, ledger, try await ledger.checkpoint().note, previous: grown)

        #expect(state.treeSize == 5 && grown.treeSize == 23 && again.treeSize == 23)
        let cosigned = try SignedNote(parsing: grown.cosignedNote)
        let signers = try cosigned.verify(trusting: [ledger.verifierKey, witness.signer.verifierKey])
        #expect(signers == [ledger.verifierKey, witness.signer.verifierKey])
        _ = try Checkpoint.open(grown.cosignedNote, verifier: ledger.verifierKey)
    }

    @Test("refuses a rollback to a smaller tree signed by the same key")
    func refusesRollback() async throws {
        let signer = try Sample.signer()
        let witness = LedgerWitness(signer: try NoteSigner.generate(name: "witness.test/a"))
        let (ledger, big) = try await Self.log(signer, count: 12)
        let state = try await Self.examine(witness, ledger, big.note, previous: nil)
        let (other, small) = try await Self.log(signer, count: 7)

        await #expect(throws: WitnessRefusal.rollback(accepted: 12, served: 7)) {
            try await Self.examine(witness, other, small.note, previous: state)
        }
    }

    @Test("refuses a fork: same size with another root, or a larger tree that does not extend the old one")
    func refusesForks() async throws {
        let signer = try Sample.signer()
        let witness = LedgerWitness(signer: try NoteSigner.generate(name: "witness.test/a"))
        let (ledger, honest) = try await Self.log(signer, count: 10)
        let state = try await Self.examine(witness, ledger, honest.note, previous: nil)

        let (forked, sameSize) = try await Self.log(signer, count: 10, offset: 100)
        await #expect(throws: WitnessRefusal.self) {
            try await Self.examine(witness, forked, sameSize.note, previous: state)
        }
        do {
            _ = try await Self.examine(witness, forked, sameSize.note, previous: state)
        } catch let refusal as WitnessRefusal {
            #expect(refusal.code == "fork")
        }
        _ = try await forked.append(contentsOf: (200..<215).map(Sample.entry))
        let larger = try await forked.checkpoint()
        do {
            _ = try await Self.examine(witness, forked, larger.note, previous: state)
            Issue.record("a larger tree that does not extend the accepted one was accepted")
        } catch let refusal as WitnessRefusal {
            guard case .forkInconsistent(let from, let to, _) = refusal else {
                Issue.record("expected an inconsistent fork, got \(refusal)")
                return
            }
            #expect(from == 10 && to == 25)
        }
    }

    @Test("refuses a changed log key and a checkpoint that does not verify")
    func refusesBadKeysAndNotes() async throws {
        let witness = LedgerWitness(signer: try NoteSigner.generate(name: "witness.test/a"))
        let (ledger, checkpoint) = try await Self.log(try Sample.signer(), count: 3)
        let state = try await Self.examine(witness, ledger, checkpoint.note, previous: nil)
        let (impostor, impostorNote) = try await Self.log(try Sample.signer(), count: 4)

        await #expect(throws: WitnessRefusal.self) {
            try await Self.examine(witness, impostor, impostorNote.note, previous: state)
        }
        let tampered = checkpoint.note.replacingOccurrences(of: "\n3\n", with: "\n4\n")
        await #expect(throws: WitnessRefusal.self) {
            try await Self.examine(witness, ledger, tampered, previous: nil)
        }
    }
}
