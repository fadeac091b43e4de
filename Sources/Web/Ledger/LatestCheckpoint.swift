import Foundation
public import Ledger
import Synchronization

/// The log's latest signed checkpoint, read from the store at most every `lifetime`: every
/// `GET /ledger/checkpoint` and every scan with ledger evidence needs it, and it changes at most
/// once a second. When the store holds none yet (a new log), the ledger signs one.
public final class LatestCheckpoint: Sendable {
    /// A checkpoint with its parsed body and when it was read.
    public struct Entry: Sendable {
        /// The stored checkpoint (its note is what clients get).
        public let stored: StoredCheckpoint
        /// When it was read from the store.
        let readAt: ContinuousClock.Instant
    }

    /// The log.
    public let ledger: Ledger
    /// How long a read checkpoint is served before the store is asked again.
    public let lifetime: Duration
    /// The last checkpoint read.
    private let cached = Mutex<Entry?>(nil)

    /// A cache over a log.
    public init(ledger: Ledger, lifetime: Duration = .milliseconds(250)) {
        self.ledger = ledger
        self.lifetime = lifetime
    }

    /// The latest checkpoint, from the cache while it is fresh.
    public func current() async throws -> StoredCheckpoint {
        let now = ContinuousClock.now
        if let entry = cached.withLock({ $0 }), now < entry.readAt + lifetime { return entry.stored }
        var stored = try await ledger.store.latestLedgerCheckpoint()
        if stored == nil { stored = try await ledger.checkpoint() }
        guard let stored else { throw LedgerError.corruptTree("the store keeps no checkpoint") }
        cached.withLock { entry in
            // Two readers racing keep the larger tree: a cached checkpoint never moves backwards.
            if let entry, entry.stored.treeSize > stored.treeSize { return }
            entry = Entry(stored: stored, readAt: now)
        }
        return cached.withLock { $0!.stored }
    }
}
