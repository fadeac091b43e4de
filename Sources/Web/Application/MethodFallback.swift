import HTTPTypes
import Hummingbird

/// Gives every routed path complete method semantics, which Hummingbird's trie router lacks
/// (it answers 404 for a known path with an unrouted method): `OPTIONS` answers 204 with
/// `Allow`, and any other method, standard or not (`QUERY`, `FOO`), answers 405 with `Allow`.
enum MethodFallback {
    /// A routed path and the methods it serves.
    struct KnownPath: Sendable {
        /// The path pattern.
        let path: RouterPath
        /// The methods it answers, in a stable order, as the `Allow` header lists them.
        let allow: [HTTPRequest.Method]

        /// Whether a request path matches the pattern.
        func matches(_ segments: [Substring]) -> Bool {
            guard segments.count == path.count else { return false }
            return zip(path, segments).allSatisfy { element, segment in element ~= segment }
        }
    }

    /// The order methods are listed in.
    static let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options]

    /// Adds the fallbacks for every path routed so far; call after the last route. The 405
    /// check is a middleware on the router, which Hummingbird applies to unrouted requests.
    static func install(on router: Router<AppRequestContext>) {
        var methods: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in router.routes {
            methods[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        var known: [KnownPath] = []
        for (_, entry) in methods.sorted(by: { $0.key < $1.key }) {
            var allowed = entry.methods
            if allowed.contains(.get) { allowed.insert(.head) }
            allowed.insert(.options)
            known.append(KnownPath(path: entry.path, allow: order.filter(allowed.contains)))
        }
        router.add(middleware: MethodNotAllowedMiddleware(known: known))
        for path in known where !(methods[path.path.description]?.methods.contains(.options) ?? false) {
            let allowHeader = path.allow.map(\.rawValue).joined(separator: ", ")
            router.on(path.path, method: .options) { _, _ -> Response in
                Response(status: .noContent, headers: [.allow: allowHeader])
            }
        }
    }
}

/// Answers 405 for an unrouted request whose path is a known route path.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    /// The request context this middleware works on.
    typealias Context = AppRequestContext

    /// Every routed path with its methods.
    let known: [MethodFallback.KnownPath]

    /// Throws 405 for a known path reached with a method it does not serve.
    func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard context.endpointPath == nil else { return try await next(request, context) }
        let segments = request.uri.path.split(separator: "/")
        if let path = known.first(where: { $0.matches(segments) }) {
            context.coreContext.endpointPath.value = path.path.description
            throw APIError.methodNotAllowed(request.method, allowed: path.allow)
        }
        return try await next(request, context)
    }
}
