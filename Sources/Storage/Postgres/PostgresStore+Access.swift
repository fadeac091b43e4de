public import Access
import Foundation
import PostgresNIO
import QualityCore

extension PostgresStore: AccessStore {
    /// Creates an organisation; `conflict` (`organisation_exists`) when the name is taken.
    public func createOrganisation(name: String, role: Role) async throws -> Organisation {
        let createdAt = PostgresInstant(Date())
        return try await translating(unique: .organisationExists(name)) {
            let rows = try await self.rows(
                """
                INSERT INTO organisations (name, role, created_at)
                VALUES (\(name), \(role.rawValue), \(createdAt)) RETURNING id
                """)
            guard let row = rows.first else {
                throw CorruptRow(table: "organisations", problem: "insert returned no id")
            }
            return Organisation(id: try row.decode(Int64.self), name: name, role: role, createdAt: createdAt.date)
        }
    }

    /// The organisation with an id, if any.
    public func organisation(id: Int64) async throws -> Organisation? {
        try await rows("SELECT id, name, role, created_at FROM organisations WHERE id = \(id)")
            .first.map(Self.organisation)
    }

    /// The organisation with a name, if any.
    public func organisation(named name: String) async throws -> Organisation? {
        try await rows("SELECT id, name, role, created_at FROM organisations WHERE name = \(name)")
            .first.map(Self.organisation)
    }

    /// All organisations, by id.
    public func organisations() async throws -> [Organisation] {
        try await rows("SELECT id, name, role, created_at FROM organisations ORDER BY id").map(Self.organisation)
    }

    /// Assigns a prefix unless it overlaps one held by another organisation. The table lock
    /// (which plain reads ignore) makes the check and the insert one step for concurrent
    /// assigners, which an index alone could not, since overlap is not equality.
    public func addCompanyPrefix(_ prefix: CompanyPrefix, to organisationID: Int64) async throws {
        let digits = prefix.digits
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("LOCK TABLE company_prefixes IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            let known = try await connection.query(
                "SELECT 1 FROM organisations WHERE id = \(organisationID)", logger: logger
            ).collect()
            guard !known.isEmpty else { throw QualityError.organisationNotFound(organisationID) }
            let overlapping = try await connection.query(
                """
                SELECT prefix FROM company_prefixes
                WHERE organisation_id <> \(organisationID)
                  AND (left(\(digits), length(prefix)) = prefix OR left(prefix, length(\(digits))) = \(digits))
                LIMIT 1
                """, logger: logger
            ).collect()
            if let held = overlapping.first {
                throw QualityError.prefixTaken(digits, heldAs: try held.decode(String.self))
            }
            try await connection.query(
                """
                INSERT INTO company_prefixes (prefix, organisation_id) VALUES (\(digits), \(organisationID))
                ON CONFLICT (prefix) DO NOTHING
                """, logger: logger)
        }
    }

    /// The prefixes assigned to an organisation, in digit order.
    public func companyPrefixes(of organisationID: Int64) async throws -> [CompanyPrefix] {
        // A loop rather than `map` with a typed-throwing initialiser: the release compiler
        // (Swift 6.3.1) crashes splitting this coroutine when the closure form is used.
        var prefixes: [CompanyPrefix] = []
        for row in try await rows("SELECT prefix FROM company_prefixes WHERE organisation_id = \(organisationID) ORDER BY prefix") {
            let digits = try row.decode(String.self)
            prefixes.append(try CompanyPrefix(digits))
        }
        return prefixes
    }

    /// Revokes a live token; `false` when none matched.
    public func revokeToken(digest: String) async throws -> Bool {
        let revokedAt = PostgresInstant(Date())
        let rows = try await self.rows(
            """
            UPDATE api_tokens SET revoked_at = \(revokedAt) WHERE digest = \(digest) AND revoked_at IS NULL
            RETURNING digest
            """)
        return !rows.isEmpty
    }

    /// Stores a token digest; `conflict` (`token_exists`) for a known digest, `notFound`
    /// (`organisation_not_found`) for an unknown organisation.
    public func addToken(digest: String, label: String, for organisationID: Int64) async throws {
        let createdAt = PostgresInstant(Date())
        try await translating(unique: .tokenExists, foreignKey: .organisationNotFound(organisationID)) {
            _ = try await self.rows(
                """
                INSERT INTO api_tokens (digest, organisation_id, label, created_at)
                VALUES (\(digest), \(organisationID), \(label), \(createdAt))
                """)
        }
    }

    /// The organisation a token digest belongs to, unless the token is revoked.
    public func organisation(forTokenDigest digest: String) async throws -> Organisation? {
        try await rows(
            """
            SELECT o.id, o.name, o.role, o.created_at
            FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id
            WHERE t.digest = \(digest) AND t.revoked_at IS NULL
            """
        ).first.map(Self.organisation)
    }
}
