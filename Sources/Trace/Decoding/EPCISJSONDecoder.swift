/// Reads EPCIS 2.0 JSON / JSON-LD: an `EPCISDocument`, an `EPCISQueryDocument`, or a single
/// event. Syntax errors throw; everything else that is wrong is collected as problems on the
/// document, with paths, so that one pass reports every reason.
public struct EPCISJSONDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a document from UTF-8 bytes.
    public func decode(_ data: some Collection<UInt8>) throws(EPCISDecodingError) -> EPCISDocument {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw EPCISDecodingError(format: .json, message: "not valid JSON: \(error)")
        }
        return try decode(root)
    }

    /// Decodes a parsed JSON value.
    func decode(_ root: JSONValue) throws(EPCISDecodingError) -> EPCISDocument {
        guard let members = root.members else {
            throw EPCISDecodingError(
                format: .json, message: "the top level must be a JSON object, not \(root.typeName)")
        }
        var reader = JSONDocumentReader()
        return reader.read(members)
    }
}
