public import Foundation

/// What a witness remembers about one log between runs: the log's pinned key and the last
/// checkpoint it accepted, with its own cosignature. Saved as JSON (see `LedgerWitness`).
public struct WitnessState: Sendable, Hashable, Codable {
    /// The log's note verifier key, pinned at the first checkpoint accepted.
    public var logKey: String
    /// The log's origin.
    public var origin: String
    /// The accepted tree size.
    public var treeSize: UInt64
    /// The accepted root hash.
    public var rootHash: LedgerHash
    /// The accepted checkpoint, signed by the log and cosigned by the witness.
    public var cosignedNote: String
    /// When it was accepted.
    public var acceptedAt: Date

    /// A state from its parts.
    public init(
        logKey: String, origin: String, treeSize: UInt64, rootHash: LedgerHash, cosignedNote: String, acceptedAt: Date
    ) {
        self.logKey = logKey
        self.origin = origin
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.cosignedNote = cosignedNote
        self.acceptedAt = acceptedAt
    }
}
