import Crypto
import Foundation

/// An Ed25519 signing key with its note key name, written as the signer key string
/// `PRIVATE+KEY+<name>+<key ID as 8 hex digits>+<base64(0x01 ‖ 32-byte seed)>` (the form the Go
/// signed-note tools read, so a key can move between implementations).
public struct NoteSigner: Sendable {
    /// The private key.
    private let key: Curve25519.Signing.PrivateKey
    /// The public half, which verifiers are given.
    public let verifierKey: NoteVerifierKey

    /// The key's name.
    public var name: String { verifierKey.name }

    /// A signer for a name with an existing private key's 32-byte seed.
    public init(name: String, seed: [UInt8]) throws(LedgerError) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw .malformedKey("an Ed25519 private key seed has 32 bytes")
        }
        self.key = key
        self.verifierKey = try NoteVerifierKey(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    /// A signer with a fresh random key.
    public static func generate(name: String) throws(LedgerError) -> NoteSigner {
        try NoteSigner(name: name, seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    /// Parses a signer key string, checking its key ID.
    public init(parsing text: String) throws(LedgerError) {
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw .malformedKey("a signer key is PRIVATE+KEY+name+keyid+key")
        }
        guard parts[3].utf8.count == 8, let id = UInt32(parts[3], radix: 16) else {
            throw .malformedKey("the key ID must be 8 hex digits")
        }
        guard let blob = Data(base64Encoded: String(parts[4])), blob.count == 33,
            blob.first == NoteVerifierKey.ed25519Type
        else {
            throw .malformedKey("the key must be base64 of 0x01 and a 32-byte Ed25519 seed")
        }
        try self.init(name: String(parts[2]), seed: Array(blob.dropFirst()))
        guard verifierKey.keyID == id else { throw .malformedKey("the key ID does not match the name and key") }
    }

    /// The signer key string. It is a secret: write it only to a protected file.
    public var signerKeyString: String {
        let blob = Data([NoteVerifierKey.ed25519Type] + Array(key.rawRepresentation)).base64EncodedString()
        return "PRIVATE+KEY+\(name)+\(NoteVerifierKey.hex(verifierKey.keyID))+\(blob)"
    }

    /// Signs a note text (which must end in a newline).
    public func sign(text: String) throws -> NoteSignature {
        let signature = try key.signature(for: Array(text.utf8))
        return NoteSignature(keyName: name, keyID: verifierKey.keyID, signature: Array(signature))
    }
}
