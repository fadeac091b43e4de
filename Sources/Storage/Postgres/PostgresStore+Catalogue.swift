import Foundation
public import Passport
import PostgresNIO
public import QualityCore

/// Products, batches and recalls. Column lists are module constants spliced in with
/// `unescaped:`; every value is a bound parameter.
extension PostgresStore {
    /// Stores a new product; `conflict` (`product_exists`) for a registered GTIN, `notFound`
    /// (`organisation_not_found`) for an unknown owner.
    public func createProduct(_ product: Product) async throws {
        let gtin = product.gtin.gtin14
        try await translating(unique: .productExists(gtin), foreignKey: .organisationNotFound(product.ownerID)) {
            _ = try await rows(
                """
                INSERT INTO products (\(unescaped: Self.productColumns))
                VALUES (\(gtin), \(product.ownerID), \(product.name), \(product.brand), \(product.category.rawValue),
                        \(product.specification), \(product.standard), \(product.composition), \(product.origin),
                        \(PostgresInstant(product.createdAt)))
                """)
        }
    }

    /// The product with a GTIN, if registered.
    public func product(gtin: GTIN) async throws -> Product? {
        try await rows("SELECT \(unescaped: Self.productColumns) FROM products WHERE gtin = \(gtin.gtin14)")
            .first.map(Self.product)
    }

    /// The products an organisation owns, by GTIN.
    public func products(ownedBy organisationID: Int64) async throws -> [Product] {
        try await rows(
            """
            SELECT \(unescaped: Self.productColumns) FROM products WHERE owner_id = \(organisationID) ORDER BY gtin
            """
        ).map(Self.product)
    }

    /// Stores a new batch with its serial counter at zero; `conflict` (`batch_exists`) for a
    /// known lot, `notFound` (`product_not_found`) for an unregistered GTIN.
    public func createBatch(_ batch: Batch) async throws {
        let gtin = batch.gtin.gtin14
        let recall = batch.recall
        let foreignKey = recall.map { QualityError.organisationNotFound($0.byOrganisationID) } ?? .productNotFound(gtin)
        try await translating(unique: .batchExists(gtin, lot: batch.lot), foreignKey: foreignKey) {
            let inserted = try await rows(
                """
                INSERT INTO batches (\(unescaped: Self.batchColumns))
                SELECT \(gtin), \(batch.lot), \(PostgresDay(batch.producedOn)), \(batch.expiresOn.map(PostgresDay.init)),
                       \(batch.factoryGLN), \(batch.quantity), \(batch.labReport),
                       \(recall.map { PostgresInstant($0.recalledAt) }), \(recall?.byOrganisationID), \(recall?.reason),
                       \(PostgresInstant(batch.createdAt))
                WHERE EXISTS (SELECT 1 FROM products WHERE gtin = \(gtin))
                RETURNING lot
                """)
            guard !inserted.isEmpty else { throw QualityError.productNotFound(gtin) }
        }
    }

    /// The batch of a product with a lot, if registered.
    public func batch(gtin: GTIN, lot: String) async throws -> Batch? {
        try await rows(
            """
            SELECT \(unescaped: Self.batchColumns) FROM batches WHERE gtin = \(gtin.gtin14) AND lot = \(lot)
            """
        ).first.map(Self.batch)
    }

    /// The batches of a product, by production date, then lot.
    public func batches(gtin: GTIN) async throws -> [Batch] {
        try await rows(
            """
            SELECT \(unescaped: Self.batchColumns) FROM batches WHERE gtin = \(gtin.gtin14) ORDER BY produced_on, lot
            """
        ).map(Self.batch)
    }

    /// Records or lifts a recall; `notFound` (`batch_not_found`) for no such batch,
    /// (`organisation_not_found`) for an unknown recalling organisation.
    public func setRecall(_ recall: Recall?, gtin: GTIN, lot: String) async throws {
        let digits = gtin.gtin14
        let foreignKey = recall.map { QualityError.organisationNotFound($0.byOrganisationID) }
        try await translating(foreignKey: foreignKey) {
            let updated = try await rows(
                """
                UPDATE batches
                SET recalled_at = \(recall.map { PostgresInstant($0.recalledAt) }),
                    recalled_by = \(recall?.byOrganisationID), recall_reason = \(recall?.reason)
                WHERE gtin = \(digits) AND lot = \(lot)
                RETURNING lot
                """)
            guard !updated.isEmpty else { throw QualityError.batchNotFound(digits, lot: lot) }
        }
    }
}
