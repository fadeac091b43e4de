import Foundation
import GRDB
public import Passport
public import QualityCore

/// Products, batches and recalls.
extension SQLiteStore {
    /// Stores a new product; `conflict` (`product_exists`) for a registered GTIN, `notFound`
    /// (`organisation_not_found`) for an unknown owner.
    public func createProduct(_ product: Product) async throws {
        let gtin = product.gtin.gtin14
        try await translating(unique: .productExists(gtin), foreignKey: .organisationNotFound(product.ownerID)) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO products (\(Self.productColumns))
                        VALUES (\(gtin), \(product.ownerID), \(product.name), \(product.brand),
                                \(product.category.rawValue), \(product.specification), \(product.standard),
                                \(product.composition), \(product.origin), \(product.createdAt.microsecondsSince1970))
                        """)
            }
        }
    }

    /// The product with a GTIN, if registered.
    public func product(gtin: GTIN) async throws -> Product? {
        try await pool.read { db in
            try db.row("SELECT \(Self.productColumns) FROM products WHERE gtin = \(gtin.gtin14)").map(Self.product)
        }
    }

    /// The products an organisation owns, by GTIN.
    public func products(ownedBy organisationID: Int64) async throws -> [Product] {
        try await pool.read { db in
            try db.rows("SELECT \(Self.productColumns) FROM products WHERE owner_id = \(organisationID) ORDER BY gtin")
                .map(Self.product)
        }
    }

    /// Stores a new batch with its serial counter at zero; `conflict` (`batch_exists`) for a
    /// known lot, `notFound` (`product_not_found`) for an unregistered GTIN.
    public func createBatch(_ batch: Batch) async throws {
        let gtin = batch.gtin.gtin14
        try await translating(unique: .batchExists(gtin, lot: batch.lot), foreignKey: .productNotFound(gtin)) {
            try await pool.write { db in
                guard try db.row("SELECT 1 FROM products WHERE gtin = \(gtin)") != nil else {
                    throw QualityError.productNotFound(gtin)
                }
                try db.execute(
                    literal: """
                        INSERT INTO batches (\(Self.batchColumns))
                        VALUES (\(gtin), \(batch.lot), \(batch.producedOn.description), \(batch.expiresOn?.description),
                                \(batch.factoryGLN), \(batch.quantity), \(batch.labReport),
                                \(batch.recall?.recalledAt.microsecondsSince1970), \(batch.recall?.byOrganisationID),
                                \(batch.recall?.reason), \(batch.createdAt.microsecondsSince1970))
                        """)
            }
        }
    }

    /// The batch of a product with a lot, if registered.
    public func batch(gtin: GTIN, lot: String) async throws -> Batch? {
        try await pool.read { db in
            try db.row("SELECT \(Self.batchColumns) FROM batches WHERE gtin = \(gtin.gtin14) AND lot = \(lot)")
                .map(Self.batch)
        }
    }

    /// The batches of a product, by production date, then lot.
    public func batches(gtin: GTIN) async throws -> [Batch] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT \(Self.batchColumns) FROM batches WHERE gtin = \(gtin.gtin14) ORDER BY produced_on, lot
                """
            ).map(Self.batch)
        }
    }

    /// Records or lifts a recall; `notFound` (`batch_not_found`) for no such batch,
    /// (`organisation_not_found`) for an unknown recalling organisation.
    public func setRecall(_ recall: Recall?, gtin: GTIN, lot: String) async throws {
        let digits = gtin.gtin14
        let foreignKey = recall.map { QualityError.organisationNotFound($0.byOrganisationID) }
        try await translating(foreignKey: foreignKey) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        UPDATE batches
                        SET recalled_at = \(recall?.recalledAt.microsecondsSince1970),
                            recalled_by = \(recall?.byOrganisationID), recall_reason = \(recall?.reason)
                        WHERE gtin = \(digits) AND lot = \(lot)
                        """)
                guard db.changesCount == 1 else { throw QualityError.batchNotFound(digits, lot: lot) }
            }
        }
    }
}
