/// A GS1 syntax error: which rule a key, an AI value or a GS1 Digital Link URI broke.
///
/// `code` is stable and machine-readable (for API error bodies and tests); `message` is for
/// people and names the AI, the offending value and what was expected.
public struct GS1Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable error code such as `bad_check_digit`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code as it appears in API error bodies, in snake case.
        public let rawValue: String

        /// Wraps a raw code string.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The raw code string.
        public var description: String { rawValue }

        /// The text is empty or has no `scheme://` at all.
        public static let notAURI = Code(rawValue: "not_a_uri")
        /// The scheme is not `http` or `https` (all lower or all upper case).
        public static let badScheme = Code(rawValue: "bad_scheme")
        /// The host is empty or holds a character that no host name may contain.
        public static let badHost = Code(rawValue: "bad_host")
        /// A character is not allowed where it appears: in a URI, or in an AI's character set.
        public static let invalidCharacter = Code(rawValue: "invalid_character")
        /// A `%` is not followed by two hexadecimal digits, or decodes to a NUL byte.
        public static let badPercentEncoding = Code(rawValue: "bad_percent_encoding")
        /// No GS1 primary key (such as `/01/…`) was found in the URI path or element list.
        public static let missingPrimaryKey = Code(rawValue: "missing_primary_key")
        /// A numeric AI that the GS1 syntax dictionary does not define.
        public static let unknownAI = Code(rawValue: "unknown_ai")
        /// Key qualifiers appear in the wrong order, or from two alternative sequences.
        public static let badQualifierOrder = Code(rawValue: "bad_qualifier_order")
        /// An AI in the URI path that is not a key qualifier of the primary key.
        public static let notAQualifier = Code(rawValue: "not_a_qualifier")
        /// A key qualifier was given in the query string where it belongs in the path.
        public static let qualifierInQuery = Code(rawValue: "qualifier_in_query")
        /// An AI that GS1 does not permit as a Digital Link data attribute.
        public static let notADataAttribute = Code(rawValue: "not_a_data_attribute")
        /// The same AI appears twice (with different values, where repeats are tolerated).
        public static let duplicateAI = Code(rawValue: "duplicate_ai")
        /// An AI has an empty value.
        public static let emptyValue = Code(rawValue: "empty_value")
        /// A value (or one of its components) is too short or too long.
        public static let badLength = Code(rawValue: "bad_length")
        /// A mod-10 check digit or an alphanumeric check character pair is wrong.
        public static let badCheckDigit = Code(rawValue: "bad_check_digit")
        /// A date or time component is not a real date or time.
        public static let badDate = Code(rawValue: "bad_date")
        /// A value breaks another content rule of its AI (country code, flag, sequence…).
        public static let badValue = Code(rawValue: "bad_value")
        /// An AI is present without the AIs that GS1 requires alongside it (`req`).
        public static let missingRequiredAI = Code(rawValue: "missing_required_ai")
        /// Two AIs that GS1 forbids together (`ex`).
        public static let conflictingAI = Code(rawValue: "conflicting_ai")
        /// More AI elements than one GS1 message can carry.
        public static let tooManyElements = Code(rawValue: "too_many_elements")
        /// Bracketed element string syntax such as `(01)…(10)…` is malformed.
        public static let badElementString = Code(rawValue: "bad_element_string")
    }

    /// The stable machine-readable code.
    public let code: Code
    /// A human-readable explanation naming what is wrong.
    public let message: String
    /// The AI the error is about, when there is one.
    public let ai: String?

    /// Creates an error with a code, a message and optionally the AI it concerns.
    public init(_ code: Code, _ message: String, ai: String? = nil) {
        self.code = code
        self.message = message
        self.ai = ai
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
