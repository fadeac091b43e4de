/// Walks a page's stored subtree hashes, sorted by storage key, alongside the subtrees the
/// recomputed tree completes, which come in the same order: one comparison per subtree, no
/// lookups.
struct StoredNodeCursor {
    /// How a completed subtree compares with what is stored.
    enum Match {
        /// Stored with the same hash.
        case same
        /// Stored with another hash.
        case different
        /// Not stored.
        case missing
        /// A stored hash that comes before it and no subtree accounts for.
        case stray(StoredNode)
    }

    /// The stored hashes, by key.
    private let nodes: [StoredNode]
    /// The first one not yet matched.
    private var position = 0

    /// A cursor at the first of some stored hashes sorted by key.
    init(_ nodes: [StoredNode]) { self.nodes = nodes }

    /// Compares the next completed subtree with the stored hashes.
    mutating func match(_ node: NodeID, hash: LedgerHash) -> Match {
        let key = node.storageKey
        guard position < nodes.count else { return .missing }
        let stored = nodes[position]
        if stored.storageKey < key { return .stray(stored) }
        guard stored.storageKey == key else { return .missing }
        position += 1
        return (try? LedgerHash(bytes: stored.hash)) == hash ? .same : .different
    }

    /// The first stored hash no subtree matched, once the page is done.
    var leftover: StoredNode? { position < nodes.count ? nodes[position] : nil }
}
