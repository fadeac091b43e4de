/// Walks the stored checkpoints in size order, a page at a time, as an audit's recomputed tree
/// grows past their sizes.
struct CheckpointCursor {
    /// Where the checkpoints are read from.
    let store: any LedgerStore
    /// Checkpoints read but not yet checked.
    private var buffered: [StoredCheckpoint] = []
    /// Position of the next unchecked one in `buffered`.
    private var position = 0
    /// Whether every stored checkpoint has been read.
    private var exhausted = false
    /// The smallest size not yet read.
    private var readFrom: UInt64 = 0
    /// The size of the next unchecked checkpoint, or `nil` when none is left (kept current so the
    /// per-entry test needs no store access).
    private(set) var nextSize: UInt64?

    /// Checkpoints per read.
    private static let pageSize = 1_024

    /// A cursor at the smallest size.
    init(store: any LedgerStore) { self.store = store }

    /// Checks every checkpoint for exactly `size` leaves; the first problem, if any.
    mutating func check(atSize size: UInt64, state: inout AuditState) async throws -> LedgerProblem? {
        try await fill()
        while let checkpoint = try await next(), checkpoint.treeSize == size {
            position += 1
            if let problem = state.check(checkpoint) { return problem }
        }
        return nil
    }

    /// The next unchecked checkpoint, without consuming it.
    mutating func next() async throws -> StoredCheckpoint? {
        try await fill()
        return position < buffered.count ? buffered[position] : nil
    }

    /// Reads the next page when the buffer is used up, and updates `nextSize`.
    private mutating func fill() async throws {
        if position >= buffered.count && !exhausted {
            buffered = try await store.ledgerCheckpoints(fromSize: readFrom, limit: Self.pageSize)
            position = 0
            exhausted = buffered.count < Self.pageSize
            if let last = buffered.last { readFrom = last.treeSize + 1 }
        }
        nextSize = position < buffered.count ? buffered[position].treeSize : nil
    }
}
