import Crypto

/// The CBV 2.0 event hash of an event: the SHA-256 digest of its pre-hash string, written as an
/// RFC 6920 `ni` URI, `ni:///sha-256;<hex>?ver=CBV2.0`.
///
/// The hash is the event's identity: the same event in JSON-LD or XML, with fields in any
/// order, times in any zone or numbers with trailing zeros, has the same hash.
public struct EventHash: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The 32-byte SHA-256 digest.
    public let digest: [UInt8]

    /// The hash of a pre-hash string.
    public init(preHash: String) {
        self.init(preHashBytes: Array(preHash.utf8))
    }

    /// The hash of a pre-hash string given as UTF-8 bytes.
    init(preHashBytes: [UInt8]) {
        digest = Array(SHA256.hash(data: preHashBytes))
    }

    /// Reads `ni:///sha-256;<64 hex digits>?ver=CBV2.0` (hex in either case).
    public init?(uri: String) {
        let prefix = "ni:///sha-256;"
        let suffix = "?ver=CBV2.0"
        guard uri.hasPrefix(prefix), uri.hasSuffix(suffix) else { return nil }
        let hex = Array(uri.utf8.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count))
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index...(index + 1)], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        digest = bytes
    }

    /// The digest in lower-case hexadecimal.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in digest {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `ni:///sha-256;<hex>?ver=CBV2.0`.
    public var uri: String { "ni:///sha-256;" + hex + "?ver=CBV2.0" }

    /// The `ni` URI.
    public var description: String { uri }

    /// Decodes from the `ni` URI.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let hash = EventHash(uri: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ni:///sha-256 event hash"))
        }
        self = hash
    }

    /// Encodes as the `ni` URI.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uri)
    }
}
