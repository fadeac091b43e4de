/// What an audit has recomputed so far: the compact range of the entries checked and the counts
/// for the report.
struct AuditState {
    /// The key checkpoints must be signed with.
    let verifier: NoteVerifierKey
    /// The size the tree head records.
    let headSize: UInt64
    /// The recomputed right edge of the entries checked.
    var range = CompactRange()
    /// Subtree hashes compared.
    var nodesChecked: UInt64 = 0
    /// Checkpoints verified.
    var checkpointsChecked = 0

    /// An audit's state before the first entry.
    init(verifier: NoteVerifierKey, headSize: UInt64) {
        self.verifier = verifier
        self.headSize = headSize
    }

    /// Checks the next stored entry: its position, its recomputed leaf hash against the stored
    /// one, and every subtree it completes against the stored hashes. Returns the first problem.
    mutating func check(
        _ leaf: StoredLedgerLeaf, recomputed: Result<LedgerHash, LedgerError>, nodes: inout StoredNodeCursor
    ) -> LedgerProblem? {
        let position = range.size
        guard leaf.index == position else {
            if position < headSize {
                return LedgerProblem(
                    .entryMissing, at: position,
                    "entry \(position) is missing: the next stored entry is \(leaf.index)")
            }
            return unexpected(leaf)
        }
        guard position < headSize else { return unexpected(leaf) }
        let computed: LedgerHash
        switch recomputed {
        case .success(let hash): computed = hash
        case .failure(let error):
            return LedgerProblem(.entryUnreadable, at: position, "entry \(position) is unreadable: \(error)")
        }
        guard let stored = try? LedgerHash(bytes: leaf.leafHash), stored == computed else {
            return LedgerProblem(
                .entryEdited, at: position,
                "entry \(position) was edited: its fields hash to \(computed.base64), not to its stored leaf hash")
        }
        var problem: LedgerProblem?
        var compared: UInt64 = 0
        range.append(computed) { node, hash in
            guard problem == nil else { return }
            compared += 1
            switch nodes.match(node, hash: hash) {
            case .same:
                break
            case .different:
                problem = LedgerProblem(
                    .subtreeMismatch, at: position,
                    "entries \(Self.describe(node.leaves)) do not hash to their stored subtree hash (subtree \(node)): "
                        + "an entry there was edited, inserted, removed or moved")
            case .missing:
                problem = LedgerProblem(
                    .nodeMissing, at: position,
                    "the hash of entries \(Self.describe(node.leaves)) (subtree \(node)) is missing from the store")
            case .stray(let stored):
                problem = Self.unexpected(stored, size: headSize)
            }
        }
        nodesChecked += compared
        return problem
    }

    /// Checks a signed checkpoint once the recomputed tree has reached its size.
    mutating func check(_ checkpoint: StoredCheckpoint) -> LedgerProblem? {
        let size = checkpoint.treeSize
        checkpointsChecked += 1
        let signed: Checkpoint
        do {
            signed = try Checkpoint.open(checkpoint.note, verifier: verifier)
        } catch {
            return LedgerProblem(
                .checkpointSignature, at: size, "the checkpoint at size \(size) does not verify: \(error)")
        }
        guard signed.treeSize == size, signed.rootHash.bytes == checkpoint.rootHash else {
            return LedgerProblem(
                .checkpointMismatch, at: size,
                "the checkpoint stored at size \(size) differs from its signed note (size \(signed.treeSize), root \(signed.rootHash.base64))"
            )
        }
        let root = range.root
        guard signed.rootHash == root else {
            return LedgerProblem(
                .checkpointMismatch, at: size,
                "the checkpoint at size \(size) signs root \(signed.rootHash.base64) but the stored entries give \(root.base64): "
                    + "history before it was rewritten")
        }
        return nil
    }

    /// The report for where the audit stopped.
    func report(head: TreeHead, problem: LedgerProblem?) -> LedgerAuditReport {
        LedgerAuditReport(
            treeSize: head.size, root: range.root, entriesChecked: range.size, nodesChecked: nodesChecked,
            checkpointsChecked: checkpointsChecked, problem: problem)
    }

    /// The problem of a stored subtree hash no entry accounts for.
    static func unexpected(_ stored: StoredNode, size: UInt64) -> LedgerProblem {
        guard let node = stored.node else {
            return LedgerProblem(
                .nodeUnexpected, at: UInt64(max(0, stored.storageKey >> 6)),
                "a subtree hash is stored under key \(stored.storageKey), which names no subtree")
        }
        return LedgerProblem(
            .nodeUnexpected, at: node.leaves.upperBound - 1,
            "a subtree hash is stored for entries \(describe(node.leaves)) (subtree \(node)), which the log of \(size) entries "
                + "does not complete")
    }

    /// The problem of an entry past the tree head.
    private func unexpected(_ leaf: StoredLedgerLeaf) -> LedgerProblem {
        LedgerProblem(
            .entryUnexpected, at: leaf.index,
            "entry \(leaf.index) lies beyond the tree head, which records \(headSize) entries: it was inserted")
    }

    /// `a…b` for a range of leaf positions.
    static func describe(_ leaves: Range<UInt64>) -> String {
        "\(leaves.lowerBound)…\(leaves.upperBound - 1)"
    }
}
