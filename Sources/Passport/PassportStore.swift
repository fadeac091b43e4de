public import Foundation
public import QualityCore

/// Persistence of products, batches, issuances and scans.
///
/// Implementations keep every method atomic; `allocateSerials` in particular must never hand out
/// the same index twice, whatever crashes or concurrent callers.
public protocol PassportStore: Sendable {
    /// Stores a new product; throws `conflict` (`product_exists`) when the GTIN is registered.
    func createProduct(_ product: Product) async throws
    /// The product with a GTIN, if registered.
    func product(gtin: GTIN) async throws -> Product?
    /// The products an organisation owns, by GTIN.
    func products(ownedBy organisationID: Int64) async throws -> [Product]
    /// Stores a new batch; throws `conflict` (`batch_exists`) when the lot exists for the GTIN,
    /// `notFound` (`product_not_found`) when the product is not registered.
    func createBatch(_ batch: Batch) async throws
    /// The batch of a product with a lot, if registered.
    func batch(gtin: GTIN, lot: String) async throws -> Batch?
    /// The batches of a product, by production date.
    func batches(gtin: GTIN) async throws -> [Batch]
    /// Records a recall of a batch (or lifts it with `nil`); throws `notFound` for no such batch.
    func setRecall(_ recall: Recall?, gtin: GTIN, lot: String) async throws
    /// Reserves `count` consecutive unit indices of a batch and records the issuance, in one
    /// transaction; throws `notFound` (`batch_not_found`) for no such batch.
    func allocateSerials(gtin: GTIN, lot: String, count: Int64, issuedBy: Int64, at: Date) async throws -> Issuance
    /// The issuances of a batch, by first index.
    func issuances(gtin: GTIN, lot: String) async throws -> [Issuance]
    /// Records the ledger position of an issuance's manifest; throws `notFound` for no such issuance.
    func recordLedgerIndex(_ index: UInt64, of issuance: Issuance) async throws
    /// Up to `limit` issuances of any batch, issued before a time, whose manifest has no ledger
    /// position yet, by id. A maintenance query: it reads every GTIN's issuances.
    func issuancesMissingLedgerIndex(issuedBefore: Date, limit: Int) async throws -> [Issuance]
    /// The serial-signing key with an id; when it does not exist and `createIfMissing` is set,
    /// creates it with fresh random bytes (concurrent creators agree on one key).
    func serialKey(id: Int, createIfMissing: Bool) async throws -> SerialKey?
    /// Appends scans in one transaction and returns, once they are durable, each scan's unit
    /// history as it stood just before that scan, with up to `recent` latest scans. Each scan is
    /// stored as `finish` makes it from that history (see `ScanSequence`), so a caller learns a
    /// unit's history and records its scan in one round trip.
    func recordScans(
        _ scans: [ScanRecord], recent: Int, finish: @escaping @Sendable (ScanRecord, ScanHistory) -> ScanRecord
    ) async throws -> [ScanHistory]
    /// The scan history of a unit: count, first time, and up to `recent` latest scans.
    func scanHistory(gtin: GTIN, lot: String, serial: String, recent: Int) async throws -> ScanHistory
}

extension PassportStore {
    /// Appends scans as they are (in one transaction) and returns when they are durable.
    public func recordScans(_ scans: [ScanRecord]) async throws {
        _ = try await recordScans(scans, recent: 0) { scan, _ in scan }
    }
}
