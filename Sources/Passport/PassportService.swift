public import Access
public import Foundation
public import Ledger
public import QualityCore

/// The passport capability's use cases: register products and batches under the rules of
/// ownership, issue unit codes, recall batches, and verify scans. It holds no HTTP and no SQL.
///
/// With a `ledger`, every write is also appended to the tamper-evident log once it is stored: a
/// product or batch registered, an issuance's manifest, a recall ordered or lifted. The append
/// joins the ledger's group commit, so concurrent writers share its transactions.
public struct PassportService: Sendable {
    /// Where products, batches, issuances and scans live.
    public let store: any PassportStore
    /// Where organisations and their prefixes live.
    public let access: any AccessStore
    /// The resolver stem unit URIs are printed with, e.g. `https://id.example.cn`.
    public let stem: String
    /// When a unit counts as a suspected clone.
    public let clonePolicy: ClonePolicy
    /// The largest issuance one request may ask for.
    public let maximumIssuance: Int64
    /// The clock, replaceable in tests.
    public let now: @Sendable () -> Date
    /// What the scan path looks up, cached briefly.
    public let catalog: PassportCatalog
    /// Writes scans with group commit.
    public let recorder: ScanRecorder
    /// The tamper-evident log the writes are appended to, if any.
    public let ledger: Ledger?

    /// Creates the service.
    public init(
        store: any PassportStore, access: any AccessStore, stem: String,
        clonePolicy: ClonePolicy = .standard, maximumIssuance: Int64 = 100_000_000,
        catalog: PassportCatalog = PassportCatalog(), ledger: Ledger? = nil,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.catalog = catalog
        self.ledger = ledger
        self.recorder = ScanRecorder(store: store) { scan, history in clonePolicy.finish(scan, history: history) }
        self.store = store
        self.access = access
        self.stem = stem
        self.clonePolicy = clonePolicy
        self.maximumIssuance = maximumIssuance
        self.now = now
    }

    // MARK: Registration

    /// Registers a product for a producer, which must hold a company prefix covering its GTIN.
    public func registerProduct(_ draft: ProductDraft, by organisation: Organisation) async throws -> Product {
        guard organisation.role == .producer else {
            throw QualityError.forbidden("not_a_producer", "only a producer may register products; \(organisation.name) is a \(organisation.role.rawValue)")
        }
        let gtin = try draft.validatedGTIN()
        let prefixes = try await access.companyPrefixes(of: organisation.id)
        guard prefixes.contains(where: { $0.contains(gtin) }) else {
            let held = prefixes.isEmpty ? "none" : prefixes.map(\.digits).joined(separator: ", ")
            throw QualityError.forbidden(
                "gtin_outside_prefix",
                "GTIN \(gtin.gtin14) is not under a GS1 company prefix assigned to \(organisation.name) (assigned: \(held))")
        }
        let product = try draft.product(gtin: gtin, ownerID: organisation.id, createdAt: now())
        try await store.createProduct(product)
        catalog.invalidate(gtin: gtin)
        try await appendToLedger(PassportLedgerEntry.product(product))
        return product
    }

    /// Registers a batch of a product the organisation owns.
    public func registerBatch(_ draft: BatchDraft, by organisation: Organisation) async throws -> Batch {
        let gtin = try draft.validatedGTIN()
        _ = try await ownedProduct(gtin: gtin, by: organisation)
        let batch = try draft.batch(gtin: gtin, createdAt: now())
        try await store.createBatch(batch)
        catalog.invalidate(gtin: gtin)
        try await appendToLedger(PassportLedgerEntry.batch(batch, by: organisation.id))
        return batch
    }

    /// The product with a GTIN, which the organisation must own.
    public func ownedProduct(gtin: GTIN, by organisation: Organisation) async throws -> Product {
        guard let product = try await store.product(gtin: gtin) else {
            throw QualityError.notFound("product_not_found", "no product is registered with GTIN \(gtin.gtin14)")
        }
        guard product.ownerID == organisation.id else {
            throw QualityError.forbidden("not_owner", "GTIN \(gtin.gtin14) belongs to another organisation")
        }
        return product
    }

    /// The batch of a product the organisation owns.
    public func ownedBatch(gtin: GTIN, lot: String, by organisation: Organisation) async throws -> Batch {
        _ = try await ownedProduct(gtin: gtin, by: organisation)
        guard let batch = try await store.batch(gtin: gtin, lot: lot) else {
            throw QualityError.notFound("batch_not_found", "product \(gtin.gtin14) has no batch with lot '\(lot)'")
        }
        return batch
    }

    // MARK: Issuance (赋码)

