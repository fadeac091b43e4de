import Passport
import QualityCore
import Synchronization

/// The JSON of products and batches as the verdict writes them, kept per product and batch: a
/// busy resolver answers scans of the same few batches all day, and their JSON never changes
/// unless they do (a cached fragment is used only while it was written from an equal value).
final class JSONFragments: Sendable {
    private struct Fragment<Value: Sendable & Equatable>: Sendable {
        let value: Value
        let bytes: [UInt8]
    }

    private struct BatchKey: Hashable, Sendable {
        let gtin: GTIN
        let lot: String
    }

    private struct State: Sendable {
        var products: [GTIN: Fragment<Product>] = [:]
        var batches: [BatchKey: Fragment<Batch>] = [:]
    }

    private let state = Mutex(State())
    /// The most fragments of each kind kept; past it the kind is emptied.
    let capacity: Int

    /// Creates an empty cache.
    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// The JSON of a product.
    func json(_ product: Product) -> [UInt8] {
        if let cached = state.withLock({ $0.products[product.gtin] }), cached.value == product { return cached.bytes }
        var writer = JSONWriter(capacity: 512)
        writer.write(product)
        let bytes = writer.bytes
        state.withLock { state in
            if state.products.count >= capacity { state.products.removeAll() }
            state.products[product.gtin] = Fragment(value: product, bytes: bytes)
        }
        return bytes
    }

    /// The JSON of a batch.
    func json(_ batch: Batch) -> [UInt8] {
        let key = BatchKey(gtin: batch.gtin, lot: batch.lot)
        if let cached = state.withLock({ $0.batches[key] }), cached.value == batch { return cached.bytes }
        var writer = JSONWriter(capacity: 512)
        writer.write(batch)
        let bytes = writer.bytes
        state.withLock { state in
            if state.batches.count >= capacity { state.batches.removeAll() }
            state.batches[key] = Fragment(value: batch, bytes: bytes)
        }
        return bytes
    }
}
