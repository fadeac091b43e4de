/// The secret that authenticates unit serials. Its id (0–61) is the first character of every
/// serial it signs, so keys can be rotated without invalidating codes already printed.
public struct SerialKey: Sendable, Hashable {
    /// The key id, 0–61, written as one base-62 digit.
    public let id: Int
    /// 32 random bytes.
    public let secret: [UInt8]

    /// Creates a key value.
    public init(id: Int, secret: [UInt8]) {
        precondition((0..<62).contains(id) && secret.count == 32, "a serial key has id 0–61 and 32 bytes")
        self.id = id
        self.secret = secret
    }

    /// A new key with fresh random bytes.
    public static func generate(id: Int) -> SerialKey {
        var generator = SystemRandomNumberGenerator()
        return SerialKey(id: id, secret: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
