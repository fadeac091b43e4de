/// One check as the rule set describes it: its id, severity, category, explanation in Chinese
/// and English with `{placeholders}`, the legal or policy basis, and numeric thresholds.
public struct Rule: Sendable, Hashable, Codable, Identifiable {
    /// A stable id such as `onboarding.document.expired`.
    public var id: String
    /// How the rule weighs on a decision when it fires.
    public var severity: Severity
    /// A grouping for people, e.g. `documents`, `blacklist`.
    public var category: String
    /// What fired and what to fix, with `{placeholders}` the evaluator fills.
    public var explanation: LocalizedText
    /// The law or policy the rule rests on.
    public var basis: String
    /// Numeric thresholds the check reads, e.g. `days`.
    public var thresholds: [String: Int]

    /// Creates a rule.
    public init(
        id: String, severity: Severity, category: String, explanation: LocalizedText, basis: String,
        thresholds: [String: Int] = [:]
    ) {
        self.id = id
        self.severity = severity
        self.category = category
        self.explanation = explanation
        self.basis = basis
        self.thresholds = thresholds
    }

    enum CodingKeys: String, CodingKey {
        case id, severity, category, explanation, basis, thresholds
    }

    /// Decodes a rule; `thresholds` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        severity = try container.decode(Severity.self, forKey: .severity)
        category = try container.decode(String.self, forKey: .category)
        explanation = try container.decode(LocalizedText.self, forKey: .explanation)
        basis = try container.decode(String.self, forKey: .basis)
        thresholds = try container.decodeIfPresent([String: Int].self, forKey: .thresholds) ?? [:]
    }
}
