import Crypto
import QualityCore

/// A bearer token that authenticates an organisation. Only its SHA-256 digest is stored, so a
/// stolen database does not yield usable tokens.
public struct APIToken: Sendable, Hashable, CustomStringConvertible {
    /// The secret text the client sends as `Authorization: Bearer …`.
    public let secret: String

    /// Wraps a secret received from a client.
    public init(secret: String) { self.secret = secret }

    /// A new random token: `qlt_` followed by 43 base64url characters (256 random bits).
    public static func generate() -> APIToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return APIToken(secret: "qlt_" + Base64URL.encode(bytes))
    }

    /// The hex SHA-256 digest under which the token is stored.
    public var digest: String {
        SHA256.hash(data: Array(secret.utf8)).map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
        }.joined()
    }

    /// The secret, so that it can be printed once when created.
    public var description: String { secret }
}
