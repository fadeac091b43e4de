/// What an audit checked and the first inconsistency it found, if any.
public struct LedgerAuditReport: Sendable, Hashable, Codable {
    /// The size recorded in the tree head.
    public var treeSize: UInt64
    /// The root recomputed from the entries read.
    public var root: LedgerHash
    /// Entries re-encoded and hashed.
    public var entriesChecked: UInt64
    /// Stored subtree hashes compared.
    public var nodesChecked: UInt64
    /// Signed checkpoints verified.
    public var checkpointsChecked: Int
    /// The first inconsistency, or `nil` when the log is intact.
    public var problem: LedgerProblem?

    /// Whether the log is intact.
    public var isClean: Bool { problem == nil }
}
