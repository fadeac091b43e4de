public import Foundation

/// An onboarding review (入驻审核) of a party: the evaluation made when it was opened and its
/// status, which its decisions move.
public struct OnboardingReview: Sendable, Hashable, Codable, Identifiable {
    /// Where a review stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting for a decision.
        case open
        /// Approved.
        case approved
        /// Rejected.
        case rejected
        /// Sent back for changes; the party applies again with a new review.
        case changesRequested = "changes_requested"
        /// Vetoed by the CQO; final.
        case vetoed
    }

    /// The store-assigned identifier.
    public var id: Int64
    /// The party reviewed.
    public var partyID: Int64
    /// The platform reviewing.
    public var platformID: Int64
    /// What the rules found when the review was opened, with the rule-set version.
    public var evaluation: RuleEvaluation
    /// Where it stands.
    public var status: Status
    /// Who opened it.
    public var openedBy: String
    /// When it was opened.
    public var openedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, evaluation, status
        case partyID = "party_id"
        case platformID = "platform_id"
        case openedBy = "opened_by"
        case openedAt = "opened_at"
    }

    /// Creates a review value.
    public init(
        id: Int64, partyID: Int64, platformID: Int64, evaluation: RuleEvaluation, status: Status, openedBy: String,
        openedAt: Date
    ) {
        self.id = id
        self.partyID = partyID
        self.platformID = platformID
        self.evaluation = evaluation
        self.status = status
        self.openedBy = openedBy
        self.openedAt = openedAt
    }
}
