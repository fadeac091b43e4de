import Access
import Foundation
public import Hummingbird
import QualityCore
public import Recalls

/// `/api/v1/recalls`: recall records of the caller's products (a producer) or of everyone's (a
/// regulator). Opening one stops sale of the batch at once; milestones drive its legal clock;
/// notices go to buyers order by order (created from the order ids the platform supplies,
/// idempotent on the order id); returns are reported by level. Every change is in the record's
/// audit trail and the ledger. Platforms and labs are refused (403); another producer's record
/// does not exist for the caller (404).
public struct RecallController: Sendable {
    /// The recall use cases.
    public let service: RecallService
    /// The JSON body reader.
    public let body: JSONBody

    /// Creates the controller.
    public init(service: RecallService, body: JSONBody) {
        self.service = service
        self.body = body
    }

    /// The routes, relative to `/api/v1/recalls`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.post(use: open)
        routes.get(use: list)
        routes.get("{id}", use: show)
        routes.post("{id}/milestones", use: recordMilestone)
        routes.post("{id}/lift", use: lift)
        routes.post("{id}/notices", use: addNotices)
        routes.get("{id}/notices", use: listNotices)
        routes.patch("{id}/notices/{order}", use: updateNotice)
        routes.post("{id}/returns", use: recordReturn)
        routes.get("{id}/events", use: listEvents)
        return routes
    }

    // MARK: Bodies

    /// The body of `POST /{id}/milestones`.
    struct MilestoneRequest: Decodable {
        var kind: String
        var on: String?
        var reference: String?
        var note: String?
    }

    /// The body of `POST /{id}/lift`.
    struct LiftRequest: Decodable {
        var reason: String
    }

    /// The body of `POST /{id}/notices`: orders in full, or only their ids.
    struct NoticesRequest: Decodable {
        var notices: [NoticeDraft]?
        var orderIDs: [String]?

        enum CodingKeys: String, CodingKey {
            case notices
            case orderIDs = "order_ids"
        }

        /// Every order named, in full.
        var drafts: [NoticeDraft] { (notices ?? []) + (orderIDs ?? []).map { NoticeDraft(orderID: $0) } }
    }

    /// The body of `PATCH /{id}/notices/{order}`.
    struct NoticeChange: Decodable {
        var status: String?
        var response: String?
        var note: String?
    }

    /// The body of `POST /{id}/returns`.
    struct ReturnRequest: Decodable {
        var level: String
        var returned: Int64?
        var corrected: Int64?
        var on: String?
        var note: String?
    }

    // MARK: Views

    /// A record with everything about it, and where its page is.
    struct ReportView: Encodable {
        var recall: RecallRecord
        var milestones: [RecallMilestone]
        var clock: RecallClock
        var notices: NoticeTally
        var returns: [RecallReturn]
        var effectiveness: RecallEffectiveness
        var page: String

        init(_ report: RecallReport) {
            recall = report.record
            milestones = report.milestones
            clock = report.clock
            notices = report.notices
            returns = report.returns
            effectiveness = report.effectiveness
            page = "/recalls/\(report.record.id)"
        }
    }

    /// A list of records.
    struct RecallList: Encodable { var recalls: [RecallRecord] }
    /// The outcome of supplying orders.
    struct NoticesAdded: Encodable {
        var created: Int
        var duplicates: [String]
        var notices: [RecallNotice]
    }
    /// A page of notices; `next_after` continues it when the page was full.
    struct NoticePage: Encodable {
        var notices: [RecallNotice]
        var nextAfter: String?
    }
    /// The audit trail.
    struct EventList: Encodable { var events: [RecallEvent] }

    // MARK: Handlers

    /// `POST /api/v1/recalls`.
    @Sendable func open(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let draft = try await body.decode(RecallDraft.self, from: request)
        let record = try await service.open(draft, by: context.organisation)
        var response = try JSONCoding.response(
            ReportView(try await service.report(record.id, for: context.organisation)), status: .created)
        response.headers[.location] = "/api/v1/recalls/\(record.id)"
        return response
    }

    /// `GET /api/v1/recalls`.
    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try JSONCoding.response(RecallList(recalls: try await service.recalls(for: context.organisation)))
    }

    /// `GET /api/v1/recalls/{id}`.
    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try JSONCoding.response(ReportView(try await service.report(try Self.id(context), for: context.organisation)))
    }

    /// `POST /api/v1/recalls/{id}/milestones`.
    @Sendable func recordMilestone(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let milestone = try await body.decode(MilestoneRequest.self, from: request)
        let kind = try RecallMilestone.Kind(parsing: milestone.kind)
        let day = try milestone.on.map { text throws(QualityError) in try CalendarDay(text) }
        _ = try await service.recordMilestone(
            id, kind: kind, on: day, reference: milestone.reference, note: milestone.note, by: context.organisation)
        return try JSONCoding.response(
            ReportView(try await service.report(id, for: context.organisation)), status: .created)
    }

    /// `POST /api/v1/recalls/{id}/lift`.
    @Sendable func lift(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let lift = try await body.decode(LiftRequest.self, from: request)
        _ = try await service.lift(id, reason: lift.reason, by: context.organisation)
        return try JSONCoding.response(ReportView(try await service.report(id, for: context.organisation)))
    }

    /// `POST /api/v1/recalls/{id}/notices`.
    @Sendable func addNotices(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let supplied = try await body.decode(NoticesRequest.self, from: request)
        let outcome = try await service.addNotices(supplied.drafts, to: id, by: context.organisation)
        return try JSONCoding.response(
            NoticesAdded(created: outcome.created.count, duplicates: outcome.duplicates, notices: outcome.created))
    }

    /// `GET /api/v1/recalls/{id}/notices[?status=&after=&limit=]`.
    @Sendable func listNotices(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let query = request.uri.queryParameters
        let status = try query["status"].map { text throws(QualityError) in try NoticeStatus(parsing: String(text)) }
        let after = query["after"].map(String.init)
        let limitText = query["limit"].map(String.init) ?? "1000"
        guard let limit = Int(limitText) else {
            throw APIError.badRequest("bad_limit", "limit is a whole number; got '\(limitText)'")
        }
        let notices = try await service.notices(
            of: id, status: status, after: after, limit: limit, for: context.organisation)
        return try JSONCoding.response(
            NoticePage(notices: notices, nextAfter: notices.count == limit ? notices.last?.orderID : nil))
    }

    /// `PATCH /api/v1/recalls/{id}/notices/{order}`.
    @Sendable func updateNotice(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let order = try PathParameter.decoded(try context.parameters.require("order"))
        let change = try await body.decode(NoticeChange.self, from: request)
        let status = try change.status.map { text throws(QualityError) in try NoticeStatus(parsing: text) }
        let response = try change.response.map { text throws(QualityError) in try BuyerResponse(parsing: text) }
        let notice = try await service.updateNotice(
            id, orderID: order, status: status, response: response, note: change.note, by: context.organisation)
        return try JSONCoding.response(notice)
    }

    /// `POST /api/v1/recalls/{id}/returns`.
    @Sendable func recordReturn(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let report = try await body.decode(ReturnRequest.self, from: request)
        let level = try SupplyLevel(parsing: report.level)
        let day = try report.on.map { text throws(QualityError) in try CalendarDay(text) }
        let stored = try await service.recordReturn(
            id, level: level, returned: report.returned ?? 0, corrected: report.corrected ?? 0, on: day,
            note: report.note, by: context.organisation)
        return try JSONCoding.response(stored, status: .created)
    }

    /// `GET /api/v1/recalls/{id}/events`.
    @Sendable func listEvents(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try JSONCoding.response(
            EventList(events: try await service.events(of: try Self.id(context), for: context.organisation)))
    }

    /// The `{id}` path parameter; 400 `bad_id` unless a positive integer.
    static func id(_ context: SignedInRequestContext) throws -> Int64 {
        try GovernanceController.id(try context.parameters.require("id"))
    }
}
