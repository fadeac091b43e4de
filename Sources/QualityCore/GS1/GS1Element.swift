/// One GS1 element: an Application Identifier and its value, e.g. `(10)ABC123`.
public struct GS1Element: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The AI packed into an integer. Parsing creates millions of elements, and a packed AI
    /// costs nothing to copy or destroy where a `String` field would be retained and released.
    let code: AICode
    /// The value, percent-decoded, exactly as it is carried in a barcode.
    public let value: String
    /// Position of the AI in `GS1AIDictionary.standard.entries`, or -1 for an unknown AI.
    ///
    /// Kept so that building URIs and element strings needs no second table lookup; it is
    /// derived from the AI and so takes no part in equality, hashing or coding.
    let definitionIndex: Int

    /// Creates an element; the value is not validated until it is used in a `DigitalLink`.
    ///
    /// AIs are two to four digits; longer text is cut to four characters.
    public init(ai: String, value: String) {
        self.init(code: AICode(ai), value: value, definitionIndex: GS1AIDictionary.standard.index(of: ai) ?? -1)
    }

    /// Creates an element whose AI is already packed and looked up.
    init(code: AICode, value: String, definitionIndex: Int) {
        self.code = code
        self.value = value
        self.definitionIndex = definitionIndex
    }

    /// The Application Identifier, two to four digits, e.g. `"01"`.
    public var ai: String { code.text }

    /// The dictionary entry for the AI, or `nil` when the AI is unknown.
    public var definition: GS1ApplicationIdentifier? {
        definitionIndex >= 0 ? GS1AIDictionary.standard.entries[definitionIndex] : nil
    }

    /// `(ai)value`, as in a bracketed element string.
    public var description: String { "(\(ai))\(value)" }

    /// Elements are equal when AI and value are equal.
    public static func == (lhs: GS1Element, rhs: GS1Element) -> Bool {
        lhs.code == rhs.code && lhs.value == rhs.value
    }

    /// Hashes AI and value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(value)
    }

    private enum CodingKeys: String, CodingKey {
        case ai, value
    }

    /// Decodes `{"ai": "...", "value": "..."}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(ai: try container.decode(String.self, forKey: .ai), value: try container.decode(String.self, forKey: .value))
    }

    /// Encodes `{"ai": "...", "value": "..."}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ai, forKey: .ai)
        try container.encode(value, forKey: .value)
    }
}
