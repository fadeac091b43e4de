import Foundation
import HTTPTypes
import Hummingbird
import Ledger
import NIOCore
import QRCode
import QualityCore

extension APIError {
    /// The one place where every error the server can meet becomes an HTTP status and a stable
    /// code. Domain errors keep their code; client mistakes are 4xx; only failures of the server
    /// itself (a database that is down, a bug) are 500 `internal_error`.
    public init(mapping error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as QualityError:
            self.init(Self.status(of: error.kind), code: error.code, message: error.message)
        case let error as LedgerError:
            self.init(mapping: error.qualityError)
        case let error as GS1Error:
            self.init(.badRequest, code: error.code.rawValue, message: error.message)
        case let error as DecodingError:
            self.init(.badRequest, code: "bad_json", message: Self.describe(error))
        case is NIOTooManyBytesError:
            self.init(
                .contentTooLarge, code: "body_too_large", message: "the request body is larger than the server accepts")
        case let error as QRCodeError:
            self.init(.badRequest, code: "qr_too_long", message: error.description)
        case let error as HTTPError:
            self.init(
                error.status, code: Self.code(of: error.status),
                message: error.body ?? error.status.reasonPhrase, headers: error.headers)
        case let error as any HTTPResponseError:
            self.init(error.status, code: Self.code(of: error.status), message: error.status.reasonPhrase)
        default:
            self.init(
                .internalServerError, code: "internal_error",
                message: "the server failed to handle the request; it has been logged")
        }
    }

    /// The status for a domain error kind.
    static func status(of kind: QualityError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .invalid: .badRequest
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        }
    }

    /// A code for an error that only has a status.
    static func code(of status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 408: "request_timeout"
        case 409: "conflict"
        case 413: "body_too_large"
        case 415: "unsupported_media_type"
        case 429: "rate_limited"
        case 500...599: "internal_error"
        default: "http_\(status.code)"
        }
    }

    /// Where in the JSON a decoding error happened and what was wrong, for people.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the body" : String(text.drop { $0 == "." })
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the body is not valid JSON"
                : "\(path(context.codingPath)) is invalid: \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.describe(type)), not null"
        @unknown default:
            return "the body does not match the expected JSON"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object of the documented shape"
        }
    }
}
