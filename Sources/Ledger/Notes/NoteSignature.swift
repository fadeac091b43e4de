import Foundation

/// One signature line of a signed note: `— <key name> <base64(key ID ‖ signature)>`.
public struct NoteSignature: Sendable, Hashable {
    /// The signing key's name.
    public var keyName: String
    /// The signing key's 32-bit ID (for Ed25519 keys, the first four bytes of
    /// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), big-endian).
    public var keyID: UInt32
    /// The signature bytes after the key ID (64 for Ed25519).
    public var signature: [UInt8]

    /// A signature from its parts.
    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// The line without its newline.
    public var line: String {
        var blob = withUnsafeBytes(of: keyID.bigEndian) { Array($0) }
        blob.append(contentsOf: signature)
        return "— \(keyName) \(Data(blob).base64EncodedString())"
    }

    /// Parses one signature line (without its newline).
    public init(line: String) throws(LedgerError) {
        let prefix = "— "
        guard line.hasPrefix(prefix) else {
            throw .malformedNote("a signature line must start with an em dash and a space")
        }
        let rest = line.dropFirst(prefix.count)
        guard let space = rest.lastIndex(of: " ") else {
            throw .malformedNote("a signature line needs a key name and a signature")
        }
        let name = String(rest[..<space])
        guard NoteVerifierKey.isValidName(name) else {
            throw .malformedNote("bad key name '\(name)' in a signature line")
        }
        guard let blob = Data(base64Encoded: String(rest[rest.index(after: space)...])), blob.count > 4 else {
            throw .malformedNote("a signature is not base64 of a key ID and signature bytes")
        }
        keyName = name
        keyID = blob.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
        signature = Array(blob.dropFirst(4))
    }
}
