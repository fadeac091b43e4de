/// Checks of single GS1 values outside a Digital Link, reported as domain errors.
public enum GS1Value {
    /// Checks a value against an AI's format, character set and check digit.
    public static func check(_ value: String, ai: String) throws(QualityError) {
        guard let definition = GS1AIDictionary.standard[ai] else {
            throw .invalid("unknown_ai", "AI (\(ai)) is not a GS1 application identifier")
        }
        if let failure = definition.failure(validating: value) { throw QualityError(failure) }
    }
}

/// A batch or lot number (AI 10): 1–20 characters of GS1 character set 82.
public enum LotNumber {
    /// Checks a lot number.
    public static func check(_ lot: String) throws(QualityError) { try GS1Value.check(lot, ai: "10") }
}

/// A Global Location Number (AI 414): 13 digits with a check digit.
public enum GLN {
    /// Checks a GLN.
    public static func check(_ gln: String) throws(QualityError) { try GS1Value.check(gln, ai: "414") }
}

extension GTIN {
    /// Parses a GTIN, reporting a problem as a domain error.
    public init(checking text: String) throws(QualityError) {
        do { try self.init(text) } catch { throw QualityError(error) }
    }
}

extension QualityError {
    /// The domain error for a GS1 syntax error: an invalid input with the GS1 error's code.
    public init(_ error: GS1Error) {
        self.init(.invalid, code: error.code.rawValue, message: error.message)
    }
}
