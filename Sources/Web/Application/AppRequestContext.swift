public import Access
public import Hummingbird
public import NIOCore

/// The request context of every route: Hummingbird's core storage plus the two things the
/// application adds, the client's address (for per-client rate limits) and the organisation a
/// bearer token proved, if any. It is a struct of its own rather than an alias of
/// `BasicRequestContext` because the client address is only available when the context is made.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The peer address of the connection, when there is one (not in router tests).
    public let clientAddress: SocketAddress?
    /// The organisation whose token came with the request, set by `BearerAuthMiddleware`.
    public var organisation: Organisation?
    /// The SHA-256 digest of that token, which names the duty its holder acts with.
    public var tokenDigest: String?

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress
        self.organisation = nil
        self.tokenDigest = nil
    }

    /// A key naming the client for rate limits: its IP address without the port.
    public var clientKey: String {
        clientAddress?.ipAddress ?? "unknown"
    }
}
