/// The shape of an RFC 9162 tree: which subtrees a proof names and which stored complete
/// subtrees make up each of them. Pure arithmetic on leaf positions; no hashing.
enum TreeShape {
    /// The largest power of two strictly less than `n` (for n ≥ 2): RFC 9162's split point `k`.
    static func split(_ n: UInt64) -> UInt64 {
        precondition(n >= 2, "only a tree of two or more leaves splits")
        return UInt64(1) << UInt64(63 - (n - 1).leadingZeroBitCount)
    }

    /// The complete subtrees that make up a range of leaves, left to right, each as large as
    /// alignment allows. For an RFC 9162 subtree (a range the recursive split produces) their
    /// right fold is the subtree's hash MTH(D[range]).
    static func completeNodes(covering range: Range<UInt64>) -> [NodeID] {
        var nodes: [NodeID] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let remaining = range.upperBound - start
            var level = 63 - remaining.leadingZeroBitCount
            if start != 0 { level = min(level, start.trailingZeroBitCount) }
            nodes.append(NodeID(level: level, index: start >> UInt64(level)))
            start += UInt64(1) << UInt64(level)
        }
        return nodes
    }

    /// The subtrees whose hashes form the inclusion proof of leaf `index` in the tree of `size`
    /// leaves, in proof order (RFC 9162 §2.1.3.1, PATH(m, D[n]): the leaf's sibling first).
    static func inclusionPath(index: UInt64, size: UInt64) -> [Range<UInt64>] {
        precondition(index < size, "the leaf is in the tree")
        var siblings: [Range<UInt64>] = []
        var low: UInt64 = 0
        var high = size
        while high - low > 1 {
            let k = split(high - low)
            if index < low + k {
                siblings.append((low + k)..<high)
                high = low + k
            } else {
                siblings.append(low..<(low + k))
                low += k
            }
        }
        return siblings.reversed()
    }

    /// The subtrees whose hashes form the consistency proof from the tree of `first` leaves to
    /// the tree of `second` (RFC 9162 §2.1.4.1, PROOF(m, D[n]) = SUBPROOF(m, D[n], true)), in
    /// proof order. Empty when the sizes are equal.
    static func consistencyPath(first: UInt64, second: UInt64) -> [Range<UInt64>] {
        precondition(first > 0 && first <= second, "consistency is defined for 0 < first ≤ second")
        var path: [Range<UInt64>] = []
        guard first < second else { return path }
        var low: UInt64 = 0
        var high = second
        var isWholeOldTree = true
        while true {
            if first == high {
                // SUBPROOF(m, D[m], b): the old tree's own root is known to the client; any other
                // subtree ending at `first` must be sent.
                if !isWholeOldTree { path.append(low..<high) }
                break
            }
            let k = split(high - low)
            if first <= low + k {
                path.append((low + k)..<high)
                high = low + k
            } else {
                path.append(low..<(low + k))
                low += k
                isWholeOldTree = false
            }
        }
        return path.reversed()
    }
}
