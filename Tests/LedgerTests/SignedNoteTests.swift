import Foundation
import Ledger
import Testing

/// Signed notes, keys and checkpoints against the signed-note and checkpoint specifications and
/// the Go reference implementation's published example key and signature.
@Suite("Signed notes and checkpoints")
struct SignedNoteTests {
    /// golang.org/x/mod/sumdb/note's example verifier key.
    static let goVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    /// Its signer key.
    static let goSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    /// The example text.
    static let goText =
        "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    /// The example note, as published.
    static let goNote =
        goText
        + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    @Test("the Go example key parses, and its key ID is SHA-256(name ‖ LF ‖ 0x01 ‖ key)[:4]")
    func goKeys() throws {
        let verifier = try NoteVerifierKey(parsing: Self.goVerifierKey)
        let signer = try NoteSigner(parsing: Self.goSignerKey)
        #expect(verifier.name == "PeterNeumann")
        #expect(verifier.keyID == 0xc74f_20a3)
        #expect(signer.verifierKey == verifier)
        #expect(verifier.description == Self.goVerifierKey)
        #expect(signer.signerKeyString == Self.goSignerKey)
        let recomputed = LedgerHash.sha256(of: Array("PeterNeumann\n".utf8) + [0x01] + verifier.publicKey).bytes
        #expect(recomputed.prefix(4) == [0xc7, 0x4f, 0x20, 0xa3])
    }

    @Test("the Go example note verifies, and signing it again gives the published signature")
    func goNote() throws {
        let verifier = try NoteVerifierKey(parsing: Self.goVerifierKey)
        let note = try SignedNote(parsing: Self.goNote)
        #expect(note.text == Self.goText)
        #expect(try note.verify(trusting: [verifier]) == [verifier])
        #expect(note.serialized == Self.goNote)
        let signature = try NoteSigner(parsing: Self.goSignerKey).sign(text: Self.goText)
        #expect(verifier.verifies(signature, text: Self.goText))
        #if !canImport(Darwin)
            // Ed25519 is deterministic (RFC 8032); CryptoKit on Apple platforms randomises it.
            #expect(signature == note.signatures[0])
        #endif
    }

    @Test("a changed text, an unknown key or a mangled key string is refused")
    func refusals() throws {
        let verifier = try NoteVerifierKey(parsing: Self.goVerifierKey)
        let altered = try SignedNote(
            parsing: Self.goNote.replacingOccurrences(of: "cryptography", with: "cryptographY"))
        #expect(throws: LedgerError.badSignature(keyName: "PeterNeumann")) { try altered.verify(trusting: [verifier]) }
        let other = try NoteSigner.generate(name: "PeterNeumann").verifierKey
        #expect(throws: LedgerError.noTrustedSignature) {
            try SignedNote(parsing: Self.goNote).verify(trusting: [other])
        }
        let key = Array(Self.goVerifierKey)
        for position in key.indices where key[position] != "+" {
            var mangled = key
            mangled[position] = mangled[position] == "A" ? "B" : "A"
            #expect(throws: LedgerError.self, "\(String(mangled))") { try NoteVerifierKey(parsing: String(mangled)) }
        }
        #expect(throws: LedgerError.self) { try NoteVerifierKey(parsing: String(Self.goVerifierKey.dropLast())) }
        #expect(throws: LedgerError.self) { try NoteVerifierKey(parsing: "Peter Neumann+c74f20a3+AAAA") }
    }

    @Test("malformed notes are refused")
    func malformedNotes() {
        let signature =
            "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        for note in [
            Self.goText + signature,  // no blank line
            Self.goText + "\n",  // no signature
            Self.goText + "\n" + signature.dropLast(),  // no final newline
            Self.goText + "\n" + signature.replacingOccurrences(of: "— ", with: "- "),
            Self.goText + "\n— PeterNeumann !!!\n",
            "text\twith a tab\n\n" + signature,
        ] {
            #expect(throws: LedgerError.self, "\(note)") { try SignedNote(parsing: note) }
        }
    }

    @Test("witnesses add signatures; each trusted key is checked and unknown ones are ignored")
    func cosignatures() throws {
        let log = try NoteSigner.generate(name: "qualityloop.test/log")
        let witness = try NoteSigner.generate(name: "witness.test/w1")
        let stranger = try NoteSigner.generate(name: "stranger.test")
        let checkpoint = Checkpoint(origin: log.name, treeSize: 5, rootHash: TreeTests.leafHashes[0])
        let note = try checkpoint.signed(by: log).adding(signatureBy: stranger).adding(signatureBy: witness)

        let parsed = try SignedNote(parsing: note.serialized)

        #expect(parsed.signatures.count == 3)
        #expect(
            try parsed.verify(trusting: [log.verifierKey, witness.verifierKey]) == [
                log.verifierKey, witness.verifierKey,
            ])
        #expect(try Checkpoint.open(note.serialized, verifier: log.verifierKey) == checkpoint)
        #expect(throws: LedgerError.wrongOrigin(expected: witness.name, found: log.name)) {
            try Checkpoint.open(note.serialized, verifier: witness.verifierKey)
        }
    }

    @Test("checkpoints are origin, decimal size and base64 root, and nothing else")
    func checkpointText() throws {
        let root = TreeTests.leafHashes[1]
        let checkpoint = Checkpoint(origin: "qualityloop.test/log", treeSize: 20_852_163, rootHash: root)
        #expect(checkpoint.text == "qualityloop.test/log\n20852163\n\(root.base64)\n")
        #expect(try Checkpoint(text: checkpoint.text) == checkpoint)
        for text in [
            "qualityloop.test/log\n020852163\n\(root.base64)\n",
            "qualityloop.test/log\n-1\n\(root.base64)\n",
            "qualityloop.test/log\n5\nZG9uJ3QgY2FyZSAx\n",
            "qualityloop.test/log\n5\n\(root.base64)",
            "\n5\n\(root.base64)\n",
            "qualityloop.test/log\n5\n\(root.base64)\nextension\n",
        ] {
            #expect(throws: LedgerError.self, "\(text)") { try Checkpoint(text: text) }
        }
    }

    @Test("a checkpoint from another origin is refused even when the key verifies")
    func wrongOrigin() throws {
        let signer = try NoteSigner.generate(name: "qualityloop.test/log")
        let foreign = Checkpoint(origin: "elsewhere.test/log", treeSize: 1, rootHash: TreeTests.leafHashes[0])
        let note = try foreign.signed(by: signer).serialized
        #expect(throws: LedgerError.wrongOrigin(expected: "qualityloop.test/log", found: "elsewhere.test/log")) {
            try Checkpoint.open(note, verifier: signer.verifierKey)
        }
    }
}
