import Foundation
import HTTPTypes
public import Hummingbird
public import Passport
import QRCode
import QualityCore
import Trace

/// The server as its own GS1 Digital Link resolver: `GET` on any valid Digital Link path
/// (`/01/{gtin}/10/{lot}/21/{serial}`, with or without a path prefix, GTIN-8/12/13 forms,
/// data attributes in the query) answers with the scan page, the JSON verdict or an RFC 9264
/// linkset, by content negotiation. Every page or JSON answer is a recorded scan.
public struct DigitalLinkResolver: Sendable {
    /// The passport use cases.
    public let service: PassportService
    /// The page templates.
    let pages: PageRenderer
    /// The per-client limit on public scans.
    let rateLimit: RateLimitMiddleware
    /// `scheme://host[:port]` of the resolver stem: scanned paths are read as URIs under it.
    let origin: String
    /// Verdict counters.
    let metrics = ScanMetrics()
    /// Products' and batches' JSON, written once.
    let fragments = JSONFragments()
    /// The units' ledger evidence, given on request (`?evidence=1`).
    let evidence: EvidenceLookup?
    /// The units' journeys, for their pages only.
    let journeys: JourneyLookup?

    /// The `Link` response header (RFC 8288).
    static let linkHeader = HTTPField.Name("Link")!

    /// The methods a Digital Link path answers.
    static let allowedMethods: [HTTPRequest.Method] = [.get, .head, .options]

    /// Creates the resolver.
    init(
        service: PassportService, pages: PageRenderer, rateLimit: RateLimitMiddleware, evidence: EvidenceLookup? = nil,
        journeys: JourneyLookup? = nil
    ) {
        self.service = service
        self.evidence = evidence
        self.journeys = journeys
        self.pages = pages
        self.rateLimit = rateLimit
        self.origin = ScanRequest.origin(ofStem: service.stem)
    }

    /// Answers a request whose path is a Digital Link.
    public func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        switch request.method {
        case .options:
            return Response(status: .noContent, headers: Self.corsHeaders(allow: true))
        case .get, .head:
            break
        default:
            throw APIError.methodNotAllowed(request.method, allowed: Self.allowedMethods)
        }
        try rateLimit.check(context)
        let representation = Representation.requested(by: request)
        let uri = ScanRequest.absoluteURI(of: request, origin: origin)
        var response: Response
        switch representation {
        case .linkset:
            response = try await linkset(for: uri)
        case .json, .html:
            let client: ScanClient = representation == .json ? .api : .browser
            let scan = ScanContext(
                location: try ScanRequest.location(of: request), client: client,
                records: ScanRequest.isNewScan(request))
            let verdict: Verdict
            do {
                verdict = try await service.verify(uri, context: scan)
            } catch let error as QualityError where error.code == "not_a_trade_item" {
                throw APIError.notFound(
                    "no_passport", "this resolver keeps passports for trade items (GTIN, AI 01) only: \(error.message)")
            }
            metrics.record(verdict.verdict)
            if representation == .json {
                response = verdict.jsonResponse(evidence: await unitEvidence(verdict, request: request), fragments: fragments)
            } else {
                response = page(
                    verdict, request: request, evidence: await pageEvidence(verdict),
                    journey: await journeys?.journey(for: verdict))
            }
        }
        response.headers.append(contentsOf: [
            HTTPField(
                name: Self.linkHeader,
                value: "<" + Self.link(request, setting: "linkType", to: "linkset") + ">; rel=\"linkset\"; type=\""
                    + Linkset.mediaType + "\""),
            HTTPField(name: .vary, value: "Accept, Accept-Language"),
            HTTPField(name: .accessControlAllowOrigin, value: "*"),
            HTTPField(name: .cacheControl, value: "no-store"),
        ])
        if request.method == .head {
            response.body = ResponseBody()
        }
        return response
    }

    /// The unit's ledger evidence when the request asks for it with `?evidence=1`. It is opt-in
    /// so that plain scans keep their speed; a failure to assemble it leaves it out rather than
    /// failing the scan, whose verdict stands on its own.
    func unitEvidence(_ verdict: Verdict, request: Request) async -> UnitEvidence? {
        guard let evidence, let query = request.uri.query, !query.isEmpty,
            request.uri.queryParameters["evidence"] == "1"
        else { return nil }
        return (try? await evidence.evidence(for: verdict)) ?? nil
    }

    /// The unit's ledger evidence for its scan page, which always shows it (a page is read by a
    /// person, not polled by a load test); `nil` when the unit has none or it cannot be assembled.
    func pageEvidence(_ verdict: Verdict) async -> UnitEvidence? {
        guard let evidence else { return nil }
        return (try? await evidence.evidence(for: verdict)) ?? nil
    }

    /// The scan page.
    func page(_ verdict: Verdict, request: Request, evidence: UnitEvidence? = nil, journey: Journey? = nil) -> Response {
        let language = PageLanguage.requested(by: request)
        let links = ScanPageLinks(
            chinese: Self.link(request, setting: "lang", to: "zh"),
            english: Self.link(request, setting: "lang", to: "en"),
            json: Self.link(request, setting: "format", to: "json"),
            linkset: Self.link(request, setting: "linkType", to: "linkset"),
            evidence: Self.link(request, setting: "format", to: "json") + "&evidence=1")
        let model = ScanPage(
            verdict: verdict, language: language, links: links, qrSVG: Self.inlineQR(verdict.uri), evidence: evidence,
            journey: journey)
        let html = pages.render(model, template: "scan")
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.htmlTag],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The linkset of a code, without recording a scan.
    func linkset(for uri: String) async throws -> Response {
        let link = try DigitalLink.parse(uri)
        let linkset = try await LinksetBuilder(service: service).linkset(for: link)
        return try JSONCoding.response(linkset, snakeCase: false, contentType: Linkset.mediaType)
    }

    /// The QR code of a URI as inline SVG markup, or nothing when it cannot be drawn.
    static func inlineQR(_ uri: String) -> String {
        guard let code = try? QRCode.encode(uri, correction: .medium) else { return "" }
        let svg = code.svg(moduleSize: 4, quietZone: 4)
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// The request's own path and query with one query parameter set (replacing any earlier
    /// value), for links between representations and languages.
    static func link(_ request: Request, setting name: String, to value: String) -> String {
        guard let query = request.uri.query, !query.isEmpty else { return request.uri.path + "?" + name + "=" + value }
        var items = query.split(separator: "&").filter { item in
            let key = item.split(separator: "=", maxSplits: 1).first ?? ""
            return key != name && !key.isEmpty
        }.map(String.init)
        items.append("\(name)=\(value)")
        return request.uri.path + "?" + items.joined(separator: "&")
    }

    /// Headers for cross-origin use and `OPTIONS`.
    static func corsHeaders(allow: Bool) -> HTTPFields {
        var fields: HTTPFields = [
            .accessControlAllowOrigin: "*",
            .accessControlAllowMethods: "GET, HEAD, OPTIONS",
            .accessControlAllowHeaders: "Accept, Accept-Language, X-Scan-Location",
        ]
        if allow {
            fields[.allow] = allowedMethods.map(\.rawValue).joined(separator: ", ")
        }
        return fields
    }
}
