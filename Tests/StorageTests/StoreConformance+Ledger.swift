import Foundation
import Ledger
import Storage
import Testing

extension StoreConformance {
    // MARK: Ledger

    @Test(
        "ledger appends take consecutive positions and keep the tree, entries exactly as given",
        arguments: StoreFixture.all)
    func ledgerAppends(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let leaves = try LedgerSample.leaves(0..<63)
            var positions: [Range<UInt64>] = []
            var start = 0
            for count in [1, 5, 17, 40] {
                let batch = Array(leaves[start..<(start + count)])
                positions.append(try await stores.ledger.appendLedgerLeaves(batch).indices)
                start += count
            }

            var expected = CompactRange()
            for leaf in leaves { expected.append(leaf.hash) }
            let head = try await stores.ledger.ledgerTreeHead()
            let stored = try await stores.ledger.ledgerLeaves(from: 0, limit: 100)
            #expect(positions == [0..<1, 1..<6, 6..<23, 23..<63])
            #expect(head == TreeHead(size: 63, root: expected.root))
            #expect(stored == leaves.enumerated().map { StoredLedgerLeaf(index: UInt64($0.offset), leaf: $0.element) })
            #expect(try stored.map { try $0.entry() } == leaves.map(\.entry))
            #expect(try await stores.ledger.ledgerLeaves(from: 60, limit: 2).map(\.index) == [60, 61])
        }
    }

    @Test(
        "the ledger stores every complete subtree and serves them by id and by completing leaves",
        arguments: StoreFixture.all)
    func ledgerNodes(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let leaves = try LedgerSample.leaves(0..<21)
            _ = try await stores.ledger.appendLedgerLeaves(Array(leaves[..<8]))
            _ = try await stores.ledger.appendLedgerLeaves(Array(leaves[8...]))

            var range = CompactRange()
            var completed: [NodeID: LedgerHash] = [:]
            for leaf in leaves { range.append(leaf.hash) { completed[$0] = $1 } }
            let ids = completed.keys.sorted()
            let hashes = try await stores.ledger.ledgerNodeHashes(ids + [NodeID(level: 0, index: 20)])
            let completedBy = try await stores.ledger.ledgerNodes(completedBy: 7..<16)
            let everything = try await stores.ledger.ledgerNodes(completedBy: 0..<UInt64.max)

            #expect(hashes == ids.map { completed[$0]! } + [leaves[20].hash])
            #expect(
                completedBy.compactMap(\.node) == [
                    NodeID(level: 1, index: 3), NodeID(level: 2, index: 1), NodeID(level: 3, index: 0),
                    NodeID(level: 1, index: 4), NodeID(level: 1, index: 5), NodeID(level: 2, index: 2),
                    NodeID(level: 1, index: 6), NodeID(level: 1, index: 7), NodeID(level: 2, index: 3),
                    NodeID(level: 3, index: 1), NodeID(level: 4, index: 0),
                ])
            #expect(everything.count == completed.count)
            #expect(everything.map(\.hash) == everything.map { completed[$0.node!]!.bytes })
            await #expect(throws: LedgerError.missingNode(NodeID(level: 3, index: 2))) {
                try await stores.ledger.ledgerNodeHashes([NodeID(level: 3, index: 2)])
            }
            await #expect(throws: LedgerError.missingNode(NodeID(level: 0, index: 21))) {
                try await stores.ledger.ledgerNodeHashes([NodeID(level: 0, index: 21)])
            }
        }
    }

    @Test("concurrent ledger appends never fork the tree", arguments: StoreFixture.all)
    func concurrentLedgerAppends(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let ledger = stores.ledger
            let ranges = try await withThrowingTaskGroup(of: Range<UInt64>.self) { group in
                for task in 0..<20 {
                    let batch = try LedgerSample.leaves((task * 10)..<(task * 10 + 10))
                    group.addTask { try await ledger.appendLedgerLeaves(batch).indices }
                }
                return try await group.reduce(into: [Range<UInt64>]()) { $0.append($1) }
            }

            let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
            #expect(sorted.first?.lowerBound == 0)
            #expect(sorted.last?.upperBound == 200)
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            let report = try await LedgerAudit(store: ledger, verifier: LedgerSample.signer.verifierKey).run()
            #expect(report.isClean, "\(report.problem?.message ?? "")")
            #expect(report.entriesChecked == 200)
        }
    }

    @Test("proofs served from the store verify against the signed checkpoints", arguments: StoreFixture.all)
    func ledgerProofs(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let ledger = try await LedgerSample.fill(stores.ledger, count: 45, every: 9)
            let checkpoints = try await stores.ledger.ledgerCheckpoints(fromSize: 0, limit: 10)
            let opened = try checkpoints.map { try Checkpoint.open($0.note, verifier: ledger.verifierKey) }

            for checkpoint in opened {
                for index in [0, checkpoint.treeSize / 2, checkpoint.treeSize - 1] {
                    let proof = try await ledger.inclusionProof(index: index, size: checkpoint.treeSize)
                    try proof.verify(leafHash: try LedgerSample.entry(Int(index)).leafHash(), root: checkpoint.rootHash)
                }
            }
            for (old, new) in zip(opened, opened.dropFirst()) {
                let proof = try await ledger.consistencyProof(from: old.treeSize, to: new.treeSize)
                try proof.verify(firstRoot: old.rootHash, secondRoot: new.rootHash)
            }
            #expect(opened.map(\.treeSize) == [9, 18, 27, 36, 45])
        }
    }

    @Test("checkpoints are kept once per size and read back by size", arguments: StoreFixture.all)
    func ledgerCheckpoints(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let root = LedgerHash.sha256(of: Array("root".utf8))
            func stored(_ size: UInt64, note: String) -> StoredCheckpoint {
                StoredCheckpoint(treeSize: size, rootHash: root.bytes, note: note, signedAt: Sample.instant)
            }
            #expect(try await stores.ledger.latestLedgerCheckpoint() == nil)

            for size: UInt64 in [20, 5, 10] {
                try await stores.ledger.storeLedgerCheckpoint(stored(size, note: "note \(size)\n"))
            }
            try await stores.ledger.storeLedgerCheckpoint(stored(10, note: "a second note for 10\n"))

            #expect(try await stores.ledger.latestLedgerCheckpoint() == stored(20, note: "note 20\n"))
            #expect(
                try await stores.ledger.ledgerCheckpoints(fromSize: 0, limit: 10).map(\.note) == [
                    "note 5\n", "note 10\n", "note 20\n",
                ])
            #expect(try await stores.ledger.ledgerCheckpoints(fromSize: 6, limit: 1).map(\.treeSize) == [10])
        }
    }

    @Test("a log written through the ledger service audits clean", arguments: StoreFixture.all)
    func ledgerAuditClean(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            try await LedgerSample.fill(stores.ledger, count: 70, every: 7)

            let report = try await LedgerAudit(
                store: stores.ledger, verifier: LedgerSample.signer.verifierKey, pageSize: 16
            ).run()

            #expect(report.isClean, "\(report.problem?.message ?? "")")
            #expect(report.entriesChecked == 70)
            #expect(report.checkpointsChecked == 10)
        }
    }
}
