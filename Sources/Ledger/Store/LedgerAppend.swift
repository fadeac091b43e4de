/// The outcome of appending a batch: the positions its leaves were given, in order, and the tree
/// head after it.
public struct LedgerAppend: Sendable, Hashable {
    /// The positions of the batch's leaves.
    public var indices: Range<UInt64>
    /// The tree after the batch.
    public var head: TreeHead

    /// An outcome from its parts.
    public init(indices: Range<UInt64>, head: TreeHead) {
        self.indices = indices
        self.head = head
    }
}
