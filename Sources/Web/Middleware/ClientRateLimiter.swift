public import Foundation
import Synchronization

/// A token bucket per client: each client may make `capacity` requests at once and regains
/// `capacity` per minute, evenly. Buckets of clients that have been quiet long enough to be
/// full again are dropped, so memory stays bounded by the number of recently active clients.
public final class ClientRateLimiter: Sendable {
    /// Requests per minute per client, also the burst size.
    public let capacity: Int
    private let refillPerSecond: Double
    private let state = Mutex(State())
    private let clock: @Sendable () -> Double

    private struct Bucket {
        /// Requests the client may still make now.
        var tokens: Double
        /// When `tokens` was last brought up to date.
        var updatedAt: Double
    }

    private struct State {
        /// Buckets by client.
        var buckets: [String: Bucket] = [:]
        /// When full buckets were last dropped.
        var lastSweep: Double = 0
    }

    /// What the limiter decided for one request.
    public enum Decision: Sendable, Equatable {
        /// Go ahead.
        case allowed
        /// Refused; retry after this many whole seconds.
        case refused(retryAfterSeconds: Int)
    }

    /// Creates a limiter of `perMinute` requests per client per minute.
    public init(perMinute: Int, clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        precondition(perMinute > 0, "a rate limit needs a positive capacity")
        self.capacity = perMinute
        self.refillPerSecond = Double(perMinute) / 60
        self.clock = clock
    }

    /// Takes one token from the client's bucket, if there is one.
    public func admit(_ client: String) -> Decision {
        let now = clock()
        let capacity = Double(self.capacity)
        let refill = refillPerSecond
        return state.withLock { state in
            if now - state.lastSweep > 60 {
                state.lastSweep = now
                state.buckets = state.buckets.filter { _, bucket in
                    bucket.tokens + (now - bucket.updatedAt) * refill < capacity
                }
            }
            var bucket = state.buckets[client] ?? Bucket(tokens: capacity, updatedAt: now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updatedAt) * refill)
            bucket.updatedAt = now
            defer { state.buckets[client] = bucket }
            guard bucket.tokens >= 1 else {
                return .refused(retryAfterSeconds: max(1, Int(((1 - bucket.tokens) / refill).rounded(.up))))
            }
            bucket.tokens -= 1
            return .allowed
        }
    }
}
