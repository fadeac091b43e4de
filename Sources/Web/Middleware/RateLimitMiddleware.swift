public import Hummingbird

/// Applies a `ClientRateLimiter` to the public scan endpoints: a client over its budget gets
/// 429 `rate_limited` with `Retry-After`.
public struct RateLimitMiddleware: RouterMiddleware {
    /// The request context this middleware works on.
    public typealias Context = AppRequestContext

    /// The limiter, or `nil` when limits are off.
    public let limiter: ClientRateLimiter?

    /// Creates the middleware.
    public init(limiter: ClientRateLimiter?) {
        self.limiter = limiter
    }

    /// Refuses the request when the client has no budget left.
    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        try check(context)
        return try await next(request, context)
    }

    /// Throws 429 when the client of the context has no budget left.
    public func check(_ context: AppRequestContext) throws(APIError) {
        guard let limiter else { return }
        if case .refused(let seconds) = limiter.admit(context.clientKey) {
            throw APIError(
                .tooManyRequests, code: "rate_limited",
                message:
                    "too many scans from this address; at most \(limiter.capacity) per minute, try again in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
    }
}
