/// A `LedgerStore` in memory, for tests and tools that need a log without a database. It keeps
/// the same tables as the database stores and follows the same rules.
public actor MemoryLedgerStore: LedgerStore {
    /// Entries by position.
    private var leaves: [StoredLedgerLeaf] = []
    /// Complete subtree hashes of level 1 and up.
    private var nodes: [NodeID: LedgerHash] = [:]
    /// The last append's tree head.
    private var head = TreeHead.empty
    /// Checkpoints by tree size.
    private var checkpoints: [UInt64: StoredCheckpoint] = [:]

    /// An empty log.
    public init() {}

    /// Appends a batch and its subtrees in one step of the actor.
    public func appendLedgerLeaves(_ batch: [LedgerLeaf]) throws -> LedgerAppend {
        let edgeNodes = CompactRange.nodes(forSize: head.size)
        let edge = try CompactRange(size: head.size, hashes: try hashes(edgeNodes))
        let plan = LedgerAppendPlan(appending: batch, to: edge)
        for (offset, leaf) in batch.enumerated() {
            leaves.append(StoredLedgerLeaf(index: plan.indices.lowerBound + UInt64(offset), leaf: leaf))
        }
        for (node, hash) in plan.nodes { nodes[node] = hash }
        head = plan.head
        return plan.outcome
    }

    /// The last append's tree head.
    public func ledgerTreeHead() -> TreeHead { head }

    /// Stored hashes by node; leaf hashes for level 0.
    public func ledgerNodeHashes(_ wanted: [NodeID]) throws -> [LedgerHash] {
        try hashes(wanted)
    }

    /// Stored entries from a position.
    public func ledgerLeaves(from start: UInt64, limit: Int) -> [StoredLedgerLeaf] {
        guard start < UInt64(leaves.count) else { return [] }
        return Array(leaves[Int(start)..<min(leaves.count, Int(start) + limit)])
    }

    /// Stored subtree hashes completed by a run of leaves.
    public func ledgerNodes(completedBy leaves: Range<UInt64>) -> [StoredNode] {
        let keys = NodeID.storageKeys(completedBy: leaves)
        return nodes.filter { keys.contains($0.key.storageKey) }
            .map { StoredNode(node: $0.key, hash: $0.value.bytes) }
            .sorted { $0.storageKey < $1.storageKey }
    }

    /// Stores a checkpoint unless one of its size exists.
    public func storeLedgerCheckpoint(_ checkpoint: StoredCheckpoint) {
        if checkpoints[checkpoint.treeSize] == nil { checkpoints[checkpoint.treeSize] = checkpoint }
    }

    /// The largest checkpoint.
    public func latestLedgerCheckpoint() -> StoredCheckpoint? {
        checkpoints.max { $0.key < $1.key }?.value
    }

    /// Checkpoints from a size on.
    public func ledgerCheckpoints(fromSize minimumSize: UInt64, limit: Int) -> [StoredCheckpoint] {
        Array(
            checkpoints.values.filter { $0.treeSize >= minimumSize }.sorted { $0.treeSize < $1.treeSize }.prefix(limit))
    }

    /// The stored hashes of some nodes.
    private func hashes(_ wanted: [NodeID]) throws -> [LedgerHash] {
        try wanted.map { node in
            if node.level == 0 {
                guard node.index < UInt64(leaves.count) else { throw LedgerError.missingNode(node) }
                return try LedgerHash(bytes: leaves[Int(node.index)].leafHash)
            }
            guard let hash = nodes[node] else { throw LedgerError.missingNode(node) }
            return hash
        }
    }
}
