/// What an evaluator found: every rule that fired, under which rule-set version.
public struct RuleEvaluation: Sendable, Hashable, Codable {
    /// The rule-set version applied.
    public var ruleSetVersion: String
    /// Every rule that fired, in rule-set order.
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case findings
        case ruleSetVersion = "rule_set_version"
    }

    /// Creates an evaluation.
    public init(ruleSetVersion: String, findings: [Finding]) {
        self.ruleSetVersion = ruleSetVersion
        self.findings = findings
    }

    /// The heaviest severity that fired, nil when nothing did.
    public var severity: Severity? { findings.map(\.severity).max() }

    /// The ids of the rules that fired.
    public var ruleIDs: [String] { findings.map(\.ruleID) }
}
