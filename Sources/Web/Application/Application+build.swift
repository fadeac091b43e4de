public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
import Passport
public import Storage

/// Builds the web application on opened stores: the router, the HTTP/1.1 server with an idle
/// timeout (so that a stalled or malformed request cannot hold a connection forever) and the
/// process's metrics registry. Run it with `try await app.runService()`, which drains
/// in-flight requests on SIGTERM or SIGINT and returns; close the stores after that.
public func buildApplication(
    _ configuration: AppConfiguration, stores: Stores, logger: Logger
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration, stores: stores, logger: logger)
    let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000))
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idle)),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName),
        logger: logger)
}

/// Builds the router: middleware, every route, the resolver for Digital Link paths, and the
/// `OPTIONS`/405 answers for wrong methods on known paths (`methodFallbacks: false` leaves
/// those out, to list only the routes that do something).
public func buildRouter(
    _ configuration: AppConfiguration, stores: Stores, logger: Logger, methodFallbacks: Bool = true
) async throws -> Router<AppRequestContext> {
    let registry = MetricsBootstrap.registry
    let pages = try await PageRenderer.load()
    let stem = configuration.effectiveResolverStem
    let service = PassportService(
        store: stores.passport, access: stores.access, stem: stem, clonePolicy: configuration.clonePolicy)
    let body = JSONBody(limit: configuration.maximumBodySize)
    let rateLimit = RateLimitMiddleware(
        limiter: configuration.scanRateLimitPerMinute > 0
            ? ClientRateLimiter(perMinute: configuration.scanRateLimitPerMinute) : nil)
    let resolver = DigitalLinkResolver(service: service, pages: pages, rateLimit: rateLimit)

    let router = Router(context: AppRequestContext.self, options: [.autoGenerateHeadEndpoints])
    router.addMiddleware {
        RequestLogMiddleware(level: configuration.requestLogLevel)
        MetricsMiddleware()
        ErrorMiddleware(pages: pages)
        ResolverMiddleware(resolver: resolver)
    }
    router.addRoutes(
        try OperationsController(stem: stem, serverName: configuration.serverName, registry: registry, pages: pages)
            .endpoints)
    let publicScans = router.group().add(middleware: rateLimit)
    publicScans.addRoutes(QRController().endpoints, atPath: "/api/v1/qr")
    publicScans.addRoutes(BadgeController(service: service).endpoints, atPath: "/badge")

    let api = router.group("/api/v1")
        .add(middleware: BearerAuthMiddleware(access: stores.access))
        .group(context: SignedInRequestContext.self)
    api.addRoutes(ProductController(service: service, body: body).endpoints, atPath: "products")
    api.addRoutes(BatchController(service: service, body: body).endpoints, atPath: "batches")
    api.addRoutes(IssuanceController(service: service, body: body).endpoints, atPath: "issuances")
    api.addRoutes(
        VerifyController(service: service, body: body, limit: configuration.bulkVerifyLimit).endpoints, atPath: "verify"
    )

    if methodFallbacks {
        MethodFallback.install(on: router)
    }
    logger.debug(
        "router built", metadata: ["resolver.stem": .string(stem), "routes": .stringConvertible(router.routes.count)])
    return router
}
