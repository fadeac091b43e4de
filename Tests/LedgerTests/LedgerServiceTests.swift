import Foundation
import Ledger
import Testing

/// The `Ledger` actor over an in-memory store: group commit, checkpoints within the interval,
/// and proofs that verify against the signed checkpoints.
@Suite("Ledger service")
struct LedgerServiceTests {
    @Test("concurrent appends get distinct consecutive positions and provable leaves")
    func concurrentAppends() async throws {
        let store = MemoryLedgerStore()
        let ledger = Ledger(store: store, signer: try Sample.signer(), maximumBatch: 16)

        let positions = try await withThrowingTaskGroup(of: (Int, UInt64).self) { group in
            for number in 0..<200 {
                group.addTask { (number, try await ledger.append(Sample.entry(number))) }
            }
            return try await group.reduce(into: [Int: UInt64]()) { $0[$1.0] = $1.1 }
        }

        #expect(Set(positions.values) == Set(0..<200))
        let head = try await ledger.treeHead()
        #expect(head.size == 200)
        for (number, position) in positions {
            let proof = try await ledger.inclusionProof(index: position)
            try proof.verify(leafHash: try Sample.entry(number).leafHash(), root: head.root)
        }
        let stored = await store.ledgerLeaves(from: 0, limit: 1_000)
        #expect(try stored.map { try $0.entry() }.count == 200)
    }

    @Test("a batch appended together takes consecutive positions")
    func batchAppend() async throws {
        let ledger = Ledger(store: MemoryLedgerStore(), signer: try Sample.signer())
        _ = try await ledger.append(Sample.entry(0))

        let range = try await ledger.append(contentsOf: (1...5).map(Sample.entry))

        #expect(range == 1..<6)
        #expect(try await ledger.treeHead().size == 6)
    }

    @Test("new leaves are checkpointed within the interval, and checkpoints are consistent")
    func checkpoints() async throws {
        let store = MemoryLedgerStore()
        let signer = try Sample.signer()
        let ledger = Ledger(store: store, signer: signer, checkpointInterval: .milliseconds(200))

        _ = try await ledger.append(contentsOf: (0..<3).map(Sample.entry))
        let first = try await Self.waitForCheckpoint(store, size: 3)
        _ = try await ledger.append(contentsOf: (3..<10).map(Sample.entry))
        let started = ContinuousClock.now
        let second = try await Self.waitForCheckpoint(store, size: 10)

        #expect(ContinuousClock.now - started < .seconds(1))
        let old = try Checkpoint.open(first.note, verifier: signer.verifierKey)
        let new = try Checkpoint.open(second.note, verifier: signer.verifierKey)
        #expect(new.rootHash == (try await ledger.treeHead()).root)
        let proof = try await ledger.consistencyProof(from: old.treeSize, to: new.treeSize)
        try proof.verify(firstRoot: old.rootHash, secondRoot: new.rootHash)
        #expect(try await ledger.root(size: 3) == old.rootHash)
    }

    @Test("checkpoint() signs the empty tree once, then the current tree only when it grew")
    func explicitCheckpoint() async throws {
        let store = MemoryLedgerStore()
        let signer = try Sample.signer()
        let ledger = Ledger(store: store, signer: signer, checkpointInterval: .seconds(60))
        let empty = try await ledger.checkpoint()

        _ = try await ledger.append(Sample.entry(1))
        let first = try await ledger.checkpoint()
        let again = try await ledger.checkpoint()

        #expect(try Checkpoint.open(empty.note, verifier: signer.verifierKey).rootHash == TreeHasher.emptyRoot)
        #expect(empty.treeSize == 0)
        #expect(first.treeSize == 1)
        #expect(again == first)
        #expect(await store.ledgerCheckpoints(fromSize: 0, limit: 10).count == 2)
        try await ledger.close()
        let report = try await LedgerAudit(store: store, verifier: signer.verifierKey).run()
        #expect(report.isClean)
        #expect(report.checkpointsChecked == 2)
    }

    @Test("proofs for sizes beyond the log and invalid entries are refused")
    func refusals() async throws {
        let ledger = Ledger(store: MemoryLedgerStore(), signer: try Sample.signer())
        _ = try await ledger.append(contentsOf: (0..<4).map(Sample.entry))
        var invalid = Sample.entry(9)
        invalid.record.key = ""

        await #expect(throws: LedgerError.sizeBeyondTree(size: 5, treeSize: 4)) {
            try await ledger.inclusionProof(index: 1, size: 5)
        }
        await #expect(throws: LedgerError.leafIndexOutOfRange(index: 4, size: 4)) {
            try await ledger.inclusionProof(index: 4)
        }
        await #expect(throws: LedgerError.self) { try await ledger.append(invalid) }
        #expect(try await ledger.treeHead().size == 4)
    }

    /// Polls until a checkpoint of a size is stored (failing after five seconds).
    static func waitForCheckpoint(_ store: MemoryLedgerStore, size: UInt64) async throws -> StoredCheckpoint {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let latest = await store.latestLedgerCheckpoint(), latest.treeSize >= size { return latest }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TimedOut()
    }

    /// No checkpoint came in time.
    struct TimedOut: Error {}
}
