import Ledger

/// A store that passes everything through to another but alters what is read back, the way an
/// edited database would look to an audit.
struct TamperingStore: LedgerStore {
    /// The untouched log.
    let base: any LedgerStore
    /// Alters each page of entries read.
    var leaves: @Sendable ([StoredLedgerLeaf]) -> [StoredLedgerLeaf] = { $0 }
    /// Alters the subtree hashes read for a run of leaves.
    var nodes: @Sendable (Range<UInt64>, [StoredNode]) -> [StoredNode] = { $1 }
    /// Alters the tree head read.
    var head: @Sendable (TreeHead) -> TreeHead = { $0 }
    /// Alters the checkpoints read.
    var checkpoints: @Sendable ([StoredCheckpoint]) -> [StoredCheckpoint] = { $0 }

    func appendLedgerLeaves(_ leaves: [LedgerLeaf]) async throws -> LedgerAppend {
        try await base.appendLedgerLeaves(leaves)
    }

    func ledgerTreeHead() async throws -> TreeHead { head(try await base.ledgerTreeHead()) }

    func ledgerNodeHashes(_ nodes: [NodeID]) async throws -> [LedgerHash] { try await base.ledgerNodeHashes(nodes) }

    func ledgerLeaves(from start: UInt64, limit: Int) async throws -> [StoredLedgerLeaf] {
        leaves(try await base.ledgerLeaves(from: start, limit: limit))
    }

    func ledgerNodes(completedBy leaves: Range<UInt64>) async throws -> [StoredNode] {
        nodes(leaves, try await base.ledgerNodes(completedBy: leaves))
    }

    func storeLedgerCheckpoint(_ checkpoint: StoredCheckpoint) async throws {
        try await base.storeLedgerCheckpoint(checkpoint)
    }

    func latestLedgerCheckpoint() async throws -> StoredCheckpoint? {
        checkpoints([try await base.latestLedgerCheckpoint()].compactMap { $0 }).last
    }

    func ledgerCheckpoints(fromSize minimumSize: UInt64, limit: Int) async throws -> [StoredCheckpoint] {
        checkpoints(try await base.ledgerCheckpoints(fromSize: minimumSize, limit: limit))
    }
}
