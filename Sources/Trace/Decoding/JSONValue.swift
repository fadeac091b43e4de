/// A JSON value exactly as a document wrote it: object members keep their order and numbers
/// keep their text, so extensions survive a round trip and the event hash sees `26.0` as written.
public indirect enum JSONValue: Sendable, Equatable {
    /// An object; members in document order (duplicates are kept and reported by the decoder).
    case object([JSONMember])
    /// An array.
    case array([JSONValue])
    /// A string, unescaped.
    case string(String)
    /// A number, as its literal text (e.g. `"26.0"`, `"1e3"`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The members of an object, or `nil` for other values.
    public var members: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        members?.first { $0.key == key }?.value
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The JSON type name used in problem reports: `object`, `array`, `string`, `number`, `boolean` or `null`.
    public var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}
