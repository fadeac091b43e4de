import Access
import Foundation
public import Hummingbird
public import Passport
import QualityCore

/// `POST /api/v1/verify`: a platform (or a regulator) checks the codes of its listings in bulk
/// (验码) without counting them as consumer scans, and gets per-code verdicts, a summary and the
/// badge each listing may display (亮码).
public struct VerifyController: Sendable {
    /// The passport use cases.
    public let service: PassportService
    /// The JSON body reader.
    public let body: JSONBody
    /// The most URIs one request may carry.
    public let limit: Int
    /// How many codes are verified at once.
    static let parallelism = 8

    /// Creates the controller.
    public init(service: PassportService, body: JSONBody, limit: Int) {
        self.service = service
        self.body = body
        self.limit = limit
    }

    /// The routes, relative to `/api/v1/verify`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.post(use: verify)
        return routes
    }

    /// The request body.
    public struct VerifyRequest: Codable, Sendable {
        /// The Digital Link URIs to check, at most the configured limit.
        public var uris: [String]
    }

    /// The verdict on one URI, or why it could not be read.
    public struct ResultDTO: Codable, Sendable {
        /// The URI as sent.
        public var uri: String
        /// The verdict word, absent when the URI is not a valid Digital Link.
        public var verdict: String?
        /// Why, in English.
        public var reasons: [String]
        /// Why, in Chinese.
        public var reasonsZh: [String]
        /// The GTIN-14, when the URI has one.
        public var gtin: String?
        /// The canonical URI.
        public var canonical: String?
        /// The badge image for the product.
        public var badgeUrl: String?
        /// The error, when the URI could not be read.
        public var error: ErrorDTO?
    }

    /// An error on one URI.
    public struct ErrorDTO: Codable, Sendable {
        /// The stable code.
        public var code: String
        /// The explanation.
        public var message: String
    }

    /// How many URIs got each verdict.
    public struct SummaryDTO: Codable, Sendable {
        /// All URIs.
        public var total = 0
        /// `genuine`.
        public var genuine = 0
        /// `forged`.
        public var forged = 0
        /// `unknown`.
        public var unknown = 0
        /// `suspected_clone`.
        public var suspectedClone = 0
        /// `recalled`.
        public var recalled = 0
        /// `expired`.
        public var expired = 0
        /// Not a valid Digital Link for a trade item.
        public var invalid = 0

        /// Counts one result; `nil` is a URI that could not be read.
        mutating func count(_ kind: VerdictKind?) {
            total += 1
            switch kind {
            case .genuine: genuine += 1
            case .forged: forged += 1
            case .unknown: unknown += 1
            case .suspectedClone: suspectedClone += 1
            case .recalled: recalled += 1
            case .expired: expired += 1
            case nil: invalid += 1
            }
        }
    }

    /// A badge a listing can show for a product.
    public struct BadgeDTO: Codable, Sendable {
        /// GTIN-14.
        public var gtin: String
        /// The SVG image.
        public var imageUrl: String
        /// The page the badge should link to.
        public var linkUrl: String
        /// Ready-to-paste HTML.
        public var html: String
    }

    /// The response body.
    public struct VerifyResponse: Codable, Sendable {
        /// Per-URI results, in request order.
        public var results: [ResultDTO]
        /// Counts per verdict.
        public var summary: SummaryDTO
        /// One badge per distinct product.
        public var badges: [BadgeDTO]
    }

    /// `POST /api/v1/verify`.
    @Sendable func verify(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try context.require(.platform, .regulator, toDo: "verify codes in bulk")
        let order = try await body.decode(VerifyRequest.self, from: request)
        guard !order.uris.isEmpty else {
            throw APIError.badRequest("no_uris", "send at least one URI in 'uris'")
        }
        guard order.uris.count <= limit else {
            throw APIError.badRequest(
                "too_many_uris", "at most \(limit) URIs per request; got \(order.uris.count). Split the list")
        }
        let results = try await verifyAll(order.uris)
        var summary = SummaryDTO()
        var seen = Set<String>()
        var badges: [BadgeDTO] = []
        for result in results {
            summary.count(result.verdict.flatMap(VerdictKind.init(rawValue:)))
            if let gtin = result.gtin, result.verdict != nil, seen.insert(gtin).inserted {
                badges.append(Self.badge(gtin: gtin, stem: service.stem))
            }
        }
        return try JSONCoding.response(VerifyResponse(results: results, summary: summary, badges: badges))
    }

    /// Verifies every URI, a few at a time, keeping request order.
    func verifyAll(_ uris: [String]) async throws -> [ResultDTO] {
        var results = [ResultDTO?](repeating: nil, count: uris.count)
        try await withThrowingTaskGroup(of: (Int, ResultDTO).self) { group in
            var next = 0
            func schedule() {
                let index = next
                let uri = uris[index]
                group.addTask { (index, try await check(uri)) }
                next += 1
            }
            while next < uris.count && next < Self.parallelism { schedule() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < uris.count { schedule() }
            }
        }
        return results.compactMap { $0 }
    }

    /// The result for one URI; a URI that cannot be read is a result too, not a failed request.
    func check(_ uri: String) async throws -> ResultDTO {
        do {
            let verdict = try await service.verify(uri, context: ScanContext(client: .api, records: false))
            return ResultDTO(
                uri: uri, verdict: verdict.verdict.rawValue, reasons: verdict.reasons, reasonsZh: verdict.reasonsZH,
                gtin: verdict.gtin, canonical: verdict.uri, badgeUrl: "\(service.stem)/badge/\(verdict.gtin).svg",
                error: nil)
        } catch let error as QualityError where error.kind == .invalid {
            return ResultDTO(
                uri: uri, verdict: nil, reasons: [error.message], reasonsZh: [], gtin: nil, canonical: nil,
                badgeUrl: nil,
                error: ErrorDTO(code: error.code, message: error.message))
        }
    }

    /// The badge of a product.
    static func badge(gtin: String, stem: String) -> BadgeDTO {
        let image = "\(stem)/badge/\(gtin).svg"
        let link = "\(stem)/01/\(gtin)"
        return BadgeDTO(
            gtin: gtin, imageUrl: image, linkUrl: link,
            html:
                "<a href=\"\(link)\"><img src=\"\(image)\" alt=\"QualityLoop 数字护照 \(gtin)\" width=\"240\" height=\"44\"></a>"
        )
    }
}
