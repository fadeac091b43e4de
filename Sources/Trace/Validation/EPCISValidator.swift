/// Checks EPCIS 2.0 documents against the rules of the GS1 EPCIS 2.0.1 JSON Schema (expressed
/// as code), the CBV 2.0 vocabularies, GS1 identifier syntax and check digits, and date-time
/// formats. Every problem is reported with its path; a document is acceptable when there are none.
///
/// Two kinds of finding are warnings unless `strict` is set, because EPCIS itself accepts the
/// data: a Digital Link URI that fails GS1 checks (wrong check digit, bad value) is still a
/// valid URI for an EPCIS identifier, only without a GS1 identity; and a sensor measurement
/// type or alert written as a short name that the EPCIS 2.0 context does not list may be a newer
/// GS1 Web Vocabulary term. The same object listed twice under two spellings is a warning too.
public struct EPCISValidator: Sendable {
    /// Whether warnings are reported as errors.
    public let strict: Bool

    /// Creates a validator; `strict` turns every warning into an error.
    public init(strict: Bool = false) {
        self.strict = strict
    }

    /// Every problem of a document: those found while reading it, then those of each event.
    public func validate(_ document: EPCISDocument) -> [EPCISProblem] {
        var problems = document.problems
        let decodedPaths = Set(problems.map(\.path))
        for (index, event) in document.events.enumerated() {
            var checker = EventChecker(
                event: event, path: document.path(ofEvent: index), format: document.format, strict: strict)
            checker.check()
            problems += checker.problems.filter { !($0.code == "type" && decodedPaths.contains($0.path)) }
        }
        return problems
    }

    /// Every problem of one event; `path` prefixes the problem paths.
    public func validate(_ event: EPCISEvent, path: String = "", format: EPCISDocument.Format = .json) -> [EPCISProblem]
    {
        var checker = EventChecker(event: event, path: path, format: format, strict: strict)
        checker.check()
        return checker.problems
    }

    /// The errors among `problems`: a document is acceptable when there are none.
    public static func errors(_ problems: [EPCISProblem]) -> [EPCISProblem] {
        problems.filter { $0.severity == .error }
    }
}
