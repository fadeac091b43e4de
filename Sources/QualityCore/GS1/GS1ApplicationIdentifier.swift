/// The definition of one GS1 Application Identifier, from the GS1 syntax dictionary.
public struct GS1ApplicationIdentifier: Sendable, Hashable {
    /// The AI, two to four digits, e.g. `"01"`.
    public let ai: String
    /// GS1's short data title, e.g. `"GTIN"` or `"BATCH/LOT"`.
    public let title: String
    /// Whether the AI has a predefined length and so needs no FNC1 separator after it
    /// (the dictionary's `*` flag).
    public let hasPredefinedLength: Bool
    /// Whether GS1 permits the AI as a Digital Link data attribute in the query string
    /// (the dictionary's `?` flag).
    public let isDataAttribute: Bool
    /// The value's components, applied in order to consecutive parts of the value.
    public let components: [GS1Component]
    /// `req=` attributes: for each, one of its comma-separated groups of `+`-joined AIs or
    /// patterns (`n` = any digit) must also be present.
    public let requirements: [String]
    /// `ex=` attributes: AIs or patterns that must not appear together with this AI.
    public let exclusions: [String]
    /// For a Digital Link primary key, the alternative ordered qualifier sequences
    /// (`dlpkey=22,10,21|235` → `[["22", "10", "21"], ["235"]]`; a key without qualifiers
    /// has one empty sequence); `nil` for AIs that are not primary keys.
    public let primaryKeyQualifiers: [[String]]?

    /// Shortest valid value length.
    public let minLength: Int
    /// Longest valid value length.
    public let maxLength: Int

    /// Creates a definition.
    public init(
        ai: String,
        title: String,
        hasPredefinedLength: Bool,
        isDataAttribute: Bool,
        components: [GS1Component],
        requirements: [String] = [],
        exclusions: [String] = [],
        primaryKeyQualifiers: [[String]]? = nil
    ) {
        self.ai = ai
        self.title = title
        self.hasPredefinedLength = hasPredefinedLength
        self.isDataAttribute = isDataAttribute
        self.components = components
        self.requirements = requirements
        self.exclusions = exclusions
        self.primaryKeyQualifiers = primaryKeyQualifiers
        minLength = components.reduce(0) { $0 + ($1.isOptional ? 0 : $1.minLength) }
        maxLength = components.reduce(0) { $0 + $1.maxLength }
    }

    /// Whether this AI can be the primary key of a GS1 Digital Link URI.
    public var isPrimaryKey: Bool { primaryKeyQualifiers != nil }

    /// Whether an FNC1 separator must follow the value when another element comes after it.
    public var requiresFNC1: Bool { !hasPredefinedLength }

    /// The format as written in the GS1 syntax dictionary, e.g. `N13,csum,gcppos1 [X..17]`.
    public var formatSpecification: String {
        components.map(\.specification).joined(separator: " ")
    }

    /// The `dlpkey` attribute as written in the dictionary, or `nil` for non-keys.
    public var primaryKeySpecification: String? {
        guard let qualifiers = primaryKeyQualifiers else { return nil }
        if qualifiers == [[]] { return "dlpkey" }
        return "dlpkey=" + qualifiers.map { $0.joined(separator: ",") }.joined(separator: "|")
    }

    /// The definition GS1's engine gives an AI missing from the dictionary when unknown AIs
    /// are permitted: up to 90 characters of set 82, or the fixed length its two-digit
    /// prefix has in the GS1 General Specifications.
    static func unknown(_ ai: String) -> GS1ApplicationIdentifier {
        let fixed = GS1AIDictionary.predefinedValueLength(ofPrefix: ai)
        let component = fixed.map { GS1Component.x($0) } ?? .x(max: 90)
        return GS1ApplicationIdentifier(ai: ai, title: "UNKNOWN", hasPredefinedLength: fixed != nil, isDataAttribute: true, components: [component])
    }
}
