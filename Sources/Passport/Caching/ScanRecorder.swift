import Synchronization

/// Persists scans with group commit: while one transaction is being written, scans arriving
/// meanwhile queue up and go into the next one together. Each caller returns only after its scan
/// is durable, yet a busy server writes hundreds of scans per transaction instead of one.
///
/// The same transaction reads each unit's history, so a caller gets, with no read of its own,
/// the history its scan was judged on; `finish` (the clone check) sets each scan's verdict from
/// that history before it is stored. A lock rather than an actor guards the queue: enqueueing
/// is a few instructions and should not cost an executor hop per scan.
public final class ScanRecorder: Sendable {
    /// A scan and its caller, resumed exactly once by the flush that writes it.
    private struct Waiting {
        let scan: ScanRecord
        let waiter: UnsafeContinuation<ScanHistory, any Error>
    }

    private struct Queue {
        var waiting: [Waiting] = []
        var flushing = false
    }

    private let store: any PassportStore
    private let finish: @Sendable (ScanRecord, ScanHistory) -> ScanRecord
    private let queue = Mutex(Queue())
    /// The most scans written in one transaction.
    public let maximumBatch: Int
    /// How many of a unit's latest scans the returned histories carry.
    public let recent: Int

    /// Creates a recorder writing to a store; `finish` makes each scan's stored form from the
    /// unit's history before it.
    public init(
        store: any PassportStore, recent: Int = 5, maximumBatch: Int = 2_048,
        finish: @escaping @Sendable (ScanRecord, ScanHistory) -> ScanRecord = { scan, _ in scan }
    ) {
        self.store = store
        self.recent = recent
        self.maximumBatch = maximumBatch
        self.finish = finish
    }

    /// Records a scan and returns, once it is committed, the unit's history just before it.
    public func record(_ scan: ScanRecord) async throws -> ScanHistory {
        try await withUnsafeThrowingContinuation { (waiter: UnsafeContinuation<ScanHistory, any Error>) in
            let startsFlush = queue.withLock { queue in
                queue.waiting.append(Waiting(scan: scan, waiter: waiter))
                guard !queue.flushing else { return false }
                queue.flushing = true
                return true
            }
            if startsFlush {
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while let batch = nextBatch() {
            do {
                let histories = try await store.recordScans(batch.map(\.scan), recent: recent, finish: finish)
                guard histories.count == batch.count else {
                    throw StoreContractViolation(expected: batch.count, got: histories.count)
                }
                for (entry, history) in zip(batch, histories) { entry.waiter.resume(returning: history) }
            } catch {
                for entry in batch { entry.waiter.resume(throwing: error) }
            }
        }
    }

    /// Takes the next batch off the queue, or ends the flush when the queue is empty.
    private func nextBatch() -> [Waiting]? {
        queue.withLock { queue in
            guard !queue.waiting.isEmpty else {
                queue.flushing = false
                return nil
            }
            let count = min(queue.waiting.count, maximumBatch)
            let batch = Array(queue.waiting.prefix(count))
            queue.waiting.removeFirst(count)
            return batch
        }
    }
}

/// A store answered a batch of scans with the wrong number of histories.
struct StoreContractViolation: Error, CustomStringConvertible {
    let expected: Int
    let got: Int
    var description: String { "the store returned \(got) scan histories for \(expected) scans" }
}
