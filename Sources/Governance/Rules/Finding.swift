/// A rule that fired, with its explanation filled in for the case at hand.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule's id.
    public var ruleID: String
    /// The rule's severity.
    public var severity: Severity
    /// The rule's category.
    public var category: String
    /// What fired and what to fix.
    public var explanation: LocalizedText
    /// The law or policy the rule rests on.
    public var basis: String
    /// What the finding is about, e.g. `business_licence` or a blacklist entry id.
    public var subject: String?

    enum CodingKeys: String, CodingKey {
        case severity, category, explanation, basis, subject
        case ruleID = "rule_id"
    }

    /// A finding of a rule with its placeholders filled.
    public init(rule: Rule, subject: String?, values: [String: String] = [:]) {
        ruleID = rule.id
        severity = rule.severity
        category = rule.category
        explanation = rule.explanation.filling(values)
        basis = rule.basis
        self.subject = subject
    }
}
