public import Foundation
public import QualityCore
import Synchronization

/// A short-lived read-through cache of what every scan looks up — products, batches, issuances,
/// serial keys and producer names — so the scan path does not ask the database five times.
///
/// Writes through `PassportService` invalidate their entries at once; entries also expire after
/// `lifetime`, which bounds how stale another server instance sharing the database can be (a
/// recall ordered elsewhere shows within that time).
public final class PassportCatalog: Sendable {
    private struct Entry<Value: Sendable>: Sendable {
        let value: Value
        let expires: Date
    }

    private struct BatchKey: Hashable, Sendable {
        let gtin: GTIN
        let lot: String
    }

    private struct SignerKey: Hashable, Sendable {
        let gtin: GTIN
        let lot: String
        let keyID: Int
    }

    private struct State: Sendable {
        var products: [GTIN: Entry<Product?>] = [:]
        var batches: [BatchKey: Entry<Batch?>] = [:]
        var issuances: [BatchKey: Entry<[Issuance]>] = [:]
        var keys: [Int: SerialKey] = [:]
        var signers: [SignerKey: SerialSigner] = [:]
        var passing: [BatchKey: Entry<PassingChecks>] = [:]
        var names: [Int64: Entry<String?>] = [:]
    }

    private let state = Mutex(State())
    /// How long an entry is trusted.
    public let lifetime: TimeInterval
    /// The most entries of each kind kept; past it the kind is emptied (simple and bounded).
    public let capacity: Int

    /// Creates an empty catalog.
    public init(lifetime: TimeInterval = 2, capacity: Int = 100_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The product with a GTIN, from cache or `load`.
    public func product(_ gtin: GTIN, load: () async throws -> Product?) async rethrows -> Product? {
        try await cached(\.products, gtin, load: load)
    }

    /// The batch of a GTIN with a lot, from cache or `load`.
    public func batch(_ gtin: GTIN, _ lot: String, load: () async throws -> Batch?) async rethrows -> Batch? {
        try await cached(\.batches, BatchKey(gtin: gtin, lot: lot), load: load)
    }

    /// The issuances of a batch, from cache or `load`.
    public func issuances(_ gtin: GTIN, _ lot: String, load: () async throws -> [Issuance]) async rethrows -> [Issuance] {
        try await cached(\.issuances, BatchKey(gtin: gtin, lot: lot), load: load)
    }

    /// An organisation's name, from cache or `load`.
    public func organisationName(_ id: Int64, load: () async throws -> String?) async rethrows -> String? {
        try await cached(\.names, id, load: load)
    }

    /// A serial key, from cache or `load`; keys never change once created, so they never expire.
    public func serialKey(_ id: Int, load: () async throws -> SerialKey?) async rethrows -> SerialKey? {
        if let key = state.withLock({ $0.keys[id] }) { return key }
        guard let key = try await load() else { return nil }
        state.withLock { $0.keys[id] = key }
        return key
    }

    /// The checks a batch's genuine units pass, from cache or `make`.
    public func passingChecks(_ gtin: GTIN, _ lot: String, make: () -> PassingChecks) -> PassingChecks {
        let key = BatchKey(gtin: gtin, lot: lot)
        let now = Date()
        if let entry = state.withLock({ $0.passing[key] }), entry.expires > now { return entry.value }
        let checks = make()
        state.withLock { state in
            if state.passing.count >= capacity { state.passing.removeAll() }
            state.passing[key] = Entry(value: checks, expires: now + lifetime)
        }
        return checks
    }

    /// The signer of a batch's units under a serial key, from cache or made with the key from
    /// `load`; a signer costs two SHA-256 blocks to make and never changes, so it is kept.
    public func signer(
        _ gtin: GTIN, _ lot: String, keyID: Int, load: () async throws -> SerialKey?
    ) async rethrows -> SerialSigner? {
        let id = SignerKey(gtin: gtin, lot: lot, keyID: keyID)
        if let signer = state.withLock({ $0.signers[id] }) { return signer }
        guard let key = try await serialKey(keyID, load: load) else { return nil }
        let signer = SerialSigner(key: key, gtin: gtin, lot: lot)
        state.withLock { state in
            if state.signers.count >= capacity { state.signers.removeAll() }
            state.signers[id] = signer
        }
        return signer
    }

    private func cached<Key: Hashable & Sendable, Value: Sendable>(
        _ table: WritableKeyPath<State, [Key: Entry<Value>]>, _ key: Key, load: () async throws -> Value
    ) async rethrows -> Value {
        let now = Date()
        if let entry = state.withLock({ $0[keyPath: table][key] }), entry.expires > now { return entry.value }
        let value = try await load()
        state.withLock { state in
            if state[keyPath: table].count >= capacity { state[keyPath: table].removeAll() }
            state[keyPath: table][key] = Entry(value: value, expires: now + lifetime)
        }
        return value
    }

    /// Forgets everything cached about a product and its batches.
    public func invalidate(gtin: GTIN) {
        state.withLock { state in
            state.products[gtin] = nil
            state.batches = state.batches.filter { $0.key.gtin != gtin }
            state.issuances = state.issuances.filter { $0.key.gtin != gtin }
            state.passing = state.passing.filter { $0.key.gtin != gtin }
        }
    }
}
