public import Hummingbird
import Governance
import HummingbirdCore
public import Ledger
public import Logging
import NIOCore
import Passport
import QualityCore
import Recalls
public import Storage
import Trace

/// Builds the web application on opened stores: the router, the HTTP/1.1 server with an idle
/// timeout (so that a stalled or malformed request cannot hold a connection forever), the
/// ledger (its signing key read from, or created at, `ledgerKeyPath`) and the process's metrics
/// registry. Run it with `try await app.runService()`, which drains in-flight requests on
/// SIGTERM or SIGINT, signs a last checkpoint and returns; close the stores after that.
public func buildApplication(
    _ configuration: AppConfiguration, stores: Stores, logger: Logger
) async throws -> some ApplicationProtocol {
    let ledger = try openLedger(configuration, stores: stores, logger: logger)
    let router = try await buildRouter(configuration, stores: stores, logger: logger, ledger: ledger)
    let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000))
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idle)),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName),
        services: [
            LedgerService(
                ledger: ledger,
                passport: PassportService(
                    store: stores.passport, access: stores.access, stem: configuration.effectiveResolverStem,
                    ledger: ledger),
                events: EventCapture(store: stores.events, ledger: ledger),
                logger: logger)
        ],
        logger: logger)
}

/// The ledger over the stores, signing with the key at `ledgerKeyPath` (created on first run).
public func openLedger(_ configuration: AppConfiguration, stores: Stores, logger: Logger) throws -> Ledger {
    let signer = try LedgerKeyFile(path: configuration.ledgerKeyPath).loadOrCreate()
    return Ledger(
        store: stores.ledger, signer: signer,
        onCheckpointFailure: { error in logger.error("ledger checkpoint failed", metadata: ["error": "\(error)"]) })
}

/// Builds the router: middleware, every route, the resolver for Digital Link paths, and the
/// `OPTIONS`/405 answers for wrong methods on known paths (`methodFallbacks: false` leaves
/// those out, to list only the routes that do something). Without a `ledger` it opens one from
/// the configuration.
public func buildRouter(
    _ configuration: AppConfiguration, stores: Stores, logger: Logger, methodFallbacks: Bool = true,
    ledger: Ledger? = nil
) async throws -> Router<AppRequestContext> {
    let ledger = try ledger ?? openLedger(configuration, stores: stores, logger: logger)
    let registry = MetricsBootstrap.registry
    let pages = try await PageRenderer.load()
    let stem = configuration.effectiveResolverStem
    let service = PassportService(
        store: stores.passport, access: stores.access, stem: stem, clonePolicy: configuration.clonePolicy,
        ledger: ledger)
    let body = JSONBody(limit: configuration.maximumBodySize)
    let rateLimit = RateLimitMiddleware(
        limiter: configuration.scanRateLimitPerMinute > 0
            ? ClientRateLimiter(perMinute: configuration.scanRateLimitPerMinute) : nil)
    let latestCheckpoint = LatestCheckpoint(ledger: ledger)
    let resolver = DigitalLinkResolver(
        service: service, pages: pages, rateLimit: rateLimit,
        evidence: EvidenceLookup(service: service, ledger: ledger, latest: latestCheckpoint),
        journeys: JourneyLookup(graph: TraceGraph(store: stores.events)))

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
    publicScans.addRoutes(
        LedgerController(ledger: ledger, latest: latestCheckpoint).endpoints, atPath: "/ledger")

    let api = router.group("/api/v1")
        .add(middleware: BearerAuthMiddleware(access: stores.access))
        .group(context: SignedInRequestContext.self)
    api.addRoutes(ProductController(service: service, body: body).endpoints, atPath: "products")
    api.addRoutes(BatchController(service: service, body: body).endpoints, atPath: "batches")
    api.addRoutes(IssuanceController(service: service, body: body).endpoints, atPath: "issuances")
    api.addRoutes(
        VerifyController(service: service, body: body, limit: configuration.bulkVerifyLimit).endpoints, atPath: "verify"
    )
    api.addRoutes(TraceController(graph: TraceGraph(store: stores.events)).queryEndpoints, atPath: "trace")
    api.addRoutes(
        RecallScopeController(search: RecallScopeSearch(store: stores.recallScope)).endpoints, atPath: "recall")
    let governance = GovernanceService(
        store: stores.governance, rules: try configuration.governanceRules(), ledger: ledger)
    api.addRoutes(GovernanceController(service: governance, body: body).endpoints)
    let recalls = RecallService(
        store: stores.recalls, passport: service, calendar: try WorkingDayCalendar.load(path: configuration.calendarPath))
    api.addRoutes(RecallController(service: recalls, body: body).endpoints, atPath: "recalls")
    router.group("/recalls")
        .add(middleware: PageSignInMiddleware(access: stores.access))
        .addRoutes(RecallPageController(service: recalls, pages: pages).endpoints)

    let epcis = EPCISController(
        capture: EventCapture(store: stores.events, eventLimit: configuration.epcisCaptureLimit, ledger: ledger),
        fileSizeLimit: configuration.epcisCaptureFileSizeLimit)
    router.addRoutes(epcis.discovery, atPath: "/epcis")
    router.group("/epcis")
        .add(middleware: BearerAuthMiddleware(access: stores.access))
        .group(context: SignedInRequestContext.self)
        .addRoutes(epcis.endpoints)
    router.group("/trace")
        .add(middleware: BearerAuthMiddleware(access: stores.access))
        .group(context: SignedInRequestContext.self)
        .addRoutes(TraceController(graph: TraceGraph(store: stores.events)).endpoints)

    if methodFallbacks {
        MethodFallback.install(on: router)
    }
    logger.debug(
        "router built", metadata: ["resolver.stem": .string(stem), "routes": .stringConvertible(router.routes.count)])
    return router
}
