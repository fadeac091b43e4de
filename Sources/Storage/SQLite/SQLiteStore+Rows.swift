import Access
import Foundation
import GRDB
import Passport
import QualityCore

/// Reading domain values out of SQLite rows. Column lists live next to the readers so that a
/// query and the reader of its rows cannot drift apart.
extension SQLiteStore {
    /// The columns `organisation(_:)` reads.
    static let organisationColumns: SQL = "id, name, role, created_at"
    /// The columns `product(_:)` reads.
    static let productColumns: SQL = """
        gtin, owner_id, name, brand, category, specification, standard, composition, origin, created_at
        """
    /// The columns `batch(_:)` reads.
    static let batchColumns: SQL = """
        gtin, lot, produced_on, expires_on, factory_gln, quantity, lab_report,
        recalled_at, recalled_by, recall_reason, created_at
        """
    /// The columns `issuance(_:)` reads.
    static let issuanceColumns: SQL = "id, gtin, lot, first_index, count, issued_by, issued_at, ledger_index"

    /// An organisation from a row of `organisationColumns`.
    static func organisation(_ row: Row) throws -> Organisation {
        let roleName: String = try row.decode(forColumn: "role")
        guard let role = Role(rawValue: roleName) else {
            throw CorruptRow(table: "organisations", problem: "unknown role '\(roleName)'")
        }
        return Organisation(
            id: try row.decode(forColumn: "id"), name: try row.decode(forColumn: "name"), role: role,
            createdAt: Date(microsecondsSince1970: try row.decode(forColumn: "created_at")))
    }

    /// A product from a row of `productColumns`.
    static func product(_ row: Row) throws -> Product {
        let categoryName: String = try row.decode(forColumn: "category")
        guard let category = ProductCategory(rawValue: categoryName) else {
            throw CorruptRow(table: "products", problem: "unknown category '\(categoryName)'")
        }
        return Product(
            gtin: try gtin(row, table: "products"), ownerID: try row.decode(forColumn: "owner_id"),
            name: try row.decode(forColumn: "name"), brand: try row.decode(forColumn: "brand"),
            category: category, specification: try row.decode(forColumn: "specification"),
            standard: try row.decode(forColumn: "standard"), composition: try row.decode(forColumn: "composition"),
            origin: try row.decode(forColumn: "origin"),
            createdAt: Date(microsecondsSince1970: try row.decode(forColumn: "created_at")))
    }

    /// A batch from a row of `batchColumns`.
    static func batch(_ row: Row) throws -> Batch {
        var recall: Recall?
        if let recalledAt: Int64 = try row.decode(forColumn: "recalled_at") {
            recall = Recall(
                recalledAt: Date(microsecondsSince1970: recalledAt),
                byOrganisationID: try row.decode(forColumn: "recalled_by"),
                reason: try row.decode(forColumn: "recall_reason"))
        }
        let expiresOn: String? = try row.decode(forColumn: "expires_on")
        return Batch(
            gtin: try gtin(row, table: "batches"), lot: try row.decode(forColumn: "lot"),
            producedOn: try day(try row.decode(forColumn: "produced_on"), table: "batches"),
            expiresOn: try expiresOn.map { try day($0, table: "batches") },
            factoryGLN: try row.decode(forColumn: "factory_gln"), quantity: try row.decode(forColumn: "quantity"),
            labReport: try row.decode(forColumn: "lab_report"), recall: recall,
            createdAt: Date(microsecondsSince1970: try row.decode(forColumn: "created_at")))
    }

    /// An issuance from a row of `issuanceColumns`.
    static func issuance(_ row: Row) throws -> Issuance {
        Issuance(
            id: try row.decode(forColumn: "id"), gtin: try gtin(row, table: "issuances"),
            lot: try row.decode(forColumn: "lot"), firstIndex: try row.decode(forColumn: "first_index"),
            count: try row.decode(forColumn: "count"), issuedBy: try row.decode(forColumn: "issued_by"),
            issuedAt: Date(microsecondsSince1970: try row.decode(forColumn: "issued_at")),
            ledgerIndex: try ledgerIndex(row.decode(forColumn: "ledger_index")))
    }

    /// A stored ledger position, which is never negative.
    static func ledgerIndex(_ stored: Int64?) throws -> UInt64? {
        guard let stored else { return nil }
        guard stored >= 0 else { throw CorruptRow(table: "issuances", problem: "ledger_index \(stored) is negative") }
        return UInt64(stored)
    }

    /// The GTIN in a row's `gtin` column.
    private static func gtin(_ row: Row, table: String) throws -> GTIN {
        let digits: String = try row.decode(forColumn: "gtin")
        do { return try GTIN(digits) } catch {
            throw CorruptRow(table: table, problem: "malformed GTIN '\(digits)'")
        }
    }

    /// A calendar day stored as `YYYY-MM-DD`.
    private static func day(_ text: String, table: String) throws -> CalendarDay {
        do { return try CalendarDay(text) } catch {
            throw CorruptRow(table: table, problem: "malformed date '\(text)'")
        }
    }
}

extension Database {
    /// The first row of a query built by bound interpolation, from a cached prepared statement.
    func row(_ sql: SQL) throws -> Row? {
        try Row.fetchOne(self, SQLRequest<Row>(literal: sql, cached: true))
    }

    /// Every row of a query built by bound interpolation, from a cached prepared statement.
    func rows(_ sql: SQL) throws -> [Row] {
        try Row.fetchAll(self, SQLRequest<Row>(literal: sql, cached: true))
    }
}
