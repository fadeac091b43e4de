import Crypto
import Foundation

/// A public Ed25519 key of the signed-note format (c2sp.org/signed-note), written as the verifier
/// key string `<name>+<key ID as 8 hex digits>+<base64(0x01 ‖ 32-byte public key)>`.
/// The key ID is the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
public struct NoteVerifierKey: Sendable, Hashable, CustomStringConvertible {
    /// The signature type byte of Ed25519 note signatures.
    static let ed25519Type: UInt8 = 0x01

    /// The key's name, which for a log is its origin.
    public let name: String
    /// The key ID derived from the name and public key.
    public let keyID: UInt32
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// A key from a name and a raw 32-byte public key.
    public init(name: String, publicKey: [UInt8]) throws(LedgerError) {
        guard Self.isValidName(name) else { throw .malformedKey("bad key name '\(name)'") }
        guard publicKey.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else {
            throw .malformedKey("an Ed25519 public key has 32 bytes")
        }
        self.name = name
        self.publicKey = publicKey
        self.keyID = Self.keyID(name: name, typeAndKey: [Self.ed25519Type] + publicKey)
    }

    /// Parses a verifier key string, checking that its key ID matches its name and key.
    public init(parsing text: String) throws(LedgerError) {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedKey("a verifier key is name+keyid+key") }
        let name = String(parts[0])
        guard parts[1].utf8.count == 8, let id = UInt32(parts[1], radix: 16), parts[1] == parts[1].lowercased() else {
            throw .malformedKey("the key ID must be 8 lower-case hex digits")
        }
        guard let blob = Data(base64Encoded: String(parts[2])), blob.first == Self.ed25519Type, blob.count == 33,
            Data(blob).base64EncodedString() == parts[2]
        else { throw .malformedKey("the key must be canonical base64 of 0x01 and a 32-byte Ed25519 key") }
        try self.init(name: name, publicKey: Array(blob.dropFirst()))
        guard keyID == id else { throw .malformedKey("the key ID does not match the name and key") }
    }

    /// The verifier key string.
    public var description: String {
        "\(name)+\(Self.hex(keyID))+\(Data([Self.ed25519Type] + publicKey).base64EncodedString())"
    }

    /// Whether a signature line is this key's and verifies over a note's text.
    public func verifies(_ signature: NoteSignature, text: String) -> Bool {
        guard matches(signature), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return false
        }
        return key.isValidSignature(signature.signature, for: Array(text.utf8))
    }

    /// Whether a signature line names this key (same name and key ID); only those are checked.
    public func matches(_ signature: NoteSignature) -> Bool {
        signature.keyName == name && signature.keyID == keyID
    }

    /// Key names are non-empty and contain no Unicode whitespace and no `+`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" }
    }

    /// SHA-256(name ‖ 0x0A ‖ type ‖ key)[0..<4], big-endian.
    static func keyID(name: String, typeAndKey: [UInt8]) -> UInt32 {
        let digest = SHA256.hash(data: Array(name.utf8) + [0x0A] + typeAndKey)
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Eight lower-case hex digits.
    static func hex(_ id: UInt32) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
