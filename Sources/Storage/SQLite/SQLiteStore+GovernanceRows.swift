import Foundation
import GRDB
import Governance
import QualityCore

/// Reading governance values out of SQLite rows, next to their column lists.
extension SQLiteStore {
    /// The columns `party(_:)` reads.
    static let partyColumns: SQL =
        "id, platform_id, kind, name, credit_code, categories, parent_id, standing, created_at"
    /// The columns `document(_:)` reads.
    static let documentColumns: SQL = "id, party_id, kind, issuer, number, valid_from, valid_until, filed_at"
    /// The columns `blacklistEntry(_:)` reads.
    static let blacklistColumns: SQL = """
        id, platform_id, party_id, credit_code, reason, evidence, starts_on, ends_on, status, added_by, added_at
        """
    /// The columns `listing(_:)` reads.
    static let listingColumns: SQL = "credit_code, list, listed_on, name, removed_on, authority, reason"
    /// The columns `review(_:)` reads.
    static let reviewColumns: SQL = "id, party_id, platform_id, evaluation, status, opened_by, opened_at"
    /// The columns `decision(_:)` reads.
    static let decisionColumns: SQL = """
        id, review_id, outcome, decided_by, reason, overridden_rules, rule_set_version, decided_at
        """

    /// A party from a row of `partyColumns`.
    static func party(_ row: Row) throws -> Party {
        let table = "parties"
        return Party(
            id: try row.decode(forColumn: "id"), platformID: try row.decode(forColumn: "platform_id"),
            kind: try GovernanceColumns.value(PartyKind.self, try row.decode(forColumn: "kind"), table: table),
            name: try row.decode(forColumn: "name"),
            creditCode: try GovernanceColumns.creditCode(try row.decode(forColumn: "credit_code"), table: table),
            categories: try GovernanceColumns.decode(
                [String].self, try row.decode(forColumn: "categories"), table: table),
            parentID: try row.decode(forColumn: "parent_id"),
            standing: try GovernanceColumns.value(
                PartyStanding.self, try row.decode(forColumn: "standing"), table: table),
            createdAt: Date(microsecondsSince1970: try row.decode(forColumn: "created_at")))
    }

    /// A document from a row of `documentColumns`.
    static func document(_ row: Row) throws -> QualificationDocument {
        let table = "qualification_documents"
        let until: String? = try row.decode(forColumn: "valid_until")
        return QualificationDocument(
            id: try row.decode(forColumn: "id"), partyID: try row.decode(forColumn: "party_id"),
            kind: try GovernanceColumns.value(DocumentKind.self, try row.decode(forColumn: "kind"), table: table),
            issuer: try row.decode(forColumn: "issuer"), number: try row.decode(forColumn: "number"),
            validFrom: try GovernanceColumns.day(try row.decode(forColumn: "valid_from"), table: table),
            validUntil: try until.map { try GovernanceColumns.day($0, table: table) },
            filedAt: Date(microsecondsSince1970: try row.decode(forColumn: "filed_at")))
    }

    /// A blacklist entry from a row of `blacklistColumns`.
    static func blacklistEntry(_ row: Row) throws -> BlacklistEntry {
        let table = "blacklist_entries"
        return BlacklistEntry(
            id: try row.decode(forColumn: "id"), platformID: try row.decode(forColumn: "platform_id"),
            partyID: try row.decode(forColumn: "party_id"),
            creditCode: try GovernanceColumns.creditCode(try row.decode(forColumn: "credit_code"), table: table),
            reason: try row.decode(forColumn: "reason"), evidence: try row.decode(forColumn: "evidence"),
            startsOn: try GovernanceColumns.day(try row.decode(forColumn: "starts_on"), table: table),
            endsOn: try GovernanceColumns.day(try row.decode(forColumn: "ends_on"), table: table),
            status: try GovernanceColumns.value(
                BlacklistEntry.Status.self, try row.decode(forColumn: "status"), table: table),
            addedBy: try row.decode(forColumn: "added_by"),
            addedAt: Date(microsecondsSince1970: try row.decode(forColumn: "added_at")))
    }

    /// A regulator list entry from a row of `listingColumns`.
    static func listing(_ row: Row) throws -> ViolationListing {
        let table = "violation_listings"
        let removed: String? = try row.decode(forColumn: "removed_on")
        guard let code = try GovernanceColumns.creditCode(try row.decode(forColumn: "credit_code"), table: table) else {
            throw CorruptRow(table: table, problem: "no credit code")
        }
        return ViolationListing(
            creditCode: code,
            name: try row.decode(forColumn: "name"),
            list: try GovernanceColumns.value(
                ViolationListing.List.self, try row.decode(forColumn: "list"), table: table),
            listedOn: try GovernanceColumns.day(try row.decode(forColumn: "listed_on"), table: table),
            removedOn: try removed.map { try GovernanceColumns.day($0, table: table) },
            authority: try row.decode(forColumn: "authority"), reason: try row.decode(forColumn: "reason"))
    }

    /// A review from a row of `reviewColumns`.
    static func review(_ row: Row) throws -> OnboardingReview {
        let table = "onboarding_reviews"
        return OnboardingReview(
            id: try row.decode(forColumn: "id"), partyID: try row.decode(forColumn: "party_id"),
            platformID: try row.decode(forColumn: "platform_id"),
            evaluation: try GovernanceColumns.decode(
                RuleEvaluation.self, try row.decode(forColumn: "evaluation"), table: table),
            status: try GovernanceColumns.value(
                OnboardingReview.Status.self, try row.decode(forColumn: "status"), table: table),
            openedBy: try row.decode(forColumn: "opened_by"),
            openedAt: Date(microsecondsSince1970: try row.decode(forColumn: "opened_at")))
    }

    /// A decision from a row of `decisionColumns`.
    static func decision(_ row: Row) throws -> ReviewDecision {
        let table = "review_decisions"
        return ReviewDecision(
            id: try row.decode(forColumn: "id"), reviewID: try row.decode(forColumn: "review_id"),
            outcome: try GovernanceColumns.value(
                ReviewDecision.Outcome.self, try row.decode(forColumn: "outcome"), table: table),
            decidedBy: try row.decode(forColumn: "decided_by"), reason: try row.decode(forColumn: "reason"),
            overriddenRules: try GovernanceColumns.decode(
                [String].self, try row.decode(forColumn: "overridden_rules"), table: table),
            ruleSetVersion: try row.decode(forColumn: "rule_set_version"),
            decidedAt: Date(microsecondsSince1970: try row.decode(forColumn: "decided_at")))
    }
}
