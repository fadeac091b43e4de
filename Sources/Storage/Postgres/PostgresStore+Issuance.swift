public import Foundation
public import Passport
import PostgresNIO
public import QualityCore

/// Serial counters, issuances and serial keys.
extension PostgresStore {
    /// Advances the batch's counter and records the issuance in one statement (hence one
    /// transaction): the `UPDATE … RETURNING` row lock orders concurrent callers, so ranges never
    /// overlap, and a crash either keeps both the advance and the issuance or neither.
    public func allocateSerials(
        gtin: GTIN, lot: String, count: Int64, issuedBy: Int64, at issuedAt: Date
    ) async throws -> Issuance {
        guard count > 0 else { throw QualityError.badCount(count) }
        let digits = gtin.gtin14
        let at = PostgresInstant(issuedAt)
        return try await translating(foreignKey: .organisationNotFound(issuedBy)) {
            let rows = try await rows(
                """
                WITH advanced AS (
                    UPDATE batches SET next_index = next_index + \(count)
                    WHERE gtin = \(digits) AND lot = \(lot)
                    RETURNING next_index - \(count) AS first_index
                )
                INSERT INTO issuances (gtin, lot, first_index, count, issued_by, issued_at)
                SELECT \(digits), \(lot), first_index, \(count), \(issuedBy), \(at) FROM advanced
                RETURNING id, first_index
                """)
            guard let row = rows.first else { throw QualityError.batchNotFound(digits, lot: lot) }
            let (id, firstIndex) = try row.decode((Int64, Int64).self)
            return Issuance(
                id: id, gtin: gtin, lot: lot, firstIndex: firstIndex, count: count, issuedBy: issuedBy,
                issuedAt: at.date)
        }
    }

    /// The issuances of a batch, by first index.
    public func issuances(gtin: GTIN, lot: String) async throws -> [Issuance] {
        try await rows(
            """
            SELECT \(unescaped: Self.issuanceColumns) FROM issuances
            WHERE gtin = \(gtin.gtin14) AND lot = \(lot) ORDER BY first_index
            """
        ).map(Self.issuance)
    }

    /// Issuances issued before a time whose manifest has no ledger position, by id.
    public func issuancesMissingLedgerIndex(issuedBefore: Date, limit: Int) async throws -> [Issuance] {
        try await rows(
            """
            SELECT \(unescaped: Self.issuanceColumns) FROM issuances
            WHERE ledger_index IS NULL AND issued_at < \(PostgresInstant(issuedBefore))
            ORDER BY id LIMIT \(Int64(max(0, limit)))
            """
        ).map(Self.issuance)
    }

    /// Records the ledger position of an issuance's manifest.
    public func recordLedgerIndex(_ index: UInt64, of issuance: Issuance) async throws {
        let updated = try await rows(
            """
            UPDATE issuances SET ledger_index = \(Int64(index))
            WHERE gtin = \(issuance.gtin.gtin14) AND lot = \(issuance.lot) AND id = \(issuance.id)
            RETURNING id
            """)
        guard !updated.isEmpty else {
            throw QualityError.notFound("issuance_not_found", "no issuance \(issuance.id) of this batch")
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
        if let existing = try await storedSerialKey(id: id) { return existing }
        guard createIfMissing else { return nil }
        let fresh = SerialKey.generate(id: id)
        _ = try await rows(
            """
            INSERT INTO serial_keys (id, secret, created_at)
            VALUES (\(Int32(id)), \(ByteBuffer(bytes: fresh.secret)), \(PostgresInstant(Date())))
            ON CONFLICT (id) DO NOTHING
            """)
        return try await storedSerialKey(id: id)
    }

    /// The stored key with an id, if any.
    private func storedSerialKey(id: Int) async throws -> SerialKey? {
        guard let row = try await rows("SELECT secret FROM serial_keys WHERE id = \(Int32(id))").first else {
            return nil
        }
        let secret = Array(try row.decode(ByteBuffer.self).readableBytesView)
        guard secret.count == 32 else {
            throw CorruptRow(table: "serial_keys", problem: "key \(id) has \(secret.count) bytes, not 32")
        }
        return SerialKey(id: id, secret: secret)
    }
}
