import Governance
import PostgresNIO
import QualityCore

/// Reading governance values out of PostgreSQL rows; each reader decodes its column list in order.
extension PostgresStore {
    /// The columns `party(_:)` reads.
    static let partyColumns = "id, platform_id, kind, name, credit_code, categories, parent_id, standing, created_at"
    /// The columns `document(_:)` reads.
    static let documentColumns = "id, party_id, kind, issuer, number, valid_from, valid_until, filed_at"
    /// The columns `blacklistEntry(_:)` reads.
    static let blacklistColumns = """
        id, platform_id, party_id, credit_code, reason, evidence, starts_on, ends_on, status, added_by, added_at
        """
    /// The columns `listing(_:)` reads.
    static let listingColumns = "credit_code, list, listed_on, name, removed_on, authority, reason"
    /// The columns `review(_:)` reads.
    static let reviewColumns = "id, party_id, platform_id, evaluation, status, opened_by, opened_at"
    /// The columns `decision(_:)` reads.
    static let decisionColumns =
        "id, review_id, outcome, decided_by, reason, overridden_rules, rule_set_version, decided_at"

    /// A party from a row of `partyColumns`.
    static func party(_ row: PostgresRow) throws -> Party {
        let table = "parties"
        let (id, platformID, kind, name, code, categories, parentID, standing, createdAt) = try row.decode(
            (Int64, Int64, String, String, String?, String, Int64?, String, PostgresInstant).self)
        return Party(
            id: id, platformID: platformID, kind: try GovernanceColumns.value(PartyKind.self, kind, table: table),
            name: name, creditCode: try GovernanceColumns.creditCode(code, table: table),
            categories: try GovernanceColumns.decode([String].self, categories, table: table), parentID: parentID,
            standing: try GovernanceColumns.value(PartyStanding.self, standing, table: table), createdAt: createdAt.date
        )
    }

    /// A document from a row of `documentColumns`.
    static func document(_ row: PostgresRow) throws -> QualificationDocument {
        let (id, partyID, kind, issuer, number, validFrom, validUntil, filedAt) = try row.decode(
            (Int64, Int64, String, String, String, PostgresDay, PostgresDay?, PostgresInstant).self)
        return QualificationDocument(
            id: id, partyID: partyID,
            kind: try GovernanceColumns.value(DocumentKind.self, kind, table: "qualification_documents"),
            issuer: issuer, number: number, validFrom: validFrom.day, validUntil: validUntil?.day, filedAt: filedAt.date
        )
    }

    /// A blacklist entry from a row of `blacklistColumns`.
    static func blacklistEntry(_ row: PostgresRow) throws -> BlacklistEntry {
        let table = "blacklist_entries"
        let (id, platformID, partyID, code, reason, evidence, startsOn, endsOn, status, addedBy, addedAt) =
            try row.decode(
                (
                    Int64, Int64, Int64?, String?, String, String, PostgresDay, PostgresDay, String, String,
                    PostgresInstant
                ).self)
        return BlacklistEntry(
            id: id, platformID: platformID, partyID: partyID,
            creditCode: try GovernanceColumns.creditCode(code, table: table), reason: reason, evidence: evidence,
            startsOn: startsOn.day, endsOn: endsOn.day,
            status: try GovernanceColumns.value(BlacklistEntry.Status.self, status, table: table), addedBy: addedBy,
            addedAt: addedAt.date)
    }

    /// A regulator list entry from a row of `listingColumns`.
    static func listing(_ row: PostgresRow) throws -> ViolationListing {
        let table = "violation_listings"
        let (code, list, listedOn, name, removedOn, authority, reason) = try row.decode(
            (String, String, PostgresDay, String, PostgresDay?, String, String).self)
        guard let creditCode = try GovernanceColumns.creditCode(code, table: table) else {
            throw CorruptRow(table: table, problem: "no credit code")
        }
        return ViolationListing(
            creditCode: creditCode, name: name,
            list: try GovernanceColumns.value(ViolationListing.List.self, list, table: table), listedOn: listedOn.day,
            removedOn: removedOn?.day, authority: authority, reason: reason)
    }

    /// A review from a row of `reviewColumns`.
    static func review(_ row: PostgresRow) throws -> OnboardingReview {
        let table = "onboarding_reviews"
        let (id, partyID, platformID, evaluation, status, openedBy, openedAt) = try row.decode(
            (Int64, Int64, Int64, String, String, String, PostgresInstant).self)
        return OnboardingReview(
            id: id, partyID: partyID, platformID: platformID,
            evaluation: try GovernanceColumns.decode(RuleEvaluation.self, evaluation, table: table),
            status: try GovernanceColumns.value(OnboardingReview.Status.self, status, table: table),
            openedBy: openedBy, openedAt: openedAt.date)
    }

    /// A decision from a row of `decisionColumns`.
    static func decision(_ row: PostgresRow) throws -> ReviewDecision {
        let table = "review_decisions"
        let (id, reviewID, outcome, decidedBy, reason, overridden, version, decidedAt) = try row.decode(
            (Int64, Int64, String, String, String?, String, String, PostgresInstant).self)
        return ReviewDecision(
            id: id, reviewID: reviewID,
            outcome: try GovernanceColumns.value(ReviewDecision.Outcome.self, outcome, table: table),
            decidedBy: decidedBy, reason: reason,
            overriddenRules: try GovernanceColumns.decode([String].self, overridden, table: table),
            ruleSetVersion: version, decidedAt: decidedAt.date)
    }
}
