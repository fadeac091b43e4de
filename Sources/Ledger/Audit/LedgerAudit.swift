/// Recomputes the whole log from what is stored and reports the first inconsistency.
///
/// One pass over the entries in position order: each entry is re-encoded from its fields and
/// hashed, and the hashes are folded into a compact range. Every subtree the fold completes is
/// compared with its stored hash, every signed checkpoint is verified when the fold reaches its
/// size, and the tree head at the end. Checks run in leaf order, so the problem reported is the
/// earliest one in the log. Pages are read one ahead while the current one is hashed.
///
/// What each kind of tampering looks like: an edited entry no longer hashes to its stored leaf
/// hash; one edited together with its leaf hash (or moved, or swapped with another) breaks a
/// stored subtree hash; a deleted one leaves a gap or a short tree; an inserted one lies beyond
/// the tree head or shifts the leaves under the subtrees; and a rewrite that also recomputes
/// every stored hash still contradicts the signed checkpoints, which cannot be re-signed
/// without the key.
public struct LedgerAudit: Sendable {
    /// The log to audit.
    public let store: any LedgerStore
    /// The key the log's checkpoints must be signed with.
    public let verifier: NoteVerifierKey
    /// Entries read per page (a power of two keeps the subtree reads aligned).
    public let pageSize: Int

    /// An audit of a store against the log's public key.
    public init(store: any LedgerStore, verifier: NoteVerifierKey, pageSize: Int = 1 << 16) {
        self.store = store
        self.verifier = verifier
        self.pageSize = max(1, pageSize)
    }

    /// Runs the audit; `progress` is told (entries checked, tree size) after each page. Throws
    /// only when the store cannot be read; inconsistencies are in the report.
    public func run(progress: (UInt64, UInt64) -> Void = { _, _ in }) async throws -> LedgerAuditReport {
        let head = try await store.ledgerTreeHead()
        var state = AuditState(verifier: verifier, headSize: head.size)
        var checkpoints = CheckpointCursor(store: store)
        if let problem = try await checkpoints.check(atSize: 0, state: &state) {
            return state.report(head: head, problem: problem)
        }
        var upcoming = Task { try await page(from: 0) }
        while true {
            let current = try await upcoming.value
            guard let last = current.leaves.last else { break }
            let next = last.index + 1
            upcoming = Task { try await page(from: next) }
            var nodes = StoredNodeCursor(current.nodes)
            for index in current.leaves.indices {
                if let problem = state.check(
                    current.leaves[index], recomputed: current.recomputed[index], nodes: &nodes)
                {
                    upcoming.cancel()
                    return state.report(head: head, problem: problem)
                }
                guard checkpoints.nextSize == state.range.size else { continue }
                if let problem = try await checkpoints.check(atSize: state.range.size, state: &state) {
                    upcoming.cancel()
                    return state.report(head: head, problem: problem)
                }
            }
            if let stray = nodes.leftover {
                upcoming.cancel()
                return state.report(head: head, problem: AuditState.unexpected(stray, size: head.size))
            }
            progress(state.range.size, head.size)
        }
        if let problem = try await finalProblem(head: head, state: &state, checkpoints: &checkpoints) {
            return state.report(head: head, problem: problem)
        }
        return state.report(head: head, problem: nil)
    }

    /// The checks that need the whole pass: a short tree, the head's root, checkpoints beyond
    /// the entries, and subtree hashes stored for leaves that do not exist.
    private func finalProblem(
        head: TreeHead, state: inout AuditState, checkpoints: inout CheckpointCursor
    ) async throws -> LedgerProblem? {
        let size = state.range.size
        if size < head.size {
            return LedgerProblem(
                .entryMissing, at: size,
                "entry \(size) is missing: the tree head records \(head.size) entries but only \(size) are stored")
        }
        if head.root != state.range.root {
            return LedgerProblem(
                .headMismatch, at: size,
                "the tree head's root \(head.root.base64) is not the root of the stored entries, \(state.range.root.base64)"
            )
        }
        if let beyond = try await checkpoints.next(), beyond.treeSize > size {
            return LedgerProblem(
                .checkpointBeyondTree, at: beyond.treeSize,
                "a checkpoint is signed for \(beyond.treeSize) entries but the log holds \(size): entries were removed")
        }
        if let extra = try await store.ledgerNodes(completedBy: size..<(UInt64.max >> 6)).first {
            return AuditState.unexpected(extra, size: size)
        }
        return nil
    }

    /// Reads the entries of a page and the stored subtree hashes they will complete (which have
    /// consecutive storage keys), and recomputes each entry's leaf hash from its fields, in two
    /// halves at once. This runs while the previous page is being folded, so re-encoding and
    /// leaf hashing, half the work, happen beside the tree fold rather than after it.
    private func page(from start: UInt64) async throws -> AuditPage {
        try Task.checkCancellation()
        let leaves = try await store.ledgerLeaves(from: start, limit: pageSize)
        let end = (leaves.last?.index ?? start) + 1
        let nodes = try await store.ledgerNodes(completedBy: start..<end)
        let middle = leaves.count / 2
        async let firstHalf = Self.leafHashes(leaves[..<middle])
        let secondHalf = Self.leafHashes(leaves[middle...])
        let recomputed = await firstHalf + secondHalf
        return AuditPage(start: start, leaves: leaves, recomputed: recomputed, nodes: nodes)
    }
}

extension LedgerAudit {
    /// Each entry's leaf hash recomputed from its fields, or why it could not be.
    fileprivate static func leafHashes(_ leaves: ArraySlice<StoredLedgerLeaf>) -> [Result<LedgerHash, LedgerError>] {
        var hashes: [Result<LedgerHash, LedgerError>] = []
        hashes.reserveCapacity(leaves.count)
        for index in leaves.indices {
            do {
                hashes.append(.success(try leaves[index].entry().leafHash()))
            } catch {
                hashes.append(.failure(error))
            }
        }
        return hashes
    }
}

/// One page of stored entries and the subtree hashes they complete.
struct AuditPage: Sendable {
    /// The position the page was read from.
    var start: UInt64
    /// The entries, as stored.
    var leaves: [StoredLedgerLeaf]
    /// Each entry's leaf hash recomputed from its fields, or why it could not be.
    var recomputed: [Result<LedgerHash, LedgerError>]
    /// The stored subtree hashes the page's leaves complete, by storage key.
    var nodes: [StoredNode]
}
