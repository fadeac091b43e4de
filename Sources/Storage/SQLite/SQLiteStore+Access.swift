public import Access
import Foundation
import GRDB
import QualityCore

extension SQLiteStore: AccessStore {
    /// Creates an organisation; `conflict` (`organisation_exists`) when the name is taken.
    public func createOrganisation(name: String, role: Role) async throws -> Organisation {
        let createdAt = Date().microsecondsSince1970
        return try await translating(unique: .organisationExists(name)) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO organisations (name, role, created_at)
                        VALUES (\(name), \(role.rawValue), \(createdAt))
                        """)
                return Organisation(
                    id: db.lastInsertedRowID, name: name, role: role,
                    createdAt: Date(microsecondsSince1970: createdAt))
            }
        }
    }

    /// The organisation with an id, if any.
    public func organisation(id: Int64) async throws -> Organisation? {
        try await pool.read { db in
            try db.row("SELECT \(Self.organisationColumns) FROM organisations WHERE id = \(id)")
                .map(Self.organisation)
        }
    }

    /// The organisation with a name, if any.
    public func organisation(named name: String) async throws -> Organisation? {
        try await pool.read { db in
            try db.row("SELECT \(Self.organisationColumns) FROM organisations WHERE name = \(name)")
                .map(Self.organisation)
        }
    }

    /// All organisations, by id.
    public func organisations() async throws -> [Organisation] {
        try await pool.read { db in
            try db.rows("SELECT \(Self.organisationColumns) FROM organisations ORDER BY id").map(Self.organisation)
        }
    }

    /// Assigns a prefix unless it overlaps one held by another organisation; the check and the
    /// insert share one write transaction, so two overlapping assignments cannot both pass.
    public func addCompanyPrefix(_ prefix: CompanyPrefix, to organisationID: Int64) async throws {
        let digits = prefix.digits
        try await pool.write { db in
            guard try db.row("SELECT 1 FROM organisations WHERE id = \(organisationID)") != nil else {
                throw QualityError.organisationNotFound(organisationID)
            }
            let overlapping = try db.row(
                """
                SELECT prefix FROM company_prefixes
                WHERE organisation_id <> \(organisationID)
                  AND (substr(\(digits), 1, length(prefix)) = prefix OR substr(prefix, 1, length(\(digits))) = \(digits))
                LIMIT 1
                """)
            if let overlapping {
                throw QualityError.prefixTaken(digits, heldAs: try overlapping.decode(forColumn: "prefix"))
            }
            try db.execute(
                literal: """
                    INSERT INTO company_prefixes (prefix, organisation_id) VALUES (\(digits), \(organisationID))
                    ON CONFLICT (prefix) DO NOTHING
                    """)
        }
    }

    /// The prefixes assigned to an organisation, in digit order.
    public func companyPrefixes(of organisationID: Int64) async throws -> [CompanyPrefix] {
        let digits = try await pool.read { db in
            try db.rows("SELECT prefix FROM company_prefixes WHERE organisation_id = \(organisationID) ORDER BY prefix")
                .map { row -> String in try row.decode(forColumn: "prefix") }
        }
        return try digits.map { text in try CompanyPrefix(text) }
    }

    /// Stores a token digest; `conflict` (`token_exists`) for a known digest, `notFound`
    /// (`organisation_not_found`) for an unknown organisation.
    public func addToken(digest: String, label: String, for organisationID: Int64) async throws {
        let createdAt = Date().microsecondsSince1970
        try await translating(unique: .tokenExists, foreignKey: .organisationNotFound(organisationID)) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO api_tokens (digest, organisation_id, label, created_at)
                        VALUES (\(digest), \(organisationID), \(label), \(createdAt))
                        """)
            }
        }
    }

    /// The organisation a token digest belongs to, unless the token is revoked.
    public func revokeToken(digest: String) async throws -> Bool {
        let revokedAt = Date().microsecondsSince1970
        return try await pool.write { db in
            try db.execute(
                literal: "UPDATE api_tokens SET revoked_at = \(revokedAt) WHERE digest = \(digest) AND revoked_at IS NULL")
            return db.changesCount > 0
        }
    }

    public func organisation(forTokenDigest digest: String) async throws -> Organisation? {
        try await pool.read { db in
            try db.row(
                """
                SELECT o.id, o.name, o.role, o.created_at
                FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id
                WHERE t.digest = \(digest) AND t.revoked_at IS NULL
                """
            ).map(Self.organisation)
        }
    }
}
