/// A tree size and its root hash.
public struct TreeHead: Sendable, Hashable, Codable {
    /// The number of leaves.
    public var size: UInt64
    /// The Merkle tree hash of those leaves.
    public var root: LedgerHash

    /// A tree head from its parts.
    public init(size: UInt64, root: LedgerHash) {
        self.size = size
        self.root = root
    }

    /// The head of the empty tree.
    public static let empty = TreeHead(size: 0, root: TreeHasher.emptyRoot)
}
