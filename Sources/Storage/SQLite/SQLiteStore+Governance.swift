public import Foundation
import GRDB
public import Governance
import QualityCore

extension SQLiteStore: GovernanceStore {
    /// Stores a party; `notFound` for an unknown parent (`party_not_found`) or platform
    /// (`organisation_not_found`).
    public func createParty(
        platformID: Int64, kind: PartyKind, name: String, creditCode: CreditCode?, categories: [String],
        parentID: Int64?, at time: Date
    ) async throws -> Party {
        let createdAt = time.microsecondsSince1970
        let categoriesJSON = try GovernanceColumns.json(categories)
        return try await translating(foreignKey: .organisationNotFound(platformID)) {
            try await pool.write { db in
                if let parentID, try db.row("SELECT 1 FROM parties WHERE id = \(parentID)") == nil {
                    throw QualityError.partyNotFound(parentID)
                }
                try db.execute(
                    literal: """
                        INSERT INTO parties (platform_id, kind, name, credit_code, categories, parent_id, standing, created_at)
                        VALUES (\(platformID), \(kind.rawValue), \(name), \(creditCode?.text), \(categoriesJSON),
                                \(parentID), \(PartyStanding.pending.rawValue), \(createdAt))
                        """)
                return Party(
                    id: db.lastInsertedRowID, platformID: platformID, kind: kind, name: name, creditCode: creditCode,
                    categories: categories, parentID: parentID, standing: .pending,
                    createdAt: Date(microsecondsSince1970: createdAt))
            }
        }
    }

    /// The party with an id, if any.
    public func party(id: Int64) async throws -> Party? {
        try await pool.read { db in
            try db.row("SELECT \(Self.partyColumns) FROM parties WHERE id = \(id)").map(Self.party)
        }
    }

    /// A platform's parties, by id.
    public func parties(platformID: Int64) async throws -> [Party] {
        try await pool.read { db in
            try db.rows("SELECT \(Self.partyColumns) FROM parties WHERE platform_id = \(platformID) ORDER BY id")
                .map(Self.party)
        }
    }

