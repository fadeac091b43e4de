/// Persistence of organisations, their company prefixes and API tokens.
///
/// Implementations keep every method atomic: a method either applies whole or throws.
public protocol AccessStore: Sendable {
    /// Creates an organisation; throws `conflict` (`organisation_exists`) when the name is taken.
    func createOrganisation(name: String, role: Role) async throws -> Organisation
    /// The organisation with an id, if any.
    func organisation(id: Int64) async throws -> Organisation?
    /// The organisation with a name, if any.
    func organisation(named name: String) async throws -> Organisation?
    /// All organisations, by id.
    func organisations() async throws -> [Organisation]
    /// Assigns a company prefix to an organisation; throws `conflict` (`prefix_taken`) when the
    /// prefix, or one that overlaps it (one is a prefix of the other), belongs to another organisation.
    func addCompanyPrefix(_ prefix: CompanyPrefix, to organisationID: Int64) async throws
    /// The prefixes assigned to an organisation.
    func companyPrefixes(of organisationID: Int64) async throws -> [CompanyPrefix]
    /// Stores a token digest for an organisation, with a label for people.
    func addToken(digest: String, label: String, for organisationID: Int64) async throws
    /// Revokes a token; returns whether a live token with that digest existed.
    func revokeToken(digest: String) async throws -> Bool
    /// The organisation a token digest belongs to, if the token exists and is not revoked.
    func organisation(forTokenDigest digest: String) async throws -> Organisation?
}
