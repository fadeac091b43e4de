/// What appending a batch writes, worked out from the tree's right edge: the leaves' positions,
/// the complete subtrees they finish (level 1 and up) and the new tree head. Every store runs
/// the same plan inside its append transaction, so the backends cannot disagree on the tree.
public struct LedgerAppendPlan: Sendable {
    /// The positions the leaves take.
    public let indices: Range<UInt64>
    /// The complete subtrees the leaves finish, in the order they complete.
    public let nodes: [(node: NodeID, hash: LedgerHash)]
    /// The tree head after the batch.
    public let head: TreeHead

    /// Plans appending leaves to the tree whose right edge is `edge`.
    public init(appending leaves: [LedgerLeaf], to edge: CompactRange) {
        var range = edge
        var nodes: [(node: NodeID, hash: LedgerHash)] = []
        nodes.reserveCapacity(leaves.count)
        for leaf in leaves {
            range.append(leaf.hash) { node, hash in nodes.append((node, hash)) }
        }
        indices = edge.size..<range.size
        self.nodes = nodes
        head = TreeHead(size: range.size, root: range.root)
    }

    /// The outcome to report once the plan is committed.
    public var outcome: LedgerAppend { LedgerAppend(indices: indices, head: head) }
}