    /// Stores a document; `notFound` (`party_not_found`) for an unknown party.
    public func addDocument(_ draft: DocumentDraft, partyID: Int64, at time: Date) async throws -> QualificationDocument
    {
        let filedAt = time.microsecondsSince1970
        return try await translating(foreignKey: .partyNotFound(partyID)) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO qualification_documents (party_id, kind, issuer, number, valid_from, valid_until, filed_at)
                        VALUES (\(partyID), \(draft.kind.rawValue), \(draft.issuer), \(draft.number),
                                \(draft.validFrom.description), \(draft.validUntil?.description), \(filedAt))
                        """)
                return QualificationDocument(
                    id: db.lastInsertedRowID, partyID: partyID, kind: draft.kind, issuer: draft.issuer,
                    number: draft.number, validFrom: draft.validFrom, validUntil: draft.validUntil,
                    filedAt: Date(microsecondsSince1970: filedAt))
            }
        }
    }

    /// A party's documents, by id.
    public func documents(partyID: Int64) async throws -> [QualificationDocument] {
        try await pool.read { db in
            try db.rows(
                "SELECT \(Self.documentColumns) FROM qualification_documents WHERE party_id = \(partyID) ORDER BY id"
            ).map(Self.document)
        }
    }

    /// Stores a blacklist entry with a new id.
    public func addBlacklistEntry(_ entry: BlacklistEntry) async throws -> BlacklistEntry {
        let addedAt = entry.addedAt.microsecondsSince1970
        return try await translating(foreignKey: .partyNotFound(entry.partyID ?? 0)) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO blacklist_entries (platform_id, party_id, credit_code, reason, evidence, starts_on,
                                                       ends_on, status, added_by, added_at)
                        VALUES (\(entry.platformID), \(entry.partyID), \(entry.creditCode?.text), \(entry.reason),
                                \(entry.evidence), \(entry.startsOn.description), \(entry.endsOn.description),
                                \(entry.status.rawValue), \(entry.addedBy), \(addedAt))
                        """)
                var stored = entry
                stored.id = db.lastInsertedRowID
                stored.addedAt = Date(microsecondsSince1970: addedAt)
                return stored
            }
        }
    }

    /// Marks an entry lifted.
    public func liftBlacklistEntry(id: Int64) async throws -> BlacklistEntry {
        try await pool.write { db in
            guard
                var entry = try db.row("SELECT \(Self.blacklistColumns) FROM blacklist_entries WHERE id = \(id)")
                    .map(Self.blacklistEntry)
            else { throw QualityError.blacklistEntryNotFound(id) }
            guard entry.status == .active else { throw QualityError.blacklistEntryLifted(id) }
            try db.execute(
                literal:
                    "UPDATE blacklist_entries SET status = \(BlacklistEntry.Status.lifted.rawValue) WHERE id = \(id)")
            entry.status = .lifted
            return entry
        }
    }

    /// A platform's entries naming a party by id or credit code, by id.
    public func blacklistEntries(platformID: Int64, partyID: Int64?, creditCode: CreditCode?) async throws
        -> [BlacklistEntry]
    {
        try await pool.read { db in
            try db.rows(
                """
                SELECT \(Self.blacklistColumns) FROM blacklist_entries
                WHERE platform_id = \(platformID) AND (party_id = \(partyID) OR credit_code = \(creditCode?.text))
                ORDER BY id
                """
            ).map(Self.blacklistEntry)
        }
    }

    /// A platform's entries, by id.
    public func blacklistEntries(platformID: Int64) async throws -> [BlacklistEntry] {
        try await pool.read { db in
            try db.rows(
                "SELECT \(Self.blacklistColumns) FROM blacklist_entries WHERE platform_id = \(platformID) ORDER BY id"
            )
            .map(Self.blacklistEntry)
        }
    }

    /// Stores list entries in one transaction; returns how many were new.
    public func importViolationListings(_ listings: [ViolationListing]) async throws -> Int {
        try await pool.write { db in
            var inserted = 0
            for listing in listings {
                let known =
                    try db.row(
                        """
                        SELECT 1 FROM violation_listings
                        WHERE credit_code = \(listing.creditCode.text) AND list = \(listing.list.rawValue)
                          AND listed_on = \(listing.listedOn.description)
                        """) != nil
                try db.execute(
                    literal: """
                        INSERT INTO violation_listings (credit_code, list, listed_on, name, removed_on, authority, reason)
                        VALUES (\(listing.creditCode.text), \(listing.list.rawValue), \(listing.listedOn.description),
                                \(listing.name), \(listing.removedOn?.description), \(listing.authority), \(listing.reason))
                        ON CONFLICT (credit_code, list, listed_on) DO UPDATE SET
                            name = excluded.name, removed_on = excluded.removed_on,
                            authority = excluded.authority, reason = excluded.reason
                        """)
                if !known { inserted += 1 }
            }
            return inserted
        }
    }

    /// The list entries for a credit code, by list and listing day.
    public func violationListings(creditCode: CreditCode) async throws -> [ViolationListing] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT \(Self.listingColumns) FROM violation_listings WHERE credit_code = \(creditCode.text)
                ORDER BY list, listed_on
                """
            ).map(Self.listing)
        }
    }

    /// Stores an open review; `conflict` (`review_open`) when the party has one.
    public func createReview(
        partyID: Int64, platformID: Int64, evaluation: RuleEvaluation, openedBy: String, at time: Date
    ) async throws -> OnboardingReview {
        let openedAt = time.microsecondsSince1970
        let evaluationJSON = try GovernanceColumns.json(evaluation)
        return try await translating(unique: .reviewOpen(partyID: partyID), foreignKey: .partyNotFound(partyID)) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO onboarding_reviews (party_id, platform_id, evaluation, status, opened_by, opened_at)
                        VALUES (\(partyID), \(platformID), \(evaluationJSON), \(OnboardingReview.Status.open.rawValue),
                                \(openedBy), \(openedAt))
                        """)
                return OnboardingReview(
                    id: db.lastInsertedRowID, partyID: partyID, platformID: platformID, evaluation: evaluation,
                    status: .open, openedBy: openedBy, openedAt: Date(microsecondsSince1970: openedAt))
            }
        }
    }

    /// The review with an id, if any.
    public func review(id: Int64) async throws -> OnboardingReview? {
        try await pool.read { db in
            try db.row("SELECT \(Self.reviewColumns) FROM onboarding_reviews WHERE id = \(id)").map(Self.review)
        }
    }

    /// A party's reviews, by id.
    public func reviews(partyID: Int64) async throws -> [OnboardingReview] {
        try await pool.read { db in
            try db.rows("SELECT \(Self.reviewColumns) FROM onboarding_reviews WHERE party_id = \(partyID) ORDER BY id")
                .map(Self.review)
        }
    }

    /// Stores a decision and moves the review and party, all in one write transaction.
    public func recordDecision(
        reviewID: Int64, expectedStatus: OnboardingReview.Status, outcome: ReviewDecision.Outcome, decidedBy: String,
        reason: String?, overriddenRules: [String], ruleSetVersion: String, at time: Date
    ) async throws -> ReviewDecision {
        let decidedAt = time.microsecondsSince1970
        let overriddenJSON = try GovernanceColumns.json(overriddenRules)
        return try await pool.write { db in
            guard
                let partyID: Int64 = try db.row("SELECT party_id FROM onboarding_reviews WHERE id = \(reviewID)")?[
                    "party_id"]
            else { throw QualityError.reviewNotFound(reviewID) }
            try db.execute(
                literal: """
                    UPDATE onboarding_reviews SET status = \(outcome.status.rawValue)
                    WHERE id = \(reviewID) AND status = \(expectedStatus.rawValue)
                    """)
            guard db.changesCount == 1 else { throw QualityError.reviewChanged(reviewID) }
            try db.execute(literal: "UPDATE parties SET standing = \(outcome.standing.rawValue) WHERE id = \(partyID)")
            try db.execute(
                literal: """
                    INSERT INTO review_decisions (review_id, outcome, decided_by, reason, overridden_rules, rule_set_version, decided_at)
                    VALUES (\(reviewID), \(outcome.rawValue), \(decidedBy), \(reason), \(overriddenJSON),
                            \(ruleSetVersion), \(decidedAt))
                    """)
            return ReviewDecision(
                id: db.lastInsertedRowID, reviewID: reviewID, outcome: outcome, decidedBy: decidedBy, reason: reason,
                overriddenRules: overriddenRules, ruleSetVersion: ruleSetVersion,
                decidedAt: Date(microsecondsSince1970: decidedAt))
        }
    }

    /// A review's decisions, by id.
    public func decisions(reviewID: Int64) async throws -> [ReviewDecision] {
        try await pool.read { db in
            try db.rows(
                "SELECT \(Self.decisionColumns) FROM review_decisions WHERE review_id = \(reviewID) ORDER BY id"
            )
            .map(Self.decision)
        }
    }

    /// Gives a token a duty; `notFound` (`token_not_found`) for an unknown digest.
    public func assignDuty(_ duty: GovernanceDuty, toTokenDigest digest: String) async throws {
        try await translating(foreignKey: .tokenNotFound) {
            try await pool.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO token_duties (token_digest, duty) VALUES (\(digest), \(duty.rawValue))
                        ON CONFLICT (token_digest) DO UPDATE SET duty = excluded.duty
                        """)
            }
        }
    }

    /// The duty of a token digest, if any.
    public func duty(forTokenDigest digest: String) async throws -> GovernanceDuty? {
        let raw: String? = try await pool.read { db in
            try db.row("SELECT duty FROM token_duties WHERE token_digest = \(digest)")?["duty"]
        }
        return try raw.map { try GovernanceColumns.value(GovernanceDuty.self, $0, table: "token_duties") }
    }
}
