public import Hummingbird

/// Sends requests that no route matched, and whose path is a Digital Link, to the resolver.
///
/// Digital Link paths cannot be routes of the router: they may carry any path prefix and any
/// primary key. The router marks a matched request with its endpoint path before the
/// middleware chain runs, so a request without one is on its way to the 404 responder; this
/// middleware catches it there and answers as the resolver, leaving every real route untouched.
public struct ResolverMiddleware: RouterMiddleware {
    /// The request context this middleware works on.
    public typealias Context = AppRequestContext

    /// The resolver.
    public let resolver: DigitalLinkResolver

    /// The route name metrics and logs use for resolver requests.
    public static let endpointName = "/{digital-link}"

    /// Creates the middleware.
    public init(resolver: DigitalLinkResolver) {
        self.resolver = resolver
    }

    /// Answers unrouted Digital Link paths; passes everything else on.
    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard context.endpointPath == nil, ScanRequest.isDigitalLinkPath(request.uri.path) else {
            return try await next(request, context)
        }
        context.coreContext.endpointPath.value = Self.endpointName
        return try await resolver.respond(to: request, context: context)
    }
}
