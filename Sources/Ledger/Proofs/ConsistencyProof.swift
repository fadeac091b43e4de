/// Proof that the tree of `firstSize` leaves is a prefix of the tree of `secondSize` leaves:
/// history was only appended to, never rewritten (RFC 9162 §2.1.4).
public struct ConsistencyProof: Sendable, Hashable, Codable {
    /// The older tree's size.
    public var firstSize: UInt64
    /// The newer tree's size.
    public var secondSize: UInt64
    /// The proof's subtree hashes.
    public var hashes: [LedgerHash]

    /// A proof from its parts.
    public init(firstSize: UInt64, secondSize: UInt64, hashes: [LedgerHash]) {
        self.firstSize = firstSize
        self.secondSize = secondSize
        self.hashes = hashes
    }

    /// Checks the proof against both trees' roots; throws what failed.
    public func verify(firstRoot: LedgerHash, secondRoot: LedgerHash) throws(LedgerError) {
        try Self.verify(
            first: firstSize, second: secondSize, firstRoot: firstRoot, secondRoot: secondRoot, path: hashes)
    }

    /// The verification algorithm on raw byte strings: every hash must have exactly 32 bytes
    /// (`malformedHash` otherwise).
    public static func verify(
        first: UInt64, second: UInt64, firstRoot: [UInt8], secondRoot: [UInt8], path: [[UInt8]]
    ) throws(LedgerError) {
        let firstHash = try LedgerHash(bytes: firstRoot)
        let secondHash = try LedgerHash(bytes: secondRoot)
        var hashes: [LedgerHash] = []
        for element in path { hashes.append(try LedgerHash(bytes: element)) }
        try verify(first: first, second: second, firstRoot: firstHash, secondRoot: secondHash, path: hashes)
    }

    /// The verification algorithm of RFC 9162 §2.1.4.2, step by step.
    ///
    /// The RFC defines proofs for 0 < first < second. Equal sizes are consistent exactly when the
    /// roots are equal, with an empty proof. A first size of 0 is refused: every tree extends the
    /// empty one, so such a "proof" would prove nothing and is more likely a client's mistake.
    public static func verify(
        first: UInt64, second: UInt64, firstRoot: LedgerHash, secondRoot: LedgerHash, path: [LedgerHash]
    ) throws(LedgerError) {
        guard first <= second else { throw .treeSizesOutOfOrder(first: first, second: second) }
        guard first > 0 else { throw .consistencyFromEmptyTree }
        if first == second {
            guard path.isEmpty else { throw .proofTooLong }
            guard firstRoot == secondRoot else { throw .rootMismatch }
            return
        }
        // 1. A proof between different trees is never empty.
        guard !path.isEmpty else { throw .proofTooShort }
        // 2. When the old tree is a complete subtree, its root is the proof's first node.
        var nodes = path
        if first & (first - 1) == 0 { nodes.insert(firstRoot, at: 0) }
        // 3–4. fn and sn are the last positions of each tree; skip levels where the old tree's
        // last node is a right child, which the first node already covers.
        var fn = first - 1
        var sn = second - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // 5. fr rebuilds the old root, sr the new one, from the same starting node.
        var fr = nodes[0]
        var sr = nodes[0]
        // 6. Fold in each following node.
        for c in nodes.dropFirst() {
            guard sn != 0 else { throw .proofTooLong }
            if fn & 1 == 1 || fn == sn {
                fr = TreeHasher.nodeHash(c, fr)
                sr = TreeHasher.nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = TreeHasher.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        // 7. Both roots must come out, and the path must have reached the new root.
        guard sn == 0 else { throw .proofTooShort }
        guard fr == firstRoot else { throw .firstRootMismatch }
        guard sr == secondRoot else { throw .rootMismatch }
    }
}
