import Foundation
import Ledger
import Testing

/// The audit over an in-memory log, with tampering simulated by `TamperingStore`. (The same
/// tampering done to real SQLite and PostgreSQL rows is tested in StorageTests.)
@Suite("Ledger audit")
struct LedgerAuditTests {
    /// A log of `count` entries with a checkpoint after every `every` entries.
    static func log(count: Int = 40, every: Int = 10) async throws -> (MemoryLedgerStore, NoteSigner) {
        let store = MemoryLedgerStore()
        let signer = try Sample.signer()
        let ledger = Ledger(store: store, signer: signer, checkpointInterval: .seconds(3_600))
        for start in stride(from: 0, to: count, by: every) {
            _ = try await ledger.append(contentsOf: (start..<min(count, start + every)).map(Sample.entry))
            try await ledger.checkpoint()
        }
        return (store, signer)
    }

    /// The audit's problem for a tampered view of a fresh log.
    static func problem(
        pageSize: Int = 8, _ tamper: (inout TamperingStore) -> Void
    ) async throws -> LedgerProblem? {
        let (store, signer) = try await log()
        var tampered = TamperingStore(base: store)
        tamper(&tampered)
        return try await LedgerAudit(store: tampered, verifier: signer.verifierKey, pageSize: pageSize).run().problem
    }

    @Test("an untouched log audits clean with every page size", arguments: [1, 3, 8, 64, 1 << 16])
    func clean(pageSize: Int) async throws {
        let (store, signer) = try await Self.log(count: 37, every: 5)

        let report = try await LedgerAudit(store: store, verifier: signer.verifierKey, pageSize: pageSize).run()

        #expect(report.isClean, "\(report.problem?.message ?? "")")
        #expect(report.entriesChecked == 37)
        #expect(report.treeSize == 37)
        #expect(report.nodesChecked == 37 - UInt64(UInt64(37).nonzeroBitCount))
        #expect(report.checkpointsChecked == 8)
        #expect(report.root == (await store.ledgerTreeHead()).root)
    }

    @Test("an empty log audits clean")
    func empty() async throws {
        let report = try await LedgerAudit(store: MemoryLedgerStore(), verifier: try Sample.signer().verifierKey).run()
        #expect(report.isClean)
        #expect(report.entriesChecked == 0)
    }

    @Test("an edited field is reported at its entry")
    func editedField() async throws {
        let problem = try await Self.problem { store in
            store.leaves = {
                $0.map {
                    var leaf = $0
                    if leaf.index == 17 { leaf.actor = "organisation:99" }
                    return leaf
                }
            }
        }
        #expect(problem?.kind == .entryEdited)
        #expect(problem?.position == 17)
    }

    @Test("an entry edited together with its leaf hash breaks its subtree")
    func editedWithHash() async throws {
        let problem = try await Self.problem { store in
            store.leaves = {
                $0.map { leaf in
                    guard leaf.index == 17 else { return leaf }
                    var edited = Sample.entry(17)
                    edited.actor = "organisation:99"
                    return StoredLedgerLeaf(index: 17, leaf: try! LedgerLeaf(edited))
                }
            }
        }
        #expect(problem?.kind == .subtreeMismatch)
        #expect(problem?.position == 17)
    }

    @Test("a deleted entry, two swapped entries and an inserted one are reported where they are")
    func deletedSwappedInserted() async throws {
        let deleted = try await Self.problem { $0.leaves = { $0.filter { $0.index != 12 } } }
        #expect(deleted?.kind == .entryMissing)
        #expect(deleted?.position == 12)

        let swapped = try await Self.problem { store in
            store.leaves = {
                let rows = $0
                return rows.map { leaf in
                    guard leaf.index == 21 || leaf.index == 22,
                        let other = rows.first(where: { $0.index == 43 - leaf.index })
                    else { return leaf }
                    var moved = other
                    moved.index = leaf.index
                    return moved
                }
            }
        }
        #expect(swapped?.kind == .subtreeMismatch)
        #expect(swapped?.position == 21)

        let inserted = try await Self.problem { store in
            store.leaves = { rows in
                guard rows.contains(where: { $0.index == 39 }) else { return rows }
                return rows + [StoredLedgerLeaf(index: 40, leaf: try! LedgerLeaf(Sample.entry(40)))]
            }
        }
        #expect(inserted?.kind == .entryUnexpected)
        #expect(inserted?.position == 40)
    }

