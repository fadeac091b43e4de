/// A stored complete-subtree hash, read back as stored.
public struct StoredNode: Sendable, Hashable {
    /// The stored key (see `NodeID.storageKey`).
    public var storageKey: Int64
    /// The subtree the key names, or `nil` for a key no subtree has.
    public var node: NodeID? { NodeID(storageKey: storageKey) }
    /// The stored hash bytes (32 unless the row was tampered with).
    public var hash: [UInt8]

    /// A stored node from its parts.
    public init(storageKey: Int64, hash: [UInt8]) {
        self.storageKey = storageKey
        self.hash = hash
    }

    /// A stored node of a subtree.
    public init(node: NodeID, hash: [UInt8]) {
        self.init(storageKey: node.storageKey, hash: hash)
    }
}
