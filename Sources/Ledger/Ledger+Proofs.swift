/// Reading the log through the service: the same as `LedgerReader` over its store. These do not
/// touch the actor's state, so they run concurrently with appends and with each other.
extension Ledger {
    /// A reader of the log's store.
    public nonisolated var reader: LedgerReader { LedgerReader(store: store) }

    /// The current tree head.
    public nonisolated func treeHead() async throws -> TreeHead { try await reader.treeHead() }

    /// The root of the tree of the first `size` leaves.
    public nonisolated func root(size: UInt64) async throws -> LedgerHash { try await reader.root(size: size) }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves (default: the current tree).
    public nonisolated func inclusionProof(index: UInt64, size: UInt64? = nil) async throws -> InclusionProof {
        try await reader.inclusionProof(index: index, size: size)
    }

    /// The consistency proof from the tree of `first` leaves to that of `second` (default: current).
    public nonisolated func consistencyProof(from first: UInt64, to second: UInt64? = nil) async throws
        -> ConsistencyProof
    {
        try await reader.consistencyProof(from: first, to: second)
    }
}
