public import Foundation

/// A signed checkpoint as stored: its size and root (for lookups) beside the full signed note
/// (the thing published and verified).
public struct StoredCheckpoint: Sendable, Hashable {
    /// The checkpoint's tree size.
    public var treeSize: UInt64
    /// The checkpoint's root hash bytes.
    public var rootHash: [UInt8]
    /// The signed note text.
    public var note: String
    /// When the log signed it.
    public var signedAt: Date

    /// A stored checkpoint from its parts.
    public init(treeSize: UInt64, rootHash: [UInt8], note: String, signedAt: Date) {
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.note = note
        self.signedAt = signedAt
    }

    /// The stored form of a checkpoint signed now.
    public init(_ checkpoint: Checkpoint, note: SignedNote, signedAt: Date = Date()) {
        self.init(
            treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash.bytes, note: note.serialized,
            signedAt: signedAt)
    }
}