    /// Reserves `count` unit codes of a batch the organisation owns. The reservation is durable
    /// before any code is printed, so a crash or a re-run never repeats a serial. With a ledger,
    /// the issuance's manifest is then appended and its position kept on the issuance, which is
    /// how a scan finds its unit's ledger evidence.
    public func issueCodes(gtin: GTIN, lot: String, count: Int64, by organisation: Organisation) async throws -> Issuance {
        guard (1...maximumIssuance).contains(count) else {
            throw QualityError.invalid("bad_count", "count must be between 1 and \(maximumIssuance); got \(count)")
        }
        _ = try await ownedBatch(gtin: gtin, lot: lot, by: organisation)
        var issuance = try await store.allocateSerials(gtin: gtin, lot: lot, count: count, issuedBy: organisation.id, at: now())
        catalog.invalidate(gtin: gtin)
        if let position = try await appendToLedger(IssuanceManifest(issuance).entry) {
            try await store.recordLedgerIndex(position, of: issuance)
            issuance.ledgerIndex = position
            catalog.invalidate(gtin: gtin)
        }
        return issuance
    }

    /// The signer for a batch with the current key (creating the key on first use).
    public func signer(gtin: GTIN, lot: String) async throws -> SerialSigner {
        let key = try await catalog.serialKey(0) { try await store.serialKey(id: 0, createIfMissing: true) }
        guard let key else {
            throw QualityError.conflict("no_serial_key", "the serial key could not be created")
        }
        return SerialSigner(key: key, gtin: gtin, lot: lot)
    }

    /// The label writer for this service's stem.
    public var labelWriter: LabelWriter { LabelWriter(stem: stem) }

    // MARK: Recall

    /// Recalls a batch; the owner or a regulator may do it.
    public func recall(gtin: GTIN, lot: String, reason: String, by organisation: Organisation) async throws -> Batch {
        if organisation.role != .regulator {
            _ = try await ownedBatch(gtin: gtin, lot: lot, by: organisation)
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw QualityError.invalid("missing_reason", "a recall needs a reason buyers can read")
        }
        let recall = Recall(recalledAt: now(), byOrganisationID: organisation.id, reason: reason)
        try await store.setRecall(recall, gtin: gtin, lot: lot)
        catalog.invalidate(gtin: gtin)
        try await appendToLedger(PassportLedgerEntry.recall(recall, gtin: gtin, lot: lot))
        guard let batch = try await store.batch(gtin: gtin, lot: lot) else {
            throw QualityError.notFound("batch_not_found", "product \(gtin.gtin14) has no batch with lot '\(lot)'")
        }
        return batch
    }

    /// Lifts the recall in force on a batch; the owner or a regulator may do it, with a reason.
    /// The batch's recall fields are cleared; the ledger keeps both the recall and its lifting.
    public func liftRecall(gtin: GTIN, lot: String, reason: String, by organisation: Organisation) async throws -> Batch {
        let batch: Batch? =
            organisation.role == .regulator
            ? try await store.batch(gtin: gtin, lot: lot) : try await ownedBatch(gtin: gtin, lot: lot, by: organisation)
        guard let batch else {
            throw QualityError.notFound("batch_not_found", "product \(gtin.gtin14) has no batch with lot '\(lot)'")
        }
        guard batch.recall != nil else {
            throw QualityError.conflict("not_recalled", "batch \(lot) of \(gtin.gtin14) is not recalled")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw QualityError.invalid("missing_reason", "lifting a recall needs a reason buyers can read")
        }
        try await store.setRecall(nil, gtin: gtin, lot: lot)
        catalog.invalidate(gtin: gtin)
        let lifted = Recall(recalledAt: now(), byOrganisationID: organisation.id, reason: reason)
        try await appendToLedger(PassportLedgerEntry.recallLifted(lifted, gtin: gtin, lot: lot))
        var cleared = batch
        cleared.recall = nil
        return cleared
    }

    // MARK: Ledger

    /// Appends the manifests of issuances that were stored but never reached the ledger (a
    /// crash or a failed append between the two steps of `issueCodes`), oldest first, and
    /// returns how many. Only issuances older than `grace` are taken, so that an issuance whose
    /// append is still in flight (in this process or another) is left to its own request.
    @discardableResult
    public func appendMissingIssuanceManifests(grace: TimeInterval = 300) async throws -> Int {
        guard let ledger else { return 0 }
        var appended = 0
        while true {
            let missing = try await store.issuancesMissingLedgerIndex(issuedBefore: now() - grace, limit: 1_000)
            guard !missing.isEmpty else { return appended }
            let positions = try await ledger.append(contentsOf: missing.map { IssuanceManifest($0).entry })
            for (issuance, position) in zip(missing, positions) {
                try await store.recordLedgerIndex(position, of: issuance)
                catalog.invalidate(gtin: issuance.gtin)
            }
            appended += missing.count
        }
    }

    /// Appends an entry when the service has a ledger, returning its position once committed.
    @discardableResult
    func appendToLedger(_ entry: @autoclosure () throws -> LedgerEntry) async throws -> UInt64? {
        guard let ledger else { return nil }
        return try await ledger.append(try entry())
    }
}
