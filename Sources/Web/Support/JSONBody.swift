import Foundation
import HTTPTypes
public import Hummingbird
import NIOCore

/// Reads a JSON request body the strict way: `Content-Type` must be JSON (415 otherwise), the
/// body must fit the configured limit (413, checked against `Content-Length` before anything is
/// read), and it must decode (400 `bad_json`, naming the field).
public struct JSONBody: Sendable {
    /// The largest body accepted, in bytes.
    public let limit: Int

    /// Creates a reader with a size limit.
    public init(limit: Int) {
        self.limit = limit
    }

    /// Decodes the body of a request as `T`.
    public func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        try Self.requireJSON(request)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge()
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge()
        }
        guard buffer.readableBytes > 0 else {
            throw APIError.badRequest("bad_json", "the request body is empty; send a JSON object")
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// Throws 415 unless the request declares a JSON body (`application/json` or `…+json`).
    public static func requireJSON(_ request: Request) throws(APIError) {
        let declared = request.headers[.contentType] ?? ""
        let mediaType = declared.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
        else {
            let shown = declared.isEmpty ? "no Content-Type" : "Content-Type '\(declared)'"
            throw APIError(
                .unsupportedMediaType, code: "unsupported_media_type",
                message: "this endpoint takes JSON: send 'Content-Type: application/json' (got \(shown))")
        }
    }

    private func tooLarge() -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", message: "the request body is larger than \(limit) bytes")
    }
}
