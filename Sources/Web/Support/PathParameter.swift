import Foundation

/// Path parameters arrive as they were sent, percent-encoded; lots may contain characters
/// (`/`, `%`, space) that a client has to encode.
enum PathParameter {
    /// The percent-decoded value; 400 `bad_path` when the encoding is broken.
    static func decoded(_ raw: String) throws(APIError) -> String {
        guard raw.contains("%") else { return raw }
        guard let value = raw.removingPercentEncoding else {
            throw APIError.badRequest("bad_path", "the path segment '\(raw)' has a broken percent-encoding")
        }
        return value
    }
}
