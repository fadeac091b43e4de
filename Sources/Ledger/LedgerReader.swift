/// Reading the log without its key: tree heads, roots at past sizes, leaf hashes and proofs.
/// Everything it returns is checkable by the reader against a signed checkpoint, so anyone with
/// read access to the store may serve it.
public struct LedgerReader: Sendable {
    /// Where the log lives.
    public let store: any LedgerStore

    /// A reader of a store.
    public init(store: any LedgerStore) { self.store = store }

    /// The current tree head.
    public func treeHead() async throws -> TreeHead {
        try await store.ledgerTreeHead()
    }

    /// The root of the tree of the first `size` leaves, from at most one stored hash per level.
    public func root(size: UInt64) async throws -> LedgerHash {
        _ = try await resolve(size)
        guard size > 0 else { return TreeHasher.emptyRoot }
        return try await ProofPlan.root(size: size).hashes(fetch: { try await store.ledgerNodeHashes($0) })[0]
    }

    /// The stored hash of leaf `index`.
    public func leafHash(index: UInt64) async throws -> LedgerHash {
        try await store.ledgerNodeHashes([NodeID(level: 0, index: index)])[0]
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves (default: the current tree).
    public func inclusionProof(index: UInt64, size: UInt64? = nil) async throws -> InclusionProof {
        let size = try await resolve(size)
        let plan = try ProofPlan.inclusion(index: index, size: size)
        let hashes = try await plan.hashes(fetch: { try await store.ledgerNodeHashes($0) })
        return InclusionProof(leafIndex: index, treeSize: size, hashes: hashes)
    }

    /// The consistency proof from the tree of `first` leaves to that of `second` (default: the
    /// current tree).
    public func consistencyProof(from first: UInt64, to second: UInt64? = nil) async throws -> ConsistencyProof {
        let second = try await resolve(second)
        let plan = try ProofPlan.consistency(first: first, second: second)
        let hashes = try await plan.hashes(fetch: { try await store.ledgerNodeHashes($0) })
        return ConsistencyProof(firstSize: first, secondSize: second, hashes: hashes)
    }

    /// A requested size, or the current one; `sizeBeyondTree` when the log is smaller.
    private func resolve(_ size: UInt64?) async throws -> UInt64 {
        let head = try await store.ledgerTreeHead()
        guard let size else { return head.size }
        guard size <= head.size else { throw LedgerError.sizeBeyondTree(size: size, treeSize: head.size) }
        return size
    }
}
