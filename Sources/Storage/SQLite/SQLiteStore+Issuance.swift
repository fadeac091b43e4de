public import Foundation
import GRDB
public import Passport
public import QualityCore

/// Serial counters, issuances and serial keys: the writes that must never be repeated or lost.
extension SQLiteStore {
    /// Advances the batch's counter and records the issuance in one `BEGIN IMMEDIATE`
    /// transaction that is synced to disk before it returns, so no index is handed out twice,
    /// even after a crash or a power cut.
    public func allocateSerials(
        gtin: GTIN, lot: String, count: Int64, issuedBy: Int64, at issuedAt: Date
    ) async throws -> Issuance {
        guard count > 0 else { throw QualityError.badCount(count) }
        let digits = gtin.gtin14
        let at = issuedAt.microsecondsSince1970
        return try await translating(foreignKey: .organisationNotFound(issuedBy)) {
            try await durableWrite { db in
                guard
                    let row = try db.row(
                        """
                        UPDATE batches SET next_index = next_index + \(count)
                        WHERE gtin = \(digits) AND lot = \(lot)
                        RETURNING next_index - \(count) AS first_index
                        """)
                else { throw QualityError.batchNotFound(digits, lot: lot) }
                let firstIndex: Int64 = try row.decode(forColumn: "first_index")
                try db.execute(
                    literal: """
                        INSERT INTO issuances (gtin, lot, first_index, count, issued_by, issued_at)
                        VALUES (\(digits), \(lot), \(firstIndex), \(count), \(issuedBy), \(at))
                        """)
                return Issuance(
                    id: db.lastInsertedRowID, gtin: gtin, lot: lot, firstIndex: firstIndex, count: count,
                    issuedBy: issuedBy, issuedAt: Date(microsecondsSince1970: at))
            }
        }
    }

    /// The issuances of a batch, by first index.
    public func issuances(gtin: GTIN, lot: String) async throws -> [Issuance] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT \(Self.issuanceColumns) FROM issuances
                WHERE gtin = \(gtin.gtin14) AND lot = \(lot) ORDER BY first_index
                """
            ).map(Self.issuance)
        }
    }

    /// Issuances issued before a time whose manifest has no ledger position, by id.
    public func issuancesMissingLedgerIndex(issuedBefore: Date, limit: Int) async throws -> [Issuance] {
        let before = issuedBefore.microsecondsSince1970
        return try await pool.read { db in
            try db.rows(
                """
                SELECT \(Self.issuanceColumns) FROM issuances
                WHERE ledger_index IS NULL AND issued_at < \(before) ORDER BY id LIMIT \(max(0, limit))
                """
            ).map(Self.issuance)
        }
    }

    /// Records the ledger position of an issuance's manifest.
    public func recordLedgerIndex(_ index: UInt64, of issuance: Issuance) async throws {
        let position = Int64(index)
        try await pool.write { db in
            try db.execute(
                literal: """
                    UPDATE issuances SET ledger_index = \(position)
                    WHERE gtin = \(issuance.gtin.gtin14) AND lot = \(issuance.lot) AND id = \(issuance.id)
                    """)
            guard db.changesCount == 1 else {
                throw QualityError.notFound("issuance_not_found", "no issuance \(issuance.id) of this batch")
            }
        }
    }

    /// The serial key with an id, creating it with fresh random bytes when asked. The insert
    /// keeps an existing key (`ON CONFLICT DO NOTHING`), so concurrent creators all read back the
    /// one that won.
    public func serialKey(id: Int, createIfMissing: Bool) async throws -> SerialKey? {
        guard (0..<62).contains(id) else {
            if createIfMissing { throw QualityError.badKeyID(id) }
            return nil
        }
        if let existing = try await pool.read({ db in try Self.serialKey(id: id, db) }) {
            return existing
        }
        guard createIfMissing else { return nil }
        let fresh = SerialKey.generate(id: id)
        let createdAt = Date().microsecondsSince1970
        return try await durableWrite { db in
            try db.execute(
                literal: """
                    INSERT INTO serial_keys (id, secret, created_at) VALUES (\(id), \(Data(fresh.secret)), \(createdAt))
                    ON CONFLICT (id) DO NOTHING
                    """)
            return try Self.serialKey(id: id, db)
        }
    }

    /// The stored key with an id, if any.
    private static func serialKey(id: Int, _ db: Database) throws -> SerialKey? {
        guard let row = try db.row("SELECT secret FROM serial_keys WHERE id = \(id)") else { return nil }
        let secret: Data = try row.decode(forColumn: "secret")
        guard secret.count == 32 else {
            throw CorruptRow(table: "serial_keys", problem: "key \(id) has \(secret.count) bytes, not 32")
        }
        return SerialKey(id: id, secret: Array(secret))
    }
}
