extension GS1ApplicationIdentifier {
    /// Checks a value against this AI's length, character sets and linters; `nil` when valid.
    public func failure(validating value: String) -> GS1Error? {
        var value = value
        return value.withUTF8 { failure(validating: $0) }
    }

    /// Checks decoded value bytes; dictionary AIs use the shared compiled table, other
    /// definitions (such as unknown AIs) are compiled on the spot.
    func failure(validating value: UnsafeBufferPointer<UInt8>) -> GS1Error? {
        let table = GS1AIDictionary.standard
        if let index = table.index(of: ai), table.entries[index] == self {
            return table.failure(validating: value, entry: index)
        }
        return CompiledAITable([self]).failure(validating: value, entry: 0) { self }
    }

    /// A printable description of one byte for error messages.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
