import Access
import Foundation
public import Governance
public import Hummingbird
import QualityCore

/// `/api/v1/parties`, `/api/v1/reviews` and `/api/v1/blacklist`: parties of a platform and their
/// qualification documents, onboarding reviews and their decisions, the platform's blacklist.
/// The caller acts with the governance duty assigned to its token (`qloop party duty`); a
/// regulator's tokens read as `regulator`. Bodies are the governance records' own JSON.
public struct GovernanceController: Sendable {
    /// The governance use cases.
    public let service: GovernanceService
    /// The JSON body reader.
    public let body: JSONBody

    /// Creates the controller.
    public init(service: GovernanceService, body: JSONBody) {
        self.service = service
        self.body = body
    }

    /// The routes, relative to `/api/v1`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.post("parties", use: createParty)
        routes.get("parties", use: listParties)
        routes.get("parties/{id}", use: showParty)
        routes.post("parties/{id}/documents", use: fileDocument)
        routes.get("parties/{id}/documents", use: listDocuments)
        routes.get("parties/{id}/evaluation", use: evaluate)
        routes.post("parties/{id}/reviews", use: openReview)
        routes.get("parties/{id}/reviews", use: listReviews)
        routes.get("reviews/{id}", use: showReview)
        routes.post("reviews/{id}/decisions", use: decide)
        routes.post("blacklist", use: addBlacklistEntry)
        routes.get("blacklist", use: listBlacklist)
        routes.post("blacklist/{id}/lift", use: liftBlacklistEntry)
        return routes
    }

    /// A list of parties.
    struct PartyList: Encodable { var parties: [Party] }
    /// A list of documents.
    struct DocumentList: Encodable { var documents: [QualificationDocument] }
    /// A list of reviews.
    struct ReviewList: Encodable { var reviews: [OnboardingReview] }
    /// A review with its decisions.
    struct ReviewView: Encodable {
        var review: OnboardingReview
        var decisions: [ReviewDecision]
    }
    /// A list of blacklist entries.
    struct BlacklistList: Encodable { var entries: [BlacklistEntry] }

    /// The body of `POST /reviews/{id}/decisions`.
    struct DecisionRequest: Decodable {
        var outcome: ReviewDecision.Outcome
        var reason: String?
    }

    /// The body of `POST /blacklist`.
    struct BlacklistRequest: Decodable {
        var partyID: Int64?
        var creditCode: String?
        var reason: String
        var evidence: String
        var years: Int?

        enum CodingKeys: String, CodingKey {
            case reason, evidence, years
            case partyID = "party_id"
            case creditCode = "credit_code"
        }
    }

    /// `POST /api/v1/parties`.
    @Sendable func createParty(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let draft = try await body.decode(PartyDraft.self, from: request)
        let party = try await service.registerParty(draft, by: try await actor(context))
        var response = try JSONCoding.response(party, status: .created)
        response.headers[.location] = "/api/v1/parties/\(party.id)"
        return response
    }

    /// `GET /api/v1/parties[?platform_id=]`.
    @Sendable func listParties(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let platform = try request.uri.queryParameters.get("platform_id").map { try Self.id($0) }
        return try JSONCoding.response(
            PartyList(parties: try await service.parties(platformID: platform, for: try await actor(context))))
    }

    /// `GET /api/v1/parties/{id}`.
    @Sendable func showParty(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try JSONCoding.response(try await service.party(try Self.id(context), for: try await actor(context)))
    }

    /// `POST /api/v1/parties/{id}/documents`.
    @Sendable func fileDocument(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let draft = try await body.decode(DocumentDraft.self, from: request)
        let document = try await service.fileDocument(draft, for: try Self.id(context), by: try await actor(context))
        return try JSONCoding.response(document, status: .created)
    }

    /// `GET /api/v1/parties/{id}/documents`.
    @Sendable func listDocuments(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let documents = try await service.documents(of: try Self.id(context), for: try await actor(context))
        return try JSONCoding.response(DocumentList(documents: documents))
    }

    /// `GET /api/v1/parties/{id}/evaluation`: the onboarding rules run now, nothing stored.
    @Sendable func evaluate(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try JSONCoding.response(try await service.evaluation(of: try Self.id(context), for: try await actor(context)))
    }

    /// `POST /api/v1/parties/{id}/reviews`.
    @Sendable func openReview(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let review = try await service.openReview(of: try Self.id(context), by: try await actor(context))
        var response = try JSONCoding.response(review, status: .created)
        response.headers[.location] = "/api/v1/reviews/\(review.id)"
        return response
    }

    /// `GET /api/v1/parties/{id}/reviews`.
    @Sendable func listReviews(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let reviews = try await service.reviews(of: try Self.id(context), for: try await actor(context))
        return try JSONCoding.response(ReviewList(reviews: reviews))
    }

    /// `GET /api/v1/reviews/{id}`.
    @Sendable func showReview(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = try await actor(context)
        let review = try await service.review(try Self.id(context), for: actor)
        let decisions = try await service.decisions(of: review.id, for: actor)
        return try JSONCoding.response(ReviewView(review: review, decisions: decisions))
    }

    /// `POST /api/v1/reviews/{id}/decisions`.
    @Sendable func decide(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let decision = try await body.decode(DecisionRequest.self, from: request)
        let stored = try await service.decide(
            try Self.id(context), outcome: decision.outcome, reason: decision.reason, by: try await actor(context))
        return try JSONCoding.response(stored, status: .created)
    }

    /// `POST /api/v1/blacklist`.
    @Sendable func addBlacklistEntry(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let entry = try await body.decode(BlacklistRequest.self, from: request)
        let stored = try await service.blacklist(
            partyID: entry.partyID, creditCode: entry.creditCode, reason: entry.reason, evidence: entry.evidence,
            years: entry.years ?? 3, by: try await actor(context))
        return try JSONCoding.response(stored, status: .created)
    }

    /// `GET /api/v1/blacklist`.
    @Sendable func listBlacklist(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try JSONCoding.response(
            BlacklistList(entries: try await service.blacklistEntries(for: try await actor(context))))
    }

    /// `POST /api/v1/blacklist/{id}/lift`.
    @Sendable func liftBlacklistEntry(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try JSONCoding.response(
            try await service.liftBlacklistEntry(try Self.id(context), by: try await actor(context)))
    }

    /// Who is calling: the organisation with its token's duty. A regulator's tokens always read as
    /// `regulator`, whatever was assigned; any other token without a duty is refused (403).
    func actor(_ context: SignedInRequestContext) async throws -> GovernanceActor {
        if context.organisation.role == .regulator {
            return GovernanceActor(organisation: context.organisation, duty: .regulator)
        }
        guard let duty = try await service.store.duty(forTokenDigest: context.tokenDigest) else {
            throw APIError.forbidden(
                "no_duty", "this API token has no governance duty; assign one with 'qloop party duty'")
        }
        return GovernanceActor(organisation: context.organisation, duty: duty)
    }

    /// The `{id}` path parameter.
    // Never inlined: inlined into the async handlers, its mix of an untyped and a typed throw
    // made Swift 6.3.1's optimiser merge stores into the error slot, which then crashed
    // splitting the handlers' coroutines (signal 11) in a release build.
    @inline(never)
    static func id(_ context: SignedInRequestContext) throws -> Int64 {
        try id(try context.parameters.require("id"))
    }

    /// A record id; 400 `bad_id` when it is not a positive integer.
    static func id(_ text: String) throws -> Int64 {
        // Untyped `throws` on purpose: with `throws(APIError)`, Swift 6.3.1's optimiser crashed
        // splitting the coroutines of the async handlers it was inlined into (release builds).
        guard let value = Int64(text), value > 0 else {
            throw APIError.badRequest("bad_id", "'\(text)' is not a record id (a positive integer)")
        }
        return value
    }
}
