/// Persists scans with group commit: while one transaction is being written, scans arriving
/// meanwhile queue up and go into the next one together. Each caller returns only after its scan
/// is durable, yet a busy server writes hundreds of scans per transaction instead of one.
public actor ScanRecorder {
    private let store: any PassportStore
    private var pending: [(scan: ScanRecord, waiter: CheckedContinuation<Void, any Error>)] = []
    private var flushing = false
    /// The most scans written in one transaction.
    public let maximumBatch: Int

    /// Creates a recorder writing to a store.
    public init(store: any PassportStore, maximumBatch: Int = 2_048) {
        self.store = store
        self.maximumBatch = maximumBatch
    }

    /// Records a scan and returns once it is committed.
    public func record(_ scan: ScanRecord) async throws {
        try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
            pending.append((scan, waiter))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            do {
                try await store.recordScans(batch.map(\.scan))
                for entry in batch { entry.waiter.resume() }
            } catch {
                for entry in batch { entry.waiter.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
