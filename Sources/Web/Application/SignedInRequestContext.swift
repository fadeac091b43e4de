public import Access
public import Hummingbird

/// The context of routes that need a signed-in organisation: it can only be made from an
/// `AppRequestContext` whose bearer token was accepted, so a handler that receives one never
/// has to ask whether someone is signed in.
public struct SignedInRequestContext: ChildRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The organisation the token belongs to.
    public let organisation: Organisation
    /// The digest of the token that proved it.
    public let tokenDigest: String

    /// Accepts the parent context only when it carries an organisation; otherwise 401.
    public init(context: AppRequestContext) throws {
        guard let organisation = context.organisation, let tokenDigest = context.tokenDigest else {
            throw APIError.unauthorized("this endpoint needs an API token: send 'Authorization: Bearer <token>'")
        }
        self.coreContext = context.coreContext
        self.organisation = organisation
        self.tokenDigest = tokenDigest
    }

    /// Throws 403 unless the organisation has one of the roles.
    public func require(_ roles: Role..., toDo action: String) throws(APIError) {
        guard roles.contains(organisation.role) else {
            let names = roles.map(\.rawValue).joined(separator: " or ")
            throw APIError.forbidden(
                "role_not_allowed",
                "only a \(names) may \(action); \(organisation.name) is a \(organisation.role.rawValue)")
        }
    }

    /// Whose captured events and jobs the caller sees: a regulator everyone's (`nil`), anyone
    /// else its own organisation's.
    public var visibleOrganisationID: Int64? {
        organisation.role == .regulator ? nil : organisation.id
    }
}
