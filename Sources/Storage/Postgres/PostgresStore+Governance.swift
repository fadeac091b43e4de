public import Foundation
public import Governance
import PostgresNIO
import QualityCore

extension PostgresStore: GovernanceStore {
    /// Stores a party; `notFound` for an unknown parent (`party_not_found`) or platform
    /// (`organisation_not_found`).
    public func createParty(
        platformID: Int64, kind: PartyKind, name: String, creditCode: CreditCode?, categories: [String],
        parentID: Int64?, at time: Date
    ) async throws -> Party {
        let createdAt = PostgresInstant(time)
        let categoriesJSON = try GovernanceColumns.json(categories)
        let logger = self.logger
        return try await translating(foreignKey: .organisationNotFound(platformID)) {
            try await transaction { connection in
                if let parentID {
                    let parent = try await connection.query(
                        "SELECT 1 FROM parties WHERE id = \(parentID)", logger: logger
                    )
                    .collect()
                    guard !parent.isEmpty else { throw QualityError.partyNotFound(parentID) }
                }
                let rows = try await connection.query(
                    """
                    INSERT INTO parties (platform_id, kind, name, credit_code, categories, parent_id, standing, created_at)
                    VALUES (\(platformID), \(kind.rawValue), \(name), \(creditCode?.text), \(categoriesJSON),
                            \(parentID), \(PartyStanding.pending.rawValue), \(createdAt))
                    RETURNING id
                    """, logger: logger
                ).collect()
                guard let row = rows.first else { throw CorruptRow(table: "parties", problem: "insert returned no id") }
                return Party(
                    id: try row.decode(Int64.self), platformID: platformID, kind: kind, name: name,
                    creditCode: creditCode, categories: categories, parentID: parentID, standing: .pending,
                    createdAt: createdAt.date)
            }
        }
    }

    /// The party with an id, if any.
    public func party(id: Int64) async throws -> Party? {
        try await rows("SELECT \(unescaped: Self.partyColumns) FROM parties WHERE id = \(id)").first.map(Self.party)
    }

    /// A platform's parties, by id.
    public func parties(platformID: Int64) async throws -> [Party] {
        try await rows(
            "SELECT \(unescaped: Self.partyColumns) FROM parties WHERE platform_id = \(platformID) ORDER BY id"
        )
        .map(Self.party)
    }

    /// Stores a document; `notFound` (`party_not_found`) for an unknown party.
    public func addDocument(_ draft: DocumentDraft, partyID: Int64, at time: Date) async throws -> QualificationDocument
    {
        let filedAt = PostgresInstant(time)
        return try await translating(foreignKey: .partyNotFound(partyID)) {
            let rows = try await self.rows(
                """
                INSERT INTO qualification_documents (party_id, kind, issuer, number, valid_from, valid_until, filed_at)
                VALUES (\(partyID), \(draft.kind.rawValue), \(draft.issuer), \(draft.number),
                        \(PostgresDay(draft.validFrom)), \(draft.validUntil.map(PostgresDay.init)), \(filedAt))
                RETURNING id
                """)
            guard let row = rows.first else {
                throw CorruptRow(table: "qualification_documents", problem: "insert returned no id")
            }
            return QualificationDocument(
                id: try row.decode(Int64.self), partyID: partyID, kind: draft.kind, issuer: draft.issuer,
                number: draft.number, validFrom: draft.validFrom, validUntil: draft.validUntil, filedAt: filedAt.date)
        }
    }

    /// A party's documents, by id.
    public func documents(partyID: Int64) async throws -> [QualificationDocument] {
        try await rows(
            "SELECT \(unescaped: Self.documentColumns) FROM qualification_documents WHERE party_id = \(partyID) ORDER BY id"
        ).map(Self.document)
    }

    /// Stores a blacklist entry with a new id.
    public func addBlacklistEntry(_ entry: BlacklistEntry) async throws -> BlacklistEntry {
        let addedAt = PostgresInstant(entry.addedAt)
        return try await translating(foreignKey: .partyNotFound(entry.partyID ?? 0)) {
            let rows = try await self.rows(
                """
                INSERT INTO blacklist_entries (platform_id, party_id, credit_code, reason, evidence, starts_on,
                                               ends_on, status, added_by, added_at)
                VALUES (\(entry.platformID), \(entry.partyID), \(entry.creditCode?.text), \(entry.reason),
                        \(entry.evidence), \(PostgresDay(entry.startsOn)), \(PostgresDay(entry.endsOn)),
                        \(entry.status.rawValue), \(entry.addedBy), \(addedAt))
                RETURNING id
                """)
            guard let row = rows.first else {
                throw CorruptRow(table: "blacklist_entries", problem: "insert returned no id")
            }
            var stored = entry
            stored.id = try row.decode(Int64.self)
            stored.addedAt = addedAt.date
            return stored
        }
    }

