/// The stored hashes a proof or a root needs, and how to fold them.
///
/// Each hash a proof carries is MTH of one RFC 9162 subtree; each subtree is the right fold of at
/// most one complete (stored) subtree per level. A plan lists every stored node once, so a store
/// answers it in one round trip of O(log n) point reads, however large the log.
public struct ProofPlan: Sendable {
    /// The subtrees whose hashes are wanted, in output order.
    public let subtrees: [Range<UInt64>]
    /// The complete subtrees making up each wanted subtree, left to right.
    private let parts: [[NodeID]]
    /// Every stored node the plan reads, each once, in key order.
    public let nodes: [NodeID]

    /// A plan for the hashes of some subtrees.
    init(subtrees: [Range<UInt64>]) {
        self.subtrees = subtrees
        parts = subtrees.map { TreeShape.completeNodes(covering: $0) }
        nodes = Set(parts.joined()).sorted()
    }

    /// The plan of the inclusion proof of leaf `index` in the tree of `size` leaves.
    public static func inclusion(index: UInt64, size: UInt64) throws(LedgerError) -> ProofPlan {
        guard index < size else { throw .leafIndexOutOfRange(index: index, size: size) }
        return ProofPlan(subtrees: TreeShape.inclusionPath(index: index, size: size))
    }

    /// The plan of the consistency proof from the tree of `first` leaves to that of `second`.
    public static func consistency(first: UInt64, second: UInt64) throws(LedgerError) -> ProofPlan {
        guard first <= second else { throw .treeSizesOutOfOrder(first: first, second: second) }
        guard first > 0 else { throw .consistencyFromEmptyTree }
        return ProofPlan(subtrees: TreeShape.consistencyPath(first: first, second: second))
    }

    /// The plan of the root of the tree of `size` leaves (one subtree, or none when empty).
    public static func root(size: UInt64) -> ProofPlan {
        ProofPlan(subtrees: size == 0 ? [] : [0..<size])
    }

    /// The wanted hashes from the hashes of `nodes`, given in the same order.
    public func hashes(from nodeHashes: [LedgerHash]) throws(LedgerError) -> [LedgerHash] {
        guard nodeHashes.count == nodes.count else {
            throw .corruptTree("asked for \(nodes.count) stored hashes, got \(nodeHashes.count)")
        }
        var known: [NodeID: LedgerHash] = [:]
        known.reserveCapacity(nodes.count)
        for (node, hash) in zip(nodes, nodeHashes) { known[node] = hash }
        return parts.map { part in
            var hash = known[part[part.count - 1]]!
            for node in part.dropLast().reversed() {
                hash = TreeHasher.nodeHash(known[node]!, hash)
            }
            return hash
        }
    }

    /// Reads the plan's nodes through `fetch` and folds them.
    public func hashes(
        fetch: ([NodeID]) async throws -> [LedgerHash]
    ) async throws -> [LedgerHash] {
        guard !nodes.isEmpty else { return [] }
        return try hashes(from: try await fetch(nodes))
    }
}