    @Test("a missing, altered or extra subtree hash is reported")
    func nodes() async throws {
        let missing = try await Self.problem { store in
            store.nodes = { _, nodes in nodes.filter { $0.node != NodeID(level: 2, index: 3) } }
        }
        #expect(missing?.kind == .nodeMissing)
        #expect(missing?.position == 15)

        let altered = try await Self.problem { store in
            store.nodes = { _, nodes in
                nodes.map {
                    $0.node == NodeID(level: 1, index: 4)
                        ? StoredNode(storageKey: $0.storageKey, hash: [UInt8](repeating: 7, count: 32)) : $0
                }
            }
        }
        #expect(altered?.kind == .subtreeMismatch)
        #expect(altered?.position == 9)

        let extra = try await Self.problem { store in
            store.nodes = { leaves, nodes in
                let stray = NodeID(level: 3, index: 5)
                guard leaves.contains(stray.leaves.upperBound - 1) else { return nodes }
                return nodes + [StoredNode(node: stray, hash: [UInt8](repeating: 1, count: 32))]
            }
        }
        let garbage = try await Self.problem { store in
            store.nodes = { leaves, nodes in
                guard leaves.contains(5) else { return nodes }
                return nodes + [StoredNode(storageKey: 5 << 6, hash: [UInt8](repeating: 1, count: 32))]
            }
        }
        #expect(garbage?.kind == .nodeUnexpected)
        #expect(extra?.kind == .nodeUnexpected)
    }

    @Test("a checkpoint with a foreign signature, an altered root or beyond the log is reported")
    func checkpoints() async throws {
        let stranger = try NoteSigner.generate(name: "qualityloop.test/log")
        let forged = try await Self.problem { store in
            store.checkpoints = {
                $0.map { stored in
                    guard stored.treeSize == 20 else { return stored }
                    let checkpoint = Checkpoint(
                        origin: stranger.name, treeSize: 20, rootHash: try! LedgerHash(bytes: stored.rootHash))
                    return StoredCheckpoint(checkpoint, note: try! checkpoint.signed(by: stranger))
                }
            }
        }
        #expect(forged?.kind == .checkpointSignature)
        #expect(forged?.position == 20)

        let column = try await Self.problem { store in
            store.checkpoints = {
                $0.map {
                    var c = $0
                    if c.treeSize == 30 { c.rootHash = Array(repeating: 0, count: 32) }
                    return c
                }
            }
        }
        #expect(column?.kind == .checkpointMismatch)
        #expect(column?.position == 30)

        let truncated = try await Self.problem { store in
            store.leaves = { $0.filter { $0.index < 35 } }
            store.head = { _ in TreeHead(size: 35, root: TreeHasher.emptyRoot) }
        }
        #expect(truncated?.kind == .headMismatch)
    }

    @Test("a rewrite that recomputes every stored hash still contradicts the signed checkpoints")
    func rewrittenHistory() async throws {
        let (original, signer) = try await Self.log()
        let rewritten = MemoryLedgerStore()
        var entries = (0..<40).map(Sample.entry)
        entries[25].actor = "organisation:99"
        _ = try await rewritten.appendLedgerLeaves(
            try entries.map { entry throws(LedgerError) in try LedgerLeaf(entry) })
        for checkpoint in await original.ledgerCheckpoints(fromSize: 0, limit: 100) {
            await rewritten.storeLedgerCheckpoint(checkpoint)
        }

        let problem = try await LedgerAudit(store: rewritten, verifier: signer.verifierKey).run().problem

        #expect(problem?.kind == .checkpointMismatch)
        #expect(problem?.position == 30)
    }
}
