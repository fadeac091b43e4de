/// Reads an EPCIS document in either syntax, choosing XML when the first non-blank character
/// is `<` and JSON otherwise.
public struct EPCISDocumentDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes JSON/JSON-LD or XML.
    public func decode(_ data: some Collection<UInt8>) throws(EPCISDecodingError) -> EPCISDocument {
        let bytes = Array(data)
        let first = bytes.first {
            $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
        }
        if first == UInt8(ascii: "<") { return try EPCISXMLDecoder().decode(bytes) }
        return try EPCISJSONDecoder().decode(bytes)
    }
}
