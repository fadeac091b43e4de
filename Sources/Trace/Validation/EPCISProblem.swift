/// One thing wrong with an EPCIS document, with where it is and why it is wrong.
public struct EPCISProblem: Sendable, Hashable, CustomStringConvertible, Codable {
    /// Whether the problem makes the document unacceptable.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The document breaks the standard and is rejected.
        case error
        /// The document is acceptable but the data is doubtful (for example a Digital Link with a
        /// wrong check digit, which EPCIS still accepts as a plain URI).
        case warning
    }

    /// Where, in JSON notation from the document root, e.g. `epcisBody.eventList[2].bizStep`
    /// (XML documents use the same names as their JSON equivalents).
    public let path: String
    /// A stable machine-readable kind, such as `required`, `vocabulary` or `identifier`.
    public let code: String
    /// What is wrong, for people; names the offending value and what was expected.
    public let reason: String
    /// Error or warning.
    public let severity: Severity

    /// Creates a problem.
    public init(path: String, code: String, reason: String, severity: Severity = .error) {
        self.path = path
        self.code = code
        self.reason = reason
        self.severity = severity
    }

    /// `path: reason`, with `(warning)` for warnings.
    public var description: String {
        (path.isEmpty ? "(document)" : path) + ": " + (severity == .warning ? "(warning) " : "") + reason
    }

    /// The same problem as a warning.
    var asWarning: EPCISProblem { EPCISProblem(path: path, code: code, reason: reason, severity: .warning) }

    /// A required field is missing.
    static func required(_ path: String, _ reason: String) -> EPCISProblem {
        .init(path: path, code: "required", reason: reason)
    }
    /// A value has the wrong JSON type or XML shape.
    static func type(_ path: String, _ reason: String) -> EPCISProblem {
        .init(path: path, code: "type", reason: reason)
    }
    /// A field that is not allowed here.
    static func unknownField(_ path: String, _ reason: String) -> EPCISProblem {
        .init(path: path, code: "unknown_field", reason: reason)
    }
    /// A value outside a standard vocabulary or enumeration.
    static func vocabulary(_ path: String, _ reason: String) -> EPCISProblem {
        .init(path: path, code: "vocabulary", reason: reason)
    }
    /// A malformed identifier or URI.
    static func identifier(_ path: String, _ reason: String) -> EPCISProblem {
        .init(path: path, code: "identifier", reason: reason)
    }
    /// A malformed date-time or offset.
    static func time(_ path: String, _ reason: String) -> EPCISProblem {
        .init(path: path, code: "time", reason: reason)
    }
    /// A value breaks another rule of the standard.
    static func invalid(_ path: String, _ reason: String) -> EPCISProblem {
        .init(path: path, code: "invalid", reason: reason)
    }
}
