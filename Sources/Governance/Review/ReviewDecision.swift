public import Foundation

/// A decision on a review: who decided what, when, why, and which fired rules it overrode.
public struct ReviewDecision: Sendable, Hashable, Codable, Identifiable {
    /// What was decided.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// Admit.
        case approve
        /// Refuse.
        case reject
        /// Send back for changes.
        case requestChanges = "request_changes"
        /// The CQO's veto (一票否决): refuse, whatever came before.
        case veto

        /// The review status the outcome leads to.
        public var status: OnboardingReview.Status {
            switch self {
            case .approve: .approved
            case .reject: .rejected
            case .requestChanges: .changesRequested
            case .veto: .vetoed
            }
        }

        /// The party standing the outcome leads to.
        public var standing: PartyStanding {
            switch self {
            case .approve: .approved
            case .reject: .rejected
            case .requestChanges: .changesRequested
            case .veto: .vetoed
            }
        }
    }

    /// The store-assigned identifier.
    public var id: Int64
    /// The review decided.
    public var reviewID: Int64
    /// What was decided.
    public var outcome: Outcome
    /// Who decided, e.g. `organisation:3/cqo`.
    public var decidedBy: String
    /// Why; required whenever a rule is overridden and for every refusal.
    public var reason: String?
    /// The fired rules the decision overrode.
    public var overriddenRules: [String]
    /// The rule-set version of the evaluation decided on.
    public var ruleSetVersion: String
    /// When.
    public var decidedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, outcome, reason
        case reviewID = "review_id"
        case decidedBy = "decided_by"
        case overriddenRules = "overridden_rules"
        case ruleSetVersion = "rule_set_version"
        case decidedAt = "decided_at"
    }

    /// Creates a decision value.
    public init(
        id: Int64, reviewID: Int64, outcome: Outcome, decidedBy: String, reason: String?, overriddenRules: [String],
        ruleSetVersion: String, decidedAt: Date
    ) {
        self.id = id
        self.reviewID = reviewID
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.reason = reason
        self.overriddenRules = overriddenRules
        self.ruleSetVersion = ruleSetVersion
        self.decidedAt = decidedAt
    }
}
