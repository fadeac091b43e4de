import Access
import Foundation
import HTTPTypes
public import Hummingbird
import NIOCore
import QualityCore
public import Trace

/// `/epcis`: the GS1 EPCIS 2.0 REST binding's capture and event query interfaces.
///
/// Capture needs the token of a producer or a platform, the parties that record supply-chain
/// events; queries need any organisation's token. An organisation sees the events it captured;
/// a regulator sees all. Capture is all or nothing (`GS1-Capture-Error-Behaviour: rollback`) and
/// finishes before the response, so a job is complete when its `Location` is returned.
public struct EPCISController: Sendable {
    /// Reading, validating and storing captures.
    public let capture: EventCapture
    /// The largest capture body accepted, in bytes (`GS1-EPCIS-Capture-File-Size-Limit`).
    public let fileSizeLimit: Int

    /// Creates the controller.
    public init(capture: EventCapture, fileSizeLimit: Int) {
        self.capture = capture
        self.fileSizeLimit = fileSizeLimit
    }

    /// The routes that need a signed-in organisation, relative to `/epcis`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.post("capture", use: captureDocument)
        routes.get("capture", use: captureJobs)
        routes.get("capture/{captureID}", use: captureJob)
        routes.post("events", use: captureEvent)
        routes.get("events", use: queryEvents)
        routes.get("events/{eventID}", use: event)
        return routes
    }

    /// The discovery answers (`OPTIONS`), which need no token, relative to `/epcis`.
    public var discovery: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        let headers = discoveryHeaders
        for (path, allow) in [
            ("", "OPTIONS"), ("capture", "OPTIONS, GET, HEAD, POST"), ("events", "OPTIONS, GET, HEAD, POST"),
        ] {
            routes.on(RouterPath(path), method: .options) { _, _ -> Response in
                var fields = headers
                fields[.allow] = allow
                return Response(status: .noContent, headers: fields)
            }
        }
        return routes
    }

    /// The headers the REST binding uses to advertise versions and capture limits.
    var discoveryHeaders: HTTPFields {
        var fields = HTTPFields()
        fields[Self.epcisVersion] = "2.0.0"
        fields[Self.cbvVersion] = "2.0.0"
        fields[Self.captureLimit] = String(capture.eventLimit)
        fields[Self.fileSizeLimitHeader] = String(fileSizeLimit)
        fields[Self.errorBehaviour] = "rollback"
        return fields
    }

    /// `Link` (RFC 8288), for the next page.
    static let link = HTTPField.Name("Link")!
    /// `GS1-EPCIS-Version`.
    static let epcisVersion = HTTPField.Name("GS1-EPCIS-Version")!
    /// `GS1-CBV-Version`.
    static let cbvVersion = HTTPField.Name("GS1-CBV-Version")!
    /// `GS1-EPCIS-Capture-Limit`.
    static let captureLimit = HTTPField.Name("GS1-EPCIS-Capture-Limit")!
    /// `GS1-EPCIS-Capture-File-Size-Limit`.
    static let fileSizeLimitHeader = HTTPField.Name("GS1-EPCIS-Capture-File-Size-Limit")!
    /// `GS1-Capture-Error-Behaviour`.
    static let errorBehaviour = HTTPField.Name("GS1-Capture-Error-Behaviour")!

    /// `POST /epcis/capture`: 202 with the job's `Location`.
    @Sendable func captureDocument(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try context.require(.producer, .platform, toDo: "capture EPCIS events")
        try Self.checkErrorBehaviour(request)
        let (bytes, format) = try await body(of: request)
        let job = try await captured(bytes, format: format, expecting: .document, by: context.organisation.id).job
        var fields = discoveryHeaders
        fields[.location] = "/epcis/capture/\(job.id)"
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: .accepted, headers: fields, body: .init(byteBuffer: try Self.encode(CaptureJobDTO(job))))
    }

    /// `GET /epcis/capture?perPage=N`: the caller's latest capture jobs (a regulator's: everyone's),
    /// newest first; 100 unless `perPage` (1 to 1000) says otherwise.
    @Sendable func captureJobs(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        var limit = 100
        for (name, value) in request.uri.queryParameters {
            guard name == "perPage", let count = Int(String(value)), count >= 1, count <= EventQuery.maximumPerPage
            else {
                throw APIError.badRequest(
                    "bad_query", "capture jobs take only perPage, a whole number from 1 to \(EventQuery.maximumPerPage)"
                )
            }
            limit = count
        }
        let jobs = try await capture.store.captureJobs(of: context.visibleOrganisationID, limit: limit)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: try Self.encode(jobs.map(CaptureJobDTO.init))))
    }

    /// `GET /epcis/capture/{captureID}`: the job, with every error when it failed.
    @Sendable func captureJob(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try context.parameters.require("captureID")
        guard let job = try await capture.store.captureJob(id: id),
            context.visibleOrganisationID.map({ job.organisationID == $0 }) ?? true
        else {
            throw APIError.notFound("capture_not_found", "no capture job '\(id)' of yours is known")
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: try Self.encode(CaptureJobDTO(job))))
    }

    /// `POST /epcis/events`: one event, stored at once; 201 when new, 200 when it was stored
    /// already, 400 with every reason when invalid.
    @Sendable func captureEvent(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try context.require(.producer, .platform, toDo: "capture EPCIS events")
        let (bytes, format) = try await body(of: request)
        let outcome = try await captured(bytes, format: format, expecting: .singleEvent, by: context.organisation.id)
        let job = outcome.job
        guard job.success, let eventID = outcome.eventIDs.first else {
            let detail = job.errors.map(\.description).joined(separator: "; ")
            let body = ValidationFailure(
                error: .init(code: "epcis_invalid", message: "the event was rejected: \(detail)", problems: job.errors))
            return Response(
                status: .badRequest, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: try Self.encode(body)))
        }
        var fields = discoveryHeaders
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.location] = "/epcis/events/" + Self.pathEncoded(eventID)
        return Response(
            status: job.acceptedCount == 1 ? .created : .ok, headers: fields,
            body: .init(
                byteBuffer: try Self.encode(
                    EventCreatedDTO(captureID: job.id, eventID: eventID, duplicate: job.acceptedCount == 0))))
    }

    /// `GET /epcis/events`: an `EPCISQueryDocument`; a `Link` header with `rel="next"` names the
    /// next page while there is one.
    @Sendable func queryEvents(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        var parameters: [(name: String, value: String)] = []
        for (name, value) in request.uri.queryParameters {
            parameters.append((String(name), String(value)))
        }
        let query = try EventQuery(parameters: parameters, visibleTo: context.visibleOrganisationID)
        let page = try await capture.store.events(matching: query)
        var fields: HTTPFields = [.contentType: "application/ld+json; charset=utf-8"]
        fields[Self.epcisVersion] = "2.0.0"
        if let next = page.next {
            let token = EventQuery.pageToken(after: next)
            let others = parameters.filter { $0.name != "nextPageToken" }
                .map { "\(Self.queryEncoded($0.name))=\(Self.queryEncoded($0.value))" }
            let link = "/epcis/events?" + (others + ["nextPageToken=\(token)"]).joined(separator: "&")
            fields[Self.link] = "<\(link)>; rel=\"next\""
        }
        return Response(
            status: .ok, headers: fields,
            body: .init(byteBuffer: ByteBuffer(string: EventQueryDocument.json(page.events))))
    }

    /// `GET /epcis/events/{eventID}`: the event as a JSON-LD document; 404 when unknown.
    @Sendable func event(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let eventID = try PathParameter.decoded(try context.parameters.require("eventID"))
        guard let event = try await capture.store.events(withID: eventID, visibleTo: context.visibleOrganisationID).first else {
            throw APIError.notFound("event_not_found", "no event with ID '\(eventID)' of yours is known")
        }
        var fields: HTTPFields = [.contentType: "application/ld+json; charset=utf-8"]
        fields[Self.epcisVersion] = "2.0.0"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: event.standaloneJSON)))
    }

    /// The body and its declared syntax: 415 for a type that is neither JSON nor XML, 413 (with
    /// the limit headers) for a body over the file size limit.
    func body(of request: Request) async throws -> ([UInt8], EPCISDocument.Format) {
        let declared = request.headers[.contentType] ?? ""
        let mediaType = declared.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let format: EPCISDocument.Format
        switch mediaType {
        case "application/json", "application/ld+json": format = .json
        case "application/xml", "text/xml": format = .xml
        default:
            let shown = declared.isEmpty ? "no Content-Type" : "Content-Type '\(declared)'"
            throw APIError(
                .unsupportedMediaType, code: "unsupported_media_type",
                message: "send EPCIS as application/json, application/ld+json or application/xml (got \(shown))")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > fileSizeLimit {
            throw tooLarge()
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: fileSizeLimit)
        } catch is NIOTooManyBytesError {
            throw tooLarge()
        }
        guard buffer.readableBytes > 0 else {
            throw APIError.badRequest("epcis_unreadable", "the request body is empty; send an EPCIS document")
        }
        return (Array(buffer.readableBytesView), format)
    }

    /// Runs a capture; too many events is 413 with the limit headers.
    func captured(
        _ bytes: [UInt8], format: EPCISDocument.Format, expecting expected: EventCapture.Expected,
        by organisationID: Int64
    ) async throws -> EventCapture.Outcome {
        do {
            return try await capture.captureDocument(bytes, format: format, expecting: expected, by: organisationID)
        } catch let error as QualityError where error.kind == .tooLarge {
            throw APIError(.contentTooLarge, code: error.code, message: error.message, headers: discoveryHeaders)
        }
    }

    /// 413 naming the limit, with the limit headers.
    func tooLarge() -> APIError {
        APIError(
            .contentTooLarge, code: "capture_too_large",
            message: "the document is larger than \(fileSizeLimit) bytes (GS1-EPCIS-Capture-File-Size-Limit)",
            headers: discoveryHeaders)
    }

    /// 400 unless `GS1-Capture-Error-Behaviour` is absent or `rollback`, the only behaviour offered.
    static func checkErrorBehaviour(_ request: Request) throws {
        guard let behaviour = request.headers[errorBehaviour], behaviour.lowercased() != "rollback" else { return }
        throw APIError.badRequest(
            "unsupported_capture_behaviour",
            "GS1-Capture-Error-Behaviour '\(behaviour)' is not offered; captures are all or nothing (rollback)")
    }

    /// A path segment with everything but unreserved characters percent-encoded.
    static func pathEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }

    /// A query component, percent-encoded.
    static func queryEncoded(_ text: String) -> String { pathEncoded(text) }

    /// JSON with the binding's camelCase keys.
    static func encode(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONCoding.encoder(snakeCase: false).encode(value))
    }
}
