/// The tamper-evident log: appends entries with group commit, signs checkpoints and serves
/// proofs.
///
/// Appends are batched like scans (`ScanRecorder`): while one transaction is being written,
/// entries arriving meanwhile queue up and go into the next one together, so a busy writer pays
/// one transaction per batch, not per entry, and each caller returns only after its entry is
/// committed. After new leaves are committed a checkpoint follows within `checkpointInterval`
/// (one second by default): at once when the last one is older than that, otherwise when it
/// comes of age.
public actor Ledger {
    /// Where the log lives.
    public nonisolated let store: any LedgerStore
    /// The log's signing key; its name is the checkpoints' origin.
    public nonisolated let signer: NoteSigner
    /// The most leaves written in one transaction (a caller's batch is never split).
    public nonisolated let maximumBatch: Int
    /// The longest new leaves wait for a checkpoint.
    public nonisolated let checkpointInterval: Duration
    /// Told about a checkpoint that could not be written (it is retried with the next append).
    private let onCheckpointFailure: @Sendable (any Error) -> Void

    /// Batches waiting for the writer.
    private nonisolated let queue = AppendQueue()
    /// The size of the tree as of the last append this process made.
    private var appendedSize: UInt64 = 0
    /// The size of the latest checkpoint known to be stored.
    private var checkpointedSize: UInt64?
    /// When this process last stored a checkpoint.
    private var lastCheckpointAt: ContinuousClock.Instant?
    /// The task that writes a checkpoint when the interval has passed.
    private var scheduledCheckpoint: Task<Void, Never>?
    /// Whether a checkpoint is being signed and stored.
    private var checkpointing = false

    /// A log over a store, signing with a key.
    public init(
        store: any LedgerStore, signer: NoteSigner, maximumBatch: Int = 8_192,
        checkpointInterval: Duration = .seconds(1),
        onCheckpointFailure: @escaping @Sendable (any Error) -> Void = { _ in }
    ) {
        self.store = store
        self.signer = signer
        self.maximumBatch = max(1, maximumBatch)
        self.checkpointInterval = checkpointInterval
        self.onCheckpointFailure = onCheckpointFailure
    }

    /// The verifier key of the log's signatures, to give to clients and witnesses.
    public nonisolated var verifierKey: NoteVerifierKey { signer.verifierKey }

    /// The checkpoints' origin line.
    public nonisolated var origin: String { signer.name }

    // MARK: Appending

    /// Appends one entry and returns its position once it is committed.
    public nonisolated func append(_ entry: LedgerEntry) async throws -> UInt64 {
        try await enqueue([LedgerLeaf(entry)]).lowerBound
    }

    /// Appends entries as one unit (consecutive positions, one transaction) and returns their
    /// positions once they are committed.
    public nonisolated func append(contentsOf entries: [LedgerEntry]) async throws -> Range<UInt64> {
        guard !entries.isEmpty else { return 0..<0 }
        // Encoding and hashing happen here, in the caller's task, not on the actor.
        var leaves: [LedgerLeaf] = []
        leaves.reserveCapacity(entries.count)
        for entry in entries { leaves.append(try LedgerLeaf(entry)) }
        return try await enqueue(leaves)
    }

    /// Queues leaves for the writer and waits for their commit.
    private nonisolated func enqueue(_ leaves: [LedgerLeaf]) async throws -> Range<UInt64> {
        try await withCheckedThrowingContinuation { waiter in
            if queue.push(leaves, waiter) {
                Task { await self.flush() }
            }
        }
    }

    /// Writes queued batches until none are left, checkpointing when due after each.
    private func flush() async {
        while true {
            let batch = queue.take(maximum: maximumBatch)
            guard !batch.isEmpty else { return }
            do {
                let appended = try await store.appendLedgerLeaves(batch.flatMap(\.leaves))
                var next = appended.indices.lowerBound
                for request in batch {
                    let end = next + UInt64(request.leaves.count)
                    request.waiter.resume(returning: next..<end)
                    next = end
                }
                appendedSize = max(appendedSize, appended.head.size)
            } catch {
                for request in batch { request.waiter.resume(throwing: error) }
            }
            await checkpointIfDue()
        }
    }

    // MARK: Checkpoints

    /// Signs and stores a checkpoint of the current tree when it has grown since the latest one
    /// (from any process), or when none exists yet (then possibly of the empty tree), and returns
    /// the latest stored checkpoint.
    @discardableResult
    public func checkpoint() async throws -> StoredCheckpoint {
        let head = try await store.ledgerTreeHead()
        if let latest = try await store.latestLedgerCheckpoint(), latest.treeSize >= head.size {
            checkpointedSize = max(checkpointedSize ?? 0, latest.treeSize)
            return latest
        }
        let checkpoint = Checkpoint(origin: origin, treeSize: head.size, rootHash: head.root)
        let stored = StoredCheckpoint(checkpoint, note: try checkpoint.signed(by: signer))
        try await store.storeLedgerCheckpoint(stored)
        checkpointedSize = max(checkpointedSize ?? 0, head.size)
        lastCheckpointAt = .now
        return try await store.latestLedgerCheckpoint() ?? stored
    }

    /// Stops the scheduled checkpoint and writes any that is due now. Call at shutdown, after the
    /// last append has returned.
    public func close() async throws {
        scheduledCheckpoint?.cancel()
        scheduledCheckpoint = nil
        try await checkpoint()
    }

    /// Checkpoints now if the interval has passed since the last one, else schedules it.
    private func checkpointIfDue() async {
        guard appendedSize > (checkpointedSize ?? 0), !checkpointing else { return }
        if let last = lastCheckpointAt, ContinuousClock.now < last + checkpointInterval {
            schedule(at: last + checkpointInterval)
            return
        }
        await writeCheckpoint()
    }

    /// Arranges a checkpoint at an instant unless one is already arranged.
    private func schedule(at deadline: ContinuousClock.Instant) {
        guard scheduledCheckpoint == nil else { return }
        scheduledCheckpoint = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self.scheduledCheckpointDue()
        }
    }

    /// Runs the scheduled checkpoint.
    private func scheduledCheckpointDue() async {
        scheduledCheckpoint = nil
        guard !Task.isCancelled else { return }
        await writeCheckpoint()
    }

    /// Writes a checkpoint, reporting a failure; then, if leaves arrived meanwhile (or the write
    /// failed), arranges the next one an interval later.
    private func writeCheckpoint() async {
        checkpointing = true
        do {
            try await checkpoint()
        } catch {
            onCheckpointFailure(error)
            lastCheckpointAt = .now
        }
        checkpointing = false
        if appendedSize > (checkpointedSize ?? 0) {
            schedule(at: (lastCheckpointAt ?? .now) + checkpointInterval)
        }
    }
}
