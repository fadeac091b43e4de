import Foundation
import Hummingbird

/// The JSON conventions of the API: snake_case keys, ISO 8601 times, unescaped slashes.
enum JSONCoding {
    /// An encoder for response bodies; `snakeCase: false` keeps keys as declared, for
    /// documents whose standard fixes camelCase keys (linksets, the resolver description).
    static func encoder(snakeCase: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    /// A JSON response with a status.
    static func response(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, snakeCase: Bool = true,
        contentType: String = "application/json; charset=utf-8"
    ) throws -> Response {
        let data = try encoder(snakeCase: snakeCase).encode(value)
        return Response(
            status: status, headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
