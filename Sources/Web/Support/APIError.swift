import Foundation
public import HTTPTypes
public import Hummingbird

/// An error as the HTTP API reports it: a status, a stable machine-readable code, a message for
/// people and any headers the status calls for (`Allow`, `Retry-After`). Rendered as
/// `{"error": {"code": "…", "message": "…"}}`.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable code, e.g. `unauthorized`.
    public var code: String
    /// The explanation.
    public var message: String
    /// Extra response headers.
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// The JSON body of the error.
    public var jsonBody: ByteBuffer {
        let body = Envelope(error: .init(code: code, message: message))
        let data =
            (try? JSONEncoder().encode(body)) ?? Data(#"{"error":{"code":"internal_error","message":"error"}}"#.utf8)
        return ByteBuffer(bytes: data)
    }

    /// The error as a JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        jsonResponse()
    }

    /// The error as a JSON response, without needing a request.
    public func jsonResponse() -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: jsonBody))
    }

    private struct Envelope: Encodable {
        /// The inner object.
        struct Detail: Encodable {
            /// The code.
            let code: String
            /// The message.
            let message: String
        }
        /// The error.
        let error: Detail
    }
}

extension APIError {
    /// 401: no valid bearer token.
    public static func unauthorized(_ message: String) -> APIError {
        APIError(
            .unauthorized, code: "unauthorized", message: message,
            headers: [.wwwAuthenticate: #"Bearer realm="qualityloop""#])
    }

    /// 403: the caller's role may not do this.
    public static func forbidden(_ code: String = "forbidden", _ message: String) -> APIError {
        APIError(.forbidden, code: code, message: message)
    }

    /// 404: nothing here, or nothing the caller may see.
    public static func notFound(_ code: String = "not_found", _ message: String) -> APIError {
        APIError(.notFound, code: code, message: message)
    }

    /// 400: malformed input.
    public static func badRequest(_ code: String, _ message: String) -> APIError {
        APIError(.badRequest, code: code, message: message)
    }

    /// 405 with the methods the path does allow.
    public static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> APIError {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(
            .methodNotAllowed, code: "method_not_allowed",
            message: "\(method.rawValue) is not allowed here; use \(allow)", headers: [.allow: allow])
    }
}