    /// Marks an entry lifted; the row lock keeps two lifts from both succeeding.
    public func liftBlacklistEntry(id: Int64) async throws -> BlacklistEntry {
        let logger = self.logger
        return try await transaction { connection in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.blacklistColumns) FROM blacklist_entries WHERE id = \(id) FOR UPDATE",
                logger: logger
            ).collect()
            guard var entry = try rows.first.map(Self.blacklistEntry) else {
                throw QualityError.blacklistEntryNotFound(id)
            }
            guard entry.status == .active else { throw QualityError.blacklistEntryLifted(id) }
            try await connection.query(
                "UPDATE blacklist_entries SET status = \(BlacklistEntry.Status.lifted.rawValue) WHERE id = \(id)",
                logger: logger)
            entry.status = .lifted
            return entry
        }
    }

    /// A platform's entries naming a party by id or credit code, by id.
    public func blacklistEntries(platformID: Int64, partyID: Int64?, creditCode: CreditCode?) async throws
        -> [BlacklistEntry]
    {
        try await rows(
            """
            SELECT \(unescaped: Self.blacklistColumns) FROM blacklist_entries
            WHERE platform_id = \(platformID) AND (party_id = \(partyID) OR credit_code = \(creditCode?.text))
            ORDER BY id
            """
        ).map(Self.blacklistEntry)
    }

    /// A platform's entries, by id.
    public func blacklistEntries(platformID: Int64) async throws -> [BlacklistEntry] {
        try await rows(
            "SELECT \(unescaped: Self.blacklistColumns) FROM blacklist_entries WHERE platform_id = \(platformID) ORDER BY id"
        ).map(Self.blacklistEntry)
    }

    /// Stores list entries in one transaction; returns how many were new (`xmax = 0` marks a
    /// row the upsert inserted rather than updated).
    public func importViolationListings(_ listings: [ViolationListing]) async throws -> Int {
        let logger = self.logger
        return try await transaction { connection in
            var inserted = 0
            for listing in listings {
                let rows = try await connection.query(
                    """
                    INSERT INTO violation_listings (credit_code, list, listed_on, name, removed_on, authority, reason)
                    VALUES (\(listing.creditCode.text), \(listing.list.rawValue), \(PostgresDay(listing.listedOn)),
                            \(listing.name), \(listing.removedOn.map(PostgresDay.init)), \(listing.authority),
                            \(listing.reason))
                    ON CONFLICT (credit_code, list, listed_on) DO UPDATE SET
                        name = excluded.name, removed_on = excluded.removed_on,
                        authority = excluded.authority, reason = excluded.reason
                    RETURNING (xmax = 0)
                    """, logger: logger
                ).collect()
                if try rows.first?.decode(Bool.self) == true { inserted += 1 }
            }
            return inserted
        }
    }

    /// The list entries for a credit code, by list and listing day.
    public func violationListings(creditCode: CreditCode) async throws -> [ViolationListing] {
        try await rows(
            """
            SELECT \(unescaped: Self.listingColumns) FROM violation_listings WHERE credit_code = \(creditCode.text)
            ORDER BY list, listed_on
            """
        ).map(Self.listing)
    }

    /// Stores an open review; `conflict` (`review_open`) when the party has one.
    public func createReview(
        partyID: Int64, platformID: Int64, evaluation: RuleEvaluation, openedBy: String, at time: Date
    ) async throws -> OnboardingReview {
        let openedAt = PostgresInstant(time)
        let evaluationJSON = try GovernanceColumns.json(evaluation)
        return try await translating(unique: .reviewOpen(partyID: partyID), foreignKey: .partyNotFound(partyID)) {
            let rows = try await self.rows(
                """
                INSERT INTO onboarding_reviews (party_id, platform_id, evaluation, status, opened_by, opened_at)
                VALUES (\(partyID), \(platformID), \(evaluationJSON), \(OnboardingReview.Status.open.rawValue),
                        \(openedBy), \(openedAt))
                RETURNING id
                """)
            guard let row = rows.first else {
                throw CorruptRow(table: "onboarding_reviews", problem: "insert returned no id")
            }
            return OnboardingReview(
                id: try row.decode(Int64.self), partyID: partyID, platformID: platformID, evaluation: evaluation,
                status: .open, openedBy: openedBy, openedAt: openedAt.date)
        }
    }

    /// The review with an id, if any.
    public func review(id: Int64) async throws -> OnboardingReview? {
        try await rows("SELECT \(unescaped: Self.reviewColumns) FROM onboarding_reviews WHERE id = \(id)").first
            .map(Self.review)
    }

    /// A party's reviews, by id.
    public func reviews(partyID: Int64) async throws -> [OnboardingReview] {
        try await rows(
            "SELECT \(unescaped: Self.reviewColumns) FROM onboarding_reviews WHERE party_id = \(partyID) ORDER BY id"
        ).map(Self.review)
    }

    /// Stores a decision and moves the review and party in one transaction; the conditional
    /// update makes a concurrent second decision fail rather than both apply.
    public func recordDecision(
        reviewID: Int64, expectedStatus: OnboardingReview.Status, outcome: ReviewDecision.Outcome, decidedBy: String,
        reason: String?, overriddenRules: [String], ruleSetVersion: String, at time: Date
    ) async throws -> ReviewDecision {
        let decidedAt = PostgresInstant(time)
        let overriddenJSON = try GovernanceColumns.json(overriddenRules)
        let logger = self.logger
        return try await transaction { connection in
            let known = try await connection.query(
                "SELECT 1 FROM onboarding_reviews WHERE id = \(reviewID)", logger: logger
            )
            .collect()
            guard !known.isEmpty else { throw QualityError.reviewNotFound(reviewID) }
            let moved = try await connection.query(
                """
                UPDATE onboarding_reviews SET status = \(outcome.status.rawValue)
                WHERE id = \(reviewID) AND status = \(expectedStatus.rawValue)
                RETURNING party_id
                """, logger: logger
            ).collect()
            guard let partyID = try moved.first?.decode(Int64.self) else { throw QualityError.reviewChanged(reviewID) }
            try await connection.query(
                "UPDATE parties SET standing = \(outcome.standing.rawValue) WHERE id = \(partyID)", logger: logger)
            let rows = try await connection.query(
                """
                INSERT INTO review_decisions (review_id, outcome, decided_by, reason, overridden_rules, rule_set_version, decided_at)
                VALUES (\(reviewID), \(outcome.rawValue), \(decidedBy), \(reason), \(overriddenJSON),
                        \(ruleSetVersion), \(decidedAt))
                RETURNING id
                """, logger: logger
            ).collect()
            guard let row = rows.first else {
                throw CorruptRow(table: "review_decisions", problem: "insert returned no id")
            }
            return ReviewDecision(
                id: try row.decode(Int64.self), reviewID: reviewID, outcome: outcome, decidedBy: decidedBy,
                reason: reason, overriddenRules: overriddenRules, ruleSetVersion: ruleSetVersion,
                decidedAt: decidedAt.date)
        }
    }

    /// A review's decisions, by id.
    public func decisions(reviewID: Int64) async throws -> [ReviewDecision] {
        try await rows(
            "SELECT \(unescaped: Self.decisionColumns) FROM review_decisions WHERE review_id = \(reviewID) ORDER BY id"
        ).map(Self.decision)
    }

    /// Gives a token a duty; `notFound` (`token_not_found`) for an unknown digest.
    public func assignDuty(_ duty: GovernanceDuty, toTokenDigest digest: String) async throws {
        try await translating(foreignKey: .tokenNotFound) {
            _ = try await self.rows(
                """
                INSERT INTO token_duties (token_digest, duty) VALUES (\(digest), \(duty.rawValue))
                ON CONFLICT (token_digest) DO UPDATE SET duty = excluded.duty
                """)
        }
    }

    /// The duty of a token digest, if any.
    public func duty(forTokenDigest digest: String) async throws -> GovernanceDuty? {
        guard let row = try await rows("SELECT duty FROM token_duties WHERE token_digest = \(digest)").first else {
            return nil
        }
        return try GovernanceColumns.value(GovernanceDuty.self, try row.decode(String.self), table: "token_duties")
    }
}
