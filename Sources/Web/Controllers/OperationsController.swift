import Foundation
public import Hummingbird
import Prometheus
import QualityCore

/// The public routes that describe and watch the server: `/` (what it does, with links),
/// `/healthz`, `/metrics` (Prometheus text), `/openapi.json` and the GS1 resolver description
/// at `/.well-known/gs1resolver`.
public struct OperationsController: Sendable {
    /// The resolver stem.
    public let stem: String
    /// The server's name.
    public let serverName: String
    /// The registry `/metrics` exports.
    let registry: PrometheusCollectorRegistry
    /// The page templates.
    let pages: PageRenderer
    /// The OpenAPI document, loaded once.
    let openAPI: ByteBuffer

    /// Creates the controller.
    init(stem: String, serverName: String, registry: PrometheusCollectorRegistry, pages: PageRenderer) throws {
        self.stem = stem
        self.serverName = serverName
        self.registry = registry
        self.pages = pages
        self.openAPI = try OpenAPIDocument.load()
    }

    /// The routes, at the root.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/", use: index)
        routes.get("healthz", use: health)
        routes.get("metrics", use: metrics)
        routes.get("openapi.json", use: openAPIDocument)
        routes.get(".well-known/gs1resolver", use: resolverDescription)
        return routes
    }

    /// `GET /healthz`: answers while the server runs; it touches no database, so it measures the server alone.
    @Sendable func health(_ request: Request, context: AppRequestContext) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
    }

    /// `GET /metrics`.
    @Sendable func metrics(_ request: Request, context: AppRequestContext) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }

    /// `GET /openapi.json`.
    @Sendable func openAPIDocument(_ request: Request, context: AppRequestContext) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json", .accessControlAllowOrigin: "*"],
            body: .init(byteBuffer: openAPI))
    }

    /// `GET /.well-known/gs1resolver`.
    @Sendable func resolverDescription(_ request: Request, context: AppRequestContext) throws -> Response {
        var response = try JSONCoding.response(ResolverDescription(stem: stem, name: serverName), snakeCase: false)
        response.headers[.accessControlAllowOrigin] = "*"
        return response
    }

    /// One link or endpoint on the index page.
    struct IndexEntry {
        /// Where the entry links to (empty for none).
        let href: String
        /// What the entry is called.
        let label: String
        /// What it does, in both languages.
        let description: String
    }

    /// What the index page shows.
    struct IndexPage {
        /// The resolver stem.
        let stem: String
        /// Links to follow.
        let links: [IndexEntry]
        /// API endpoints.
        let api: [IndexEntry]
    }

    /// `GET /`.
    @Sendable func index(_ request: Request, context: AppRequestContext) -> Response {
        let page = IndexPage(
            stem: stem,
            links: [
                .init(href: "/healthz", label: "/healthz", description: "健康检查 · Health check"),
                .init(href: "/metrics", label: "/metrics", description: "Prometheus 指标 · Prometheus metrics"),
                .init(href: "/openapi.json", label: "/openapi.json", description: "OpenAPI 3.1 接口描述 · API description"),
                .init(
                    href: "/.well-known/gs1resolver", label: "gs1resolver",
                    description: "GS1 解析器描述 · GS1 resolver description"),
            ],
            api: [
                .init(href: "", label: "POST /api/v1/products", description: "生产者登记产品 · register a product (producer)"),
                .init(href: "", label: "POST /api/v1/batches", description: "登记批次 · register a batch"),
                .init(
                    href: "", label: "POST /api/v1/issuances",
                    description: "赋码并下载标签 · issue unit codes, download labels"),
                .init(
                    href: "", label: "POST /api/v1/batches/{gtin}/{lot}/recall", description: "召回批次 · recall a batch"),
                .init(href: "", label: "POST /api/v1/verify", description: "平台批量验码 · bulk verification (platform)"),
                .init(href: "", label: "GET /api/v1/qr?uri=…", description: "二维码 · QR code (SVG/PNG)"),
                .init(href: "", label: "GET /badge/{gtin}.svg", description: "亮码徽章 · listing badge"),
            ])
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: pages.render(page, template: "index"))))
    }
}
