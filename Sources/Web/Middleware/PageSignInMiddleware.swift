public import Access
import Foundation
public import Hummingbird
import Logging

/// Signs a browser in for the console pages: the API token comes as `Authorization: Bearer …`
/// or, so that a browser can ask for it, as the password of HTTP Basic authentication (the user
/// name is ignored). Without a valid token the answer is 401 with a Basic challenge, which makes
/// a browser prompt. The pages only read, so a browser resending the credentials to them cannot
/// change anything; the API accepts bearer tokens only.
public struct PageSignInMiddleware: RouterMiddleware {
    /// The request context this middleware works on.
    public typealias Context = AppRequestContext

    /// Where tokens are looked up.
    public let access: any AccessStore

    /// Creates the middleware.
    public init(access: any AccessStore) {
        self.access = access
    }

    /// Puts the token's organisation on the context, or answers 401 with a challenge.
    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let secret = Self.token(in: request.headers[.authorization]) else {
            throw Self.challenge("sign in with an API token: any user name, the token as the password")
        }
        let token = APIToken(secret: secret)
        guard secret.utf8.count <= 512, let organisation = try await access.organisation(forTokenDigest: token.digest)
        else {
            throw Self.challenge("the API token is not valid or has been revoked")
        }
        var context = context
        context.organisation = organisation
        context.tokenDigest = token.digest
        context.logger[metadataKey: "organisation"] = .string(organisation.name)
        return try await next(request, context)
    }

    /// The token in an `Authorization` value: a bearer token, or a Basic password (the user
    /// name when the password is empty).
    static func token(in header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0].lowercased() {
        case "bearer":
            return value.isEmpty ? nil : value
        case "basic":
            guard let data = Data(base64Encoded: value), let pair = String(data: data, encoding: .utf8),
                let colon = pair.firstIndex(of: ":")
            else { return nil }
            let password = String(pair[pair.index(after: colon)...])
            let user = String(pair[..<colon])
            let token = password.isEmpty ? user : password
            return token.isEmpty ? nil : token
        default:
            return nil
        }
    }

    /// 401 with a Basic challenge.
    static func challenge(_ message: String) -> APIError {
        APIError(
            .unauthorized, code: "unauthorized", message: message,
            headers: [.wwwAuthenticate: #"Basic realm="QualityLoop", charset="UTF-8""#])
    }
}
