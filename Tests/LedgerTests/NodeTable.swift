import Ledger

/// Every complete subtree hash of a tree of leaf hashes, as a store would hold them, built with
/// `CompactRange` the way appends build them.
struct NodeTable {
    /// Hashes by node, level 0 included.
    private(set) var hashes: [NodeID: LedgerHash] = [:]
    /// The right edge after the last leaf.
    private(set) var range = CompactRange()

    /// The table of some leaf hashes.
    init(leafHashes: [LedgerHash]) {
        for hash in leafHashes { append(hash) }
    }

    /// Appends one leaf hash.
    mutating func append(_ leafHash: LedgerHash) {
        hashes[NodeID(level: 0, index: range.size)] = leafHash
        var completed: [(NodeID, LedgerHash)] = []
        range.append(leafHash) { completed.append(($0, $1)) }
        for (node, hash) in completed { hashes[node] = hash }
    }

    /// The hashes a plan needs, as a store would return them; fails the test on a missing node.
    func hashes(for plan: ProofPlan) throws -> [LedgerHash] {
        try plan.hashes(
            from: plan.nodes.map { node in
                guard let hash = hashes[node] else { throw LedgerError.missingNode(node) }
                return hash
            })
    }
}
