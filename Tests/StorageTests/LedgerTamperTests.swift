import Foundation
import Ledger
import Storage
import Testing

/// `qloop ledger verify`'s audit against rows edited directly in the SQLite file and in
/// PostgreSQL: each kind of tampering is reported where it is, and an untouched log is clean.
/// Each case builds a log of 40 entries with signed checkpoints at 10, 20, 30 and 40.
@Suite("Ledger tampering")
struct LedgerTamperTests {
    /// Builds the log on a fresh database, lets `tamper` edit its rows, and audits it.
    static func audit(
        _ fixture: StoreFixture, tamper: (LedgerRowEditor, Stores) async throws -> Void
    ) async throws -> LedgerAuditReport {
        var report: LedgerAuditReport?
        try await fixture.withDatabase { location in
            try await StoreFixture.withStores(at: location) { stores in
                try await LedgerSample.fill(stores.ledger)
            }
            try await StoreFixture.withStores(at: location) { stores in
                try await tamper(LedgerRowEditor(location: location), stores)
            }
            try await StoreFixture.withStores(at: location) { stores in
                report = try await LedgerAudit(
                    store: stores.ledger, verifier: LedgerSample.signer.verifierKey, pageSize: 16
                ).run()
            }
        }
        return try #require(report)
    }

    @Test("an untouched log verifies clean", arguments: StoreFixture.all)
    func untouched(fixture: StoreFixture) async throws {
        let report = try await Self.audit(fixture) { _, _ in }
        #expect(report.isClean, "\(report.problem?.message ?? "")")
        #expect(report.entriesChecked == 40)
        #expect(report.checkpointsChecked == 4)
    }

    @Test("an edited entry is named", arguments: StoreFixture.all)
    func editedEntry(fixture: StoreFixture) async throws {
        let report = try await Self.audit(fixture) { editor, _ in
            try await editor.setText(.actor, of: 17, to: "organisation:99")
        }
        #expect(report.problem?.kind == .entryEdited)
        #expect(report.problem?.position == 17)
        #expect(report.problem?.message.contains("entry 17 was edited") == true)
    }

    @Test("an entry edited together with its leaf hash breaks its stored subtree", arguments: StoreFixture.all)
    func editedEntryAndHash(fixture: StoreFixture) async throws {
        let report = try await Self.audit(fixture) { editor, _ in
            var edited = LedgerSample.entry(17)
            edited.record.key = "批次-forged"
            try await editor.setText(.recordKey, of: 17, to: edited.record.key)
            try await editor.setLeafHash(of: 17, to: try edited.leafHash())
        }
        #expect(report.problem?.kind == .subtreeMismatch)
        #expect(report.problem?.position == 17)
    }

    @Test("a deleted entry is named, in the middle or at the end", arguments: StoreFixture.all)
    func deletedEntries(fixture: StoreFixture) async throws {
        let middle = try await Self.audit(fixture) { editor, _ in try await editor.delete(12) }
        #expect(middle.problem?.kind == .entryMissing)
        #expect(middle.problem?.position == 12)
        #expect(middle.problem?.message.contains("entry 12 is missing") == true)

        let last = try await Self.audit(fixture) { editor, _ in try await editor.delete(39) }
        #expect(last.problem?.kind == .entryMissing)
        #expect(last.problem?.position == 39)
    }

    @Test("an inserted entry is found, at the end or pushed into the middle", arguments: StoreFixture.all)
    func insertedEntries(fixture: StoreFixture) async throws {
        let appended = try await Self.audit(fixture) { editor, _ in
            try await editor.insert(LedgerSample.entry(1_000), at: 40)
        }
        #expect(appended.problem?.kind == .entryUnexpected)
        #expect(appended.problem?.position == 40)

        let pushed = try await Self.audit(fixture) { editor, _ in
            try await editor.shiftUp(from: 25)
            try await editor.insert(LedgerSample.entry(1_000), at: 25)
        }
        #expect(pushed.problem?.kind == .subtreeMismatch)
        #expect(pushed.problem?.position == 25)
    }

    @Test("reordered entries are found", arguments: StoreFixture.all)
    func reordered(fixture: StoreFixture) async throws {
        let report = try await Self.audit(fixture) { editor, _ in try await editor.swap(21, 22) }
        #expect(report.problem?.kind == .subtreeMismatch)
        #expect(report.problem?.position == 21)
    }

    @Test("an edited subtree hash or tree head is found", arguments: StoreFixture.all)
    func editedTree(fixture: StoreFixture) async throws {
        let node = try await Self.audit(fixture) { editor, _ in
            try await editor.setNodeHash(NodeID(level: 2, index: 3), to: [UInt8](repeating: 0, count: 32))
        }
        #expect(node.problem?.kind == .subtreeMismatch)
        #expect(node.problem?.position == 15)

        let head = try await Self.audit(fixture) { editor, _ in try await editor.setHeadRoot(TreeHasher.emptyRoot) }
        #expect(head.problem?.kind == .headMismatch)
    }

    @Test("a checkpoint with a bad signature or a changed root is found", arguments: StoreFixture.all)
    func editedCheckpoints(fixture: StoreFixture) async throws {
        let forged = try await Self.audit(fixture) { editor, stores in
            let stored = try #require(try await stores.ledger.ledgerCheckpoints(fromSize: 20, limit: 1).first)
            var note = try SignedNote(parsing: stored.note)
            note.signatures[0].signature[0] ^= 1
            try await editor.setCheckpointNote(size: 20, to: note.serialized)
        }
        #expect(forged.problem?.kind == .checkpointSignature)
        #expect(forged.problem?.position == 20)

        let column = try await Self.audit(fixture) { editor, _ in
            try await editor.setCheckpointRoot(size: 30, to: [UInt8](repeating: 9, count: 32))
        }
        #expect(column.problem?.kind == .checkpointMismatch)
        #expect(column.problem?.position == 30)
    }

    @Test(
        "a rewrite that recomputes every stored hash still contradicts the signed checkpoints",
        arguments: StoreFixture.all)
    func rewrittenHistory(fixture: StoreFixture) async throws {
        let report = try await Self.audit(fixture) { editor, stores in
            var entries = (0..<40).map(LedgerSample.entry)
            entries[25].actor = "organisation:99"
            var range = CompactRange()
            var nodes: [(NodeID, LedgerHash)] = []
            for entry in entries { range.append(try entry.leafHash()) { nodes.append(($0, $1)) } }
            try await editor.setText(.actor, of: 25, to: entries[25].actor)
            try await editor.setLeafHash(of: 25, to: try entries[25].leafHash())
            for (node, hash) in nodes { try await editor.setNodeHash(node, to: hash.bytes) }
            try await editor.setHeadRoot(range.root)
        }
        #expect(report.problem?.kind == .checkpointMismatch)
        #expect(report.problem?.position == 30)
        #expect(report.problem?.message.contains("rewritten") == true)
    }
}
