/// A log checkpoint (c2sp.org/tlog-checkpoint): the body of a signed note naming the log, its
/// size and its root hash, one per line:
///
///     qualityloop.local/ledger
///     20852163
///     CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
public struct Checkpoint: Sendable, Hashable, Codable {
    /// The log's identity, which is also its signing key's name.
    public var origin: String
    /// The number of leaves.
    public var treeSize: UInt64
    /// The Merkle tree hash of those leaves.
    public var rootHash: LedgerHash

    /// A checkpoint from its parts.
    public init(origin: String, treeSize: UInt64, rootHash: LedgerHash) {
        self.origin = origin
        self.treeSize = treeSize
        self.rootHash = rootHash
    }

    /// The note text: origin, decimal size and base64 root, each followed by a newline.
    public var text: String { "\(origin)\n\(treeSize)\n\(rootHash.base64)\n" }

    /// Parses a note text. Extension lines after the root are refused: this log never writes
    /// them, and a verifier cannot audit them.
    public init(text: String) throws(LedgerError) {
        guard text.hasSuffix("\n") else { throw .malformedCheckpoint("the text must end with a newline") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3 else {
            throw .malformedCheckpoint("expected origin, size and root lines, got \(lines.count) lines")
        }
        let origin = String(lines[0])
        guard !origin.isEmpty else { throw .malformedCheckpoint("the origin is empty") }
        let sizeText = lines[1]
        guard let size = UInt64(sizeText), sizeText.allSatisfy(\.isASCII), String(size) == sizeText else {
            throw .malformedCheckpoint("the size must be decimal without leading zeros")
        }
        guard let root = LedgerHash(base64: String(lines[2])), root.base64 == lines[2] else {
            throw .malformedCheckpoint("the root must be base64 of 32 bytes")
        }
        self.init(origin: origin, treeSize: size, rootHash: root)
    }

    /// Signs the checkpoint with the log's key, giving the note to publish.
    public func signed(by signer: NoteSigner) throws -> SignedNote {
        SignedNote(text: text, signatures: [try signer.sign(text: text)])
    }

    /// Opens a signed checkpoint: parses the note, checks a signature by the log's key, and
    /// checks that the origin is the key's name. Other (witness) signatures are ignored here.
    public static func open(_ note: String, verifier: NoteVerifierKey) throws(LedgerError) -> Checkpoint {
        let signed = try SignedNote(parsing: note)
        try signed.verify(trusting: [verifier])
        let checkpoint = try Checkpoint(text: signed.text)
        guard checkpoint.origin == verifier.name else {
            throw .wrongOrigin(expected: verifier.name, found: checkpoint.origin)
        }
        return checkpoint
    }
}
