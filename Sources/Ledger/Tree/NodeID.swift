/// A complete subtree of the log: the `index`-th run of 2^`level` leaves. Level 0 nodes are the
/// leaves themselves; node (level, index) covers leaves `index << level ..< (index + 1) << level`.
///
/// Only complete subtrees are ever stored: they never change once their last leaf is appended,
/// and every hash a proof needs is a fold of at most two per level of them.
public struct NodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Height above the leaves (0 for a leaf, at most 63).
    public let level: Int
    /// Position among the nodes of that level, from the left.
    public let index: UInt64

    /// The node at a level and index.
    public init(level: Int, index: UInt64) {
        precondition((0..<64).contains(level), "a node level is 0 to 63")
        self.level = level
        self.index = index
    }

    /// The key a store files the node under: the position of its last leaf times 64, plus its
    /// level. Appends complete subtrees in exactly this order (a leaf completes its subtrees
    /// lowest first), so every insert lands at the end of the store's index, as the entries'
    /// inserts do; and the subtrees a run of leaves completes have consecutive keys.
    public var storageKey: Int64 {
        Int64(bitPattern: (((index + 1) << UInt64(level)) - 1) << 6 | UInt64(level))
    }

    /// The node filed under a storage key; `nil` for a key no node of level 1 to 63 has.
    public init?(storageKey: Int64) {
        guard storageKey >= 0 else { return nil }
        let level = Int(storageKey & 63)
        let lastLeaf = UInt64(storageKey) >> 6
        guard level > 0, (lastLeaf + 1) & ((UInt64(1) << UInt64(level)) - 1) == 0 else { return nil }
        self.init(level: level, index: (lastLeaf + 1) >> UInt64(level) - 1)
    }

    /// The range of storage keys of the subtrees completed by a run of leaves (positions past
    /// 2^57, which no log reaches, are clamped).
    public static func storageKeys(completedBy leaves: Range<UInt64>) -> Range<Int64> {
        let limit = UInt64(Int64.max) >> 6
        return Int64(min(leaves.lowerBound, limit) << 6)..<Int64(min(leaves.upperBound, limit) << 6)
    }

    /// The leaves the node covers.
    public var leaves: Range<UInt64> { (index << UInt64(level))..<((index + 1) << UInt64(level)) }

    /// Orders by level, then index.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        (lhs.level, lhs.index) < (rhs.level, rhs.index)
    }

    /// `level/index`, as in error messages.
    public var description: String { "\(level)/\(index)" }
}
