/// Proof that a leaf is in the tree of some size: the hashes of the subtrees beside the path
/// from the leaf to the root, leaf end first (RFC 9162 §2.1.3).
public struct InclusionProof: Sendable, Hashable, Codable {
    /// The leaf's position, from 0.
    public var leafIndex: UInt64
    /// The size of the tree the proof is for.
    public var treeSize: UInt64
    /// The audit path.
    public var hashes: [LedgerHash]

    /// A proof from its parts.
    public init(leafIndex: UInt64, treeSize: UInt64, hashes: [LedgerHash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// Checks the proof for a leaf hash against the root of the tree of `treeSize` leaves;
    /// throws what failed.
    public func verify(leafHash: LedgerHash, root: LedgerHash) throws(LedgerError) {
        try Self.verify(index: leafIndex, size: treeSize, leafHash: leafHash, path: hashes, root: root)
    }

    /// The verification algorithm of RFC 9162 §2.1.3.2, on raw byte strings: every hash must
    /// have exactly 32 bytes (`malformedHash` otherwise), so a truncated or padded proof element
    /// is refused before any hashing.
    public static func verify(
        index: UInt64, size: UInt64, leafHash: [UInt8], path: [[UInt8]], root: [UInt8]
    ) throws(LedgerError) {
        let leaf = try LedgerHash(bytes: leafHash)
        let root = try LedgerHash(bytes: root)
        var hashes: [LedgerHash] = []
        for element in path { hashes.append(try LedgerHash(bytes: element)) }
        try verify(index: index, size: size, leafHash: leaf, path: hashes, root: root)
    }

    /// The verification algorithm of RFC 9162 §2.1.3.2, step by step.
    public static func verify(
        index: UInt64, size: UInt64, leafHash: LedgerHash, path: [LedgerHash], root: LedgerHash
    ) throws(LedgerError) {
        // 1. The leaf must be in the tree.
        guard index < size else { throw .leafIndexOutOfRange(index: index, size: size) }
        // 2–3. fn is the leaf's position, sn the last position; r the running hash.
        var fn = index
        var sn = size - 1
        var r = leafHash
        // 4. Fold in each path element on the side the position says.
        for p in path {
            guard sn != 0 else { throw .proofTooLong }
            if fn & 1 == 1 || fn == sn {
                r = TreeHasher.nodeHash(p, r)
                if fn & 1 == 0 {
                    // A right-edge node with no sibling: climb until it is a right child.
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = TreeHasher.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        // 5. The path must reach the root exactly, and give its hash.
        guard sn == 0 else { throw .proofTooShort }
        guard r == root else { throw .rootMismatch }
    }
}
