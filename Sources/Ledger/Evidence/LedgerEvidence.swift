public import Foundation

/// Proof, checkable offline, that an entry is in the log: the entry's leaf data, its position,
/// a signed checkpoint and the inclusion proof of the leaf in the checkpoint's tree. Whoever
/// holds the log's verifier key needs nothing else, and no connection, to check it.
public struct LedgerEvidence: Sendable, Hashable, Codable {
    /// The leaf's position.
    public var leafIndex: UInt64
    /// The leaf data: the entry's canonical encoding (base64 in JSON).
    public var leafData: Data
    /// The signed checkpoint the proof leads to (signed-note text).
    public var checkpoint: String
    /// The inclusion proof's hashes, leaf end first, for the checkpoint's tree size.
    public var inclusionProof: [LedgerHash]

    /// Evidence from its parts.
    public init(leafIndex: UInt64, leafData: Data, checkpoint: String, inclusionProof: [LedgerHash]) {
        self.leafIndex = leafIndex
        self.leafData = leafData
        self.checkpoint = checkpoint
        self.inclusionProof = inclusionProof
    }

    /// The evidence of an entry at a position, from a proof for a checkpoint's tree size.
    public init(entry: LedgerEntry, proof: InclusionProof, checkpoint: String) throws(LedgerError) {
        self.init(
            leafIndex: proof.leafIndex, leafData: Data(try entry.canonicalEncoding()), checkpoint: checkpoint,
            inclusionProof: proof.hashes)
    }

    /// Checks the evidence: the checkpoint is signed by the log's key, the leaf data is a
    /// well-formed entry, and the proof leads from its leaf hash to the checkpoint's root.
    /// Returns the checkpoint and the entry; throws what failed.
    public func verify(trusting key: NoteVerifierKey) throws(LedgerError) -> (
        checkpoint: Checkpoint, entry: LedgerEntry
    ) {
        let opened = try Checkpoint.open(checkpoint, verifier: key)
        let entry = try LedgerEntry(canonicalEncoding: Array(leafData))
        let proof = InclusionProof(leafIndex: leafIndex, treeSize: opened.treeSize, hashes: inclusionProof)
        try proof.verify(leafHash: TreeHasher.leafHash(Array(leafData)), root: opened.rootHash)
        return (opened, entry)
    }
}
