/// A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one or
/// more signature lines. Several signatures let witnesses cosign a log's checkpoint.
public struct SignedNote: Sendable, Hashable {
    /// The most signatures a note may carry; the format asks verifiers to accept at least 16.
    public static let maximumSignatures = 100

    /// The signed text, including its final newline.
    public var text: String
    /// The signatures, in order.
    public var signatures: [NoteSignature]

    /// A note from its parts.
    public init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// The note as transmitted: text, blank line, signature lines.
    public var serialized: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    /// Parses a note, splitting the text from the signatures at the last blank line.
    public init(parsing note: String) throws(LedgerError) {
        guard !note.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
            throw .malformedNote("control characters other than newline are not allowed")
        }
        let bytes = Array(note.utf8)
        var split: Int?
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
                split = index
                break
            }
            index -= 1
        }
        guard let split else { throw .malformedNote("no blank line separates the text from the signatures") }
        guard bytes.last == 0x0A else { throw .malformedNote("the last signature line must end with a newline") }
        let text = String(decoding: bytes[...split], as: UTF8.self)
        let block = bytes[(split + 2)...].dropLast()
        guard !block.isEmpty else { throw .malformedNote("a note has at least one signature") }
        var signatures: [NoteSignature] = []
        for line in block.split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard signatures.count < Self.maximumSignatures else {
                throw .malformedNote("more than \(Self.maximumSignatures) signatures")
            }
            signatures.append(try NoteSignature(line: String(decoding: line, as: UTF8.self)))
        }
        self.init(text: text, signatures: signatures)
    }

    /// Checks the signatures by trusted keys and returns the keys that signed.
    ///
    /// Following the format: signatures by unknown keys (name or key ID not both matching a
    /// trusted key) are ignored; one by a trusted key that fails rejects the whole note
    /// (`badSignature`); a note with no valid trusted signature is rejected (`noTrustedSignature`).
    @discardableResult
    public func verify(trusting keys: [NoteVerifierKey]) throws(LedgerError) -> [NoteVerifierKey] {
        var signers: [NoteVerifierKey] = []
        for signature in signatures {
            guard let key = keys.first(where: { $0.matches(signature) }) else { continue }
            guard key.verifies(signature, text: text) else { throw .badSignature(keyName: key.name) }
            if !signers.contains(key) { signers.append(key) }
        }
        guard !signers.isEmpty else { throw .noTrustedSignature }
        return signers
    }

    /// A copy with one more signature by a signer over the same text (a witness cosigning).
    public func adding(signatureBy signer: NoteSigner) throws -> SignedNote {
        SignedNote(text: text, signatures: signatures + [try signer.sign(text: text)])
    }
}
