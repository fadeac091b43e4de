public import Foundation
import QualityCore

/// Persistence of parties, their documents, blacklist entries, imported regulator lists, and
/// onboarding reviews with their decisions.
///
/// Implementations keep every method atomic: a method either applies whole or throws.
public protocol GovernanceStore: Sendable {
    /// Stores a checked party with standing `pending`; `notFound` (`party_not_found`) when its
    /// parent is unknown.
    func createParty(
        platformID: Int64, kind: PartyKind, name: String, creditCode: CreditCode?, categories: [String],
        parentID: Int64?, at time: Date
    ) async throws -> Party
    /// The party with an id, if any.
    func party(id: Int64) async throws -> Party?
    /// A platform's parties, by id.
    func parties(platformID: Int64) async throws -> [Party]

    /// Stores a checked document of a party; `notFound` (`party_not_found`) for an unknown party.
    func addDocument(_ draft: DocumentDraft, partyID: Int64, at time: Date) async throws -> QualificationDocument
    /// A party's documents, by id.
    func documents(partyID: Int64) async throws -> [QualificationDocument]

    /// Stores a blacklist entry (its id is assigned by the store).
    func addBlacklistEntry(_ entry: BlacklistEntry) async throws -> BlacklistEntry
    /// Marks an entry lifted; `notFound` (`blacklist_entry_not_found`) when unknown, `conflict`
    /// (`blacklist_entry_lifted`) when already lifted.
    func liftBlacklistEntry(id: Int64) async throws -> BlacklistEntry
    /// A platform's entries that name a party by id or by credit code, by id.
    func blacklistEntries(platformID: Int64, partyID: Int64?, creditCode: CreditCode?) async throws -> [BlacklistEntry]
    /// A platform's entries, by id.
    func blacklistEntries(platformID: Int64) async throws -> [BlacklistEntry]

    /// Stores regulator list entries in one transaction, replacing an entry with the same
    /// credit code, list and listing day; returns how many rows were new.
    func importViolationListings(_ listings: [ViolationListing]) async throws -> Int
    /// The list entries for a credit code, by list and listing day.
    func violationListings(creditCode: CreditCode) async throws -> [ViolationListing]

    /// Stores an open review; `conflict` (`review_open`) when the party already has one.
    func createReview(
        partyID: Int64, platformID: Int64, evaluation: RuleEvaluation, openedBy: String, at time: Date
    ) async throws -> OnboardingReview
    /// The review with an id, if any.
    func review(id: Int64) async throws -> OnboardingReview?
    /// A party's reviews, by id.
    func reviews(partyID: Int64) async throws -> [OnboardingReview]
    /// Stores a decision, moving its review to the outcome's status and the party to its
    /// standing in the same transaction, provided the review still has `expectedStatus`;
    /// `conflict` (`review_changed`) otherwise.
    func recordDecision(
        reviewID: Int64, expectedStatus: OnboardingReview.Status, outcome: ReviewDecision.Outcome, decidedBy: String,
        reason: String?, overriddenRules: [String], ruleSetVersion: String, at time: Date
    ) async throws -> ReviewDecision
    /// A review's decisions, by id.
    func decisions(reviewID: Int64) async throws -> [ReviewDecision]

    /// Gives an API token (by digest) a duty, replacing any it had; `notFound`
    /// (`token_not_found`) for an unknown digest.
    func assignDuty(_ duty: GovernanceDuty, toTokenDigest digest: String) async throws
    /// The duty assigned to a token digest, if any.
    func duty(forTokenDigest digest: String) async throws -> GovernanceDuty?
}
