public import Access
import Foundation
public import Hummingbird
import Logging

/// Reads `Authorization: Bearer <token>`, looks the token's SHA-256 digest up and puts the
/// organisation on the context. A request without the header passes through unauthenticated
/// (`SignedInRequestContext` then refuses it); a header with an unknown or malformed token is a
/// 401 straight away, so that a typo is not mistaken for "no token".
public struct BearerAuthMiddleware: RouterMiddleware {
    /// The request context this middleware works on.
    public typealias Context = AppRequestContext

    /// Where tokens are looked up.
    public let access: any AccessStore

    /// Creates the middleware.
    public init(access: any AccessStore) {
        self.access = access
    }

    /// Authenticates the request, if it carries a token.
    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            return try await next(request, context)
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("the Authorization header must be 'Bearer <token>'")
        }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        let digest = APIToken(secret: secret).digest
        guard !secret.isEmpty, secret.utf8.count <= 512,
            let organisation = try await access.organisation(forTokenDigest: digest)
        else {
            throw APIError.unauthorized("the API token is not valid or has been revoked")
        }
        var context = context
        context.organisation = organisation
        context.tokenDigest = digest
        context.logger[metadataKey: "organisation"] = .string(organisation.name)
        return try await next(request, context)
    }
}
