import Synchronization

/// The batches waiting for the ledger's writer. A lock rather than the `Ledger` actor guards
/// them so that a caller queues its entry without first hopping onto the actor's executor: with
/// one hop in and one out per append, the hops cost more than the encoding and hashing.
final class AppendQueue: Sendable {
    /// A caller waiting for its leaves to be committed, told their positions.
    typealias Waiter = CheckedContinuation<Range<UInt64>, any Error>

    /// The queued batches and whether a writer is draining them.
    private struct State {
        var pending: [(leaves: [LedgerLeaf], waiter: Waiter)] = []
        var writing = false
    }

    /// The state, under its lock.
    private let state = Mutex(State())

    /// An empty queue.
    init() {}

    /// Queues a batch; returns true when no writer is running, so the caller must start one.
    func push(_ leaves: [LedgerLeaf], _ waiter: Waiter) -> Bool {
        state.withLock { state in
            state.pending.append((leaves, waiter))
            guard !state.writing else { return false }
            state.writing = true
            return true
        }
    }

    /// Takes the next batches, at most `maximum` leaves (but always at least one batch). When
    /// none are left it returns nothing and marks the writer stopped, in the same step, so a
    /// batch pushed just after is never stranded.
    func take(maximum: Int) -> [(leaves: [LedgerLeaf], waiter: Waiter)] {
        state.withLock { state in
            guard !state.pending.isEmpty else {
                state.writing = false
                return []
            }
            var count = 0
            var taken = 0
            while taken < state.pending.count
                && (taken == 0 || count + state.pending[taken].leaves.count <= maximum)
            {
                count += state.pending[taken].leaves.count
                taken += 1
            }
            let batch = Array(state.pending.prefix(taken))
            state.pending.removeFirst(taken)
            return batch
        }
    }
}
