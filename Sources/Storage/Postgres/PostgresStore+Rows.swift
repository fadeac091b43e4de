import Access
import Foundation
import Passport
import PostgresNIO
import QualityCore

/// Reading domain values out of PostgreSQL rows. Each reader decodes its columns in the order
/// of the matching column list, which the queries interpolate.
extension PostgresStore {
    /// The columns `product(_:)` reads.
    static let productColumns = """
        gtin, owner_id, name, brand, category, specification, standard, composition, origin, created_at
        """
    /// The columns `batch(_:)` reads.
    static let batchColumns = """
        gtin, lot, produced_on, expires_on, factory_gln, quantity, lab_report,
        recalled_at, recalled_by, recall_reason, created_at
        """
    /// The columns `issuance(_:)` reads.
    static let issuanceColumns = "id, gtin, lot, first_index, count, issued_by, issued_at, ledger_index"

    /// An organisation from `id, name, role, created_at`.
    static func organisation(_ row: PostgresRow) throws -> Organisation {
        let (id, name, roleName, createdAt) = try row.decode((Int64, String, String, PostgresInstant).self)
        guard let role = Role(rawValue: roleName) else {
            throw CorruptRow(table: "organisations", problem: "unknown role '\(roleName)'")
        }
        return Organisation(id: id, name: name, role: role, createdAt: createdAt.date)
    }

    /// A product from a row of `productColumns`.
    static func product(_ row: PostgresRow) throws -> Product {
        let (gtin, ownerID, name, brand, categoryName, specification, standard, composition, origin, createdAt) =
            try row.decode(
                (String, Int64, String, String?, String, String?, String?, String?, String?, PostgresInstant).self)
        guard let category = ProductCategory(rawValue: categoryName) else {
            throw CorruptRow(table: "products", problem: "unknown category '\(categoryName)'")
        }
        return Product(
            gtin: try Self.gtin(gtin, table: "products"), ownerID: ownerID, name: name, brand: brand,
            category: category, specification: specification, standard: standard, composition: composition,
            origin: origin, createdAt: createdAt.date)
    }

    /// A batch from a row of `batchColumns`.
    static func batch(_ row: PostgresRow) throws -> Batch {
        let (
            gtin, lot, producedOn, expiresOn, factoryGLN, quantity, labReport, recalledAt, recalledBy, reason, createdAt
        ) =
            try row.decode(
                (
                    String, String, PostgresDay, PostgresDay?, String?, Int64?, String?, PostgresInstant?, Int64?,
                    String?, PostgresInstant
                ).self)
        var recall: Recall?
        if let recalledAt, let recalledBy, let reason {
            recall = Recall(recalledAt: recalledAt.date, byOrganisationID: recalledBy, reason: reason)
        }
        return Batch(
            gtin: try Self.gtin(gtin, table: "batches"), lot: lot, producedOn: producedOn.day,
            expiresOn: expiresOn?.day, factoryGLN: factoryGLN, quantity: quantity, labReport: labReport,
            recall: recall, createdAt: createdAt.date)
    }

    /// An issuance from a row of `issuanceColumns`.
    static func issuance(_ row: PostgresRow) throws -> Issuance {
        let (id, gtin, lot, firstIndex, count, issuedBy, issuedAt, ledgerIndex) =
            try row.decode((Int64, String, String, Int64, Int64, Int64, PostgresInstant, Int64?).self)
        if let ledgerIndex, ledgerIndex < 0 {
            throw CorruptRow(table: "issuances", problem: "ledger_index \(ledgerIndex) is negative")
        }
        return Issuance(
            id: id, gtin: try Self.gtin(gtin, table: "issuances"), lot: lot, firstIndex: firstIndex, count: count,
            issuedBy: issuedBy, issuedAt: issuedAt.date, ledgerIndex: ledgerIndex.map { UInt64($0) })
    }

    /// A GTIN stored as its 14 digits.
    static func gtin(_ digits: String, table: String) throws -> GTIN {
        do { return try GTIN(digits) } catch {
            throw CorruptRow(table: table, problem: "malformed GTIN '\(digits)'")
        }
    }
}
