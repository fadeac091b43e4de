/// Where the log lives. Implemented for SQLite and PostgreSQL in module Storage (and in memory by
/// `MemoryLedgerStore`); all of them pass the same conformance suite.
///
/// The store keeps, besides the entries, every complete subtree hash (level 1 and up; level 0 is
/// each entry's leaf hash), so any proof reads O(log n) stored hashes; a tree head row (size and
/// root) that orders appends; and the signed checkpoints.
public protocol LedgerStore: Sendable {
    /// Appends leaves after the last one in one transaction: the entries, the complete subtrees
    /// they finish, and the new tree head, or none of it. Concurrent callers (other processes
    /// included) are serialised on the tree head. Returns the positions given and the new head.
    func appendLedgerLeaves(_ leaves: [LedgerLeaf]) async throws -> LedgerAppend

    /// The tree head written by the last append (size 0 and the empty root before any).
    func ledgerTreeHead() async throws -> TreeHead

    /// The hashes of complete subtrees, in the order asked; level 0 nodes are leaf hashes.
    /// Throws `LedgerError.missingNode` for one the store does not hold.
    func ledgerNodeHashes(_ nodes: [NodeID]) async throws -> [LedgerHash]

    /// Up to `limit` stored entries with positions from `start` on, in position order, exactly as
    /// stored (so an audit sees gaps and edits).
    func ledgerLeaves(from start: UInt64, limit: Int) async throws -> [StoredLedgerLeaf]

    /// The stored subtree hashes (level 1 and up) completed by a run of leaves, in storage-key
    /// order (see `NodeID.storageKey`), exactly as stored.
    func ledgerNodes(completedBy leaves: Range<UInt64>) async throws -> [StoredNode]

    /// Stores a signed checkpoint; storing one for a size already stored does nothing. The write
    /// is durable before it returns, and so are all appends before it.
    func storeLedgerCheckpoint(_ checkpoint: StoredCheckpoint) async throws

    /// The checkpoint with the largest tree size, if any.
    func latestLedgerCheckpoint() async throws -> StoredCheckpoint?

    /// Up to `limit` checkpoints with tree sizes of at least `minimumSize`, by size.
    func ledgerCheckpoints(fromSize minimumSize: UInt64, limit: Int) async throws -> [StoredCheckpoint]
}
