/// The right edge of a growing tree: the hashes of the complete subtrees that together cover
/// leaves `0 ..< size`, one per set bit of `size`, largest first. That is all an append needs to
/// know about the past (at most 64 hashes), and folding it gives the tree's root.
public struct CompactRange: Sendable, Equatable {
    /// The number of leaves covered.
    public private(set) var size: UInt64
    /// The complete subtrees' hashes, left to right (largest subtree first).
    public private(set) var hashes: [LedgerHash]

    /// The range of the empty tree.
    public init() {
        size = 0
        hashes = []
    }

    /// The range of a tree of `size` leaves from the hashes of `nodes(forSize: size)`, in that order.
    public init(size: UInt64, hashes: [LedgerHash]) throws(LedgerError) {
        guard hashes.count == size.nonzeroBitCount else {
            throw .corruptTree(
                "a tree of \(size) leaves has \(size.nonzeroBitCount) edge subtrees, got \(hashes.count)")
        }
        self.size = size
        self.hashes = hashes
    }

    /// The complete subtrees on the right edge of a tree of `size` leaves, left to right.
    public static func nodes(forSize size: UInt64) -> [NodeID] {
        TreeShape.completeNodes(covering: 0..<size)
    }

    /// Appends a leaf hash, reporting every subtree the leaf completes (level 1 and up, lowest
    /// first) so that a store can keep it.
    public mutating func append(_ leafHash: LedgerHash, completed: (NodeID, LedgerHash) -> Void = { _, _ in }) {
        let leafIndex = size
        var hash = leafHash
        var level = 0
        while (leafIndex >> UInt64(level)) & 1 == 1 {
            hash = TreeHasher.nodeHash(hashes.removeLast(), hash)
            level += 1
            completed(NodeID(level: level, index: leafIndex >> UInt64(level)), hash)
        }
        hashes.append(hash)
        size += 1
    }

    /// The Merkle tree hash of the leaves covered: the right fold of the edge subtrees
    /// (RFC 9162 §2.1.1), or the empty-tree hash.
    public var root: LedgerHash {
        guard var root = hashes.last else { return TreeHasher.emptyRoot }
        for hash in hashes.dropLast().reversed() {
            root = TreeHasher.nodeHash(hash, root)
        }
        return root
    }
}
