import Access
public import Foundation
public import Ledger
public import QualityCore

/// The governance capability's use cases: register parties and their documents, keep the
/// blacklist, import regulator lists, open onboarding reviews and decide them under
/// `DecisionPolicy`. It holds no HTTP and no SQL. With a `ledger`, every decision and blacklist
/// change is appended to the tamper-evident log once stored.
public struct GovernanceService: Sendable {
    /// Where governance records live.
    public let store: any GovernanceStore
    /// The rules reviews are evaluated under.
    public let rules: RuleSet
    /// The log decisions are appended to, if any.
    public let ledger: Ledger?
    /// The clock, replaceable in tests.
    public let now: @Sendable () -> Date

    /// Creates the service.
    public init(
        store: any GovernanceStore, rules: RuleSet, ledger: Ledger? = nil,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.rules = rules
        self.ledger = ledger
        self.now = now
    }

    /// Today in China (UTC+8), the day validity dates are compared with.
    public var today: CalendarDay { CalendarDay(chinaDayOf: now().timeIntervalSince1970) }

    // MARK: Parties and documents

    /// Registers a party on the actor's platform. A live room's parent must be a merchant and a
    /// host's an agency, both of the same platform.
    public func registerParty(_ draft: PartyDraft, by actor: GovernanceActor) async throws -> Party {
        try requirePlatformStaff(actor)
        let (name, creditCode, categories) = try draft.validated()
        if let parentID = draft.parentID {
            let parent = try await visibleParty(parentID, to: actor)
            let expected: PartyKind = draft.kind == .liveRoom ? .merchant : .agency
            guard parent.kind == expected else {
                throw QualityError.invalid(
                    "bad_parent",
                    "a \(draft.kind.rawValue)'s parent is a \(expected.rawValue); party \(parentID) is a \(parent.kind.rawValue)"
                )
            }
        }
        return try await store.createParty(
            platformID: actor.organisation.id, kind: draft.kind, name: name, creditCode: creditCode,
            categories: categories, parentID: draft.parentID, at: now())
    }

    /// A party the actor may see: its platform's staff and parties, or a regulator.
    public func party(_ id: Int64, for actor: GovernanceActor) async throws -> Party {
        try await visibleParty(id, to: actor)
    }

    /// Files a document for a party of the actor's platform.
    public func fileDocument(_ draft: DocumentDraft, for partyID: Int64, by actor: GovernanceActor) async throws
        -> QualificationDocument
    {
        try requirePlatformStaff(actor)
        let checked = try draft.validated()
        _ = try await visibleParty(partyID, to: actor)
        return try await store.addDocument(checked, partyID: partyID, at: now())
    }

    // MARK: Blacklist and regulator lists

    /// Lists a party (or a credit code) on the actor's platform blacklist for a term in years
    /// (default 3). Only the CQO blacklists.
    public func blacklist(
        partyID: Int64?, creditCode: String?, reason: String, evidence: String, years: Int = 3,
        by actor: GovernanceActor
    ) async throws -> BlacklistEntry {
        try requireCQO(actor, to: "blacklist a party")
        var code = try creditCode.flatMap { $0.isEmpty ? nil : $0 }.map { text throws(QualityError) in
            try CreditCode(text)
        }
        if let partyID {
            let party = try await visibleParty(partyID, to: actor)
            code = code ?? party.creditCode
        }
        guard partyID != nil || code != nil else {
            throw QualityError.invalid("blacklist_subject_required", "a blacklist entry names a party or a credit code")
        }
        let reason = reason.trimmingSpaces
        let evidence = evidence.trimmingSpaces
        guard !reason.isEmpty, !evidence.isEmpty else {
            throw QualityError.invalid(
                "blacklist_grounds_required", "a blacklist entry states its reason and its evidence")
        }
        guard (1...10).contains(years) else {
            throw QualityError.invalid("bad_blacklist_term", "a blacklist term is 1 to 10 years; got \(years)")
        }
        let time = now()
        let start = CalendarDay(chinaDayOf: time.timeIntervalSince1970)
        let end = try CalendarDay.adding(years: years, to: start)
        let entry = try await store.addBlacklistEntry(
            BlacklistEntry(
                id: 0, platformID: actor.organisation.id, partyID: partyID, creditCode: code, reason: reason,
                evidence: evidence, startsOn: start, endsOn: end, status: .active, addedBy: actor.reference,
                addedAt: time))
        try await appendToLedger(GovernanceLedgerEntry.blacklist(entry, by: actor.reference, at: time))
        return entry
    }

    /// Lifts a blacklist entry of the actor's platform early. Only the CQO lifts.
    public func liftBlacklistEntry(_ id: Int64, by actor: GovernanceActor) async throws -> BlacklistEntry {
        try requireCQO(actor, to: "lift a blacklist entry")
        let entries = try await store.blacklistEntries(platformID: actor.organisation.id)
        guard entries.contains(where: { $0.id == id }) else {
            throw QualityError.notFound("blacklist_entry_not_found", "no blacklist entry \(id) on this platform")
        }
        let lifted = try await store.liftBlacklistEntry(id: id)
        try await appendToLedger(GovernanceLedgerEntry.blacklist(lifted, by: actor.reference, at: now()))
        return lifted
    }

    /// Imports a regulator list export (see `ViolationListCSV`); all rows or none.
    public func importViolationList(csv: String, by actor: GovernanceActor) async throws -> Int {
        try requireReviewer(actor)
        return try await store.importViolationListings(try ViolationListCSV.parse(csv))
    }

    // MARK: Onboarding reviews

    /// Opens a review of a party of the actor's platform, evaluating every onboarding rule now.
    public func openReview(of partyID: Int64, by actor: GovernanceActor) async throws -> OnboardingReview {
        try requireReviewer(actor)
        let party = try await visibleParty(partyID, to: actor)
        let evaluation = try await evaluate(party)
        return try await store.createReview(
            partyID: party.id, platformID: party.platformID, evaluation: evaluation, openedBy: actor.reference,
            at: now())
    }

    /// What the onboarding rules find on a party today, without opening a review.
    public func evaluate(_ party: Party) async throws -> RuleEvaluation {
        let documents = try await store.documents(partyID: party.id)
        let entries = try await store.blacklistEntries(
            platformID: party.platformID, partyID: party.id, creditCode: party.creditCode)
        let listings = try await party.creditCode.asyncMap { try await store.violationListings(creditCode: $0) } ?? []
        let parent = try await party.parentID.asyncMap { try await store.party(id: $0) } ?? nil
        let facts = OnboardingFacts(
            party: party, documents: documents, blacklistEntries: entries, listings: listings, parent: parent,
            today: today)
        return OnboardingEvaluator(rules: rules).evaluate(facts)
    }

    /// Decides a review under `DecisionPolicy`; the decision is stored with the review's and the
    /// party's new status in one transaction, then appended to the ledger.
    public func decide(
        _ reviewID: Int64, outcome: ReviewDecision.Outcome, reason: String?, by actor: GovernanceActor
    ) async throws -> ReviewDecision {
        let review = try await review(reviewID, for: actor)
        let overridden = try DecisionPolicy.check(outcome, reason: reason, on: review, by: actor)
        let reason = reason?.trimmingSpaces
        let decision = try await store.recordDecision(
            reviewID: review.id, expectedStatus: review.status, outcome: outcome, decidedBy: actor.reference,
            reason: reason?.isEmpty == true ? nil : reason, overriddenRules: overridden,
            ruleSetVersion: review.evaluation.ruleSetVersion, at: now())
        try await appendToLedger(GovernanceLedgerEntry.decision(decision))
        return decision
    }

    /// A review the actor may see.
    public func review(_ id: Int64, for actor: GovernanceActor) async throws -> OnboardingReview {
        guard let review = try await store.review(id: id),
            actor.duty == .regulator || review.platformID == actor.organisation.id
        else {
            throw QualityError.notFound("review_not_found", "no onboarding review \(id)")
        }
        return review
    }

    // MARK: Boundaries

    /// The party, when the actor may see it; others' parties are reported missing.
    func visibleParty(_ id: Int64, to actor: GovernanceActor) async throws -> Party {
        guard let party = try await store.party(id: id),
            actor.duty == .regulator || party.platformID == actor.organisation.id
        else {
            throw QualityError.notFound("party_not_found", "no party \(id)")
        }
        return party
    }

    /// Staff of a platform organisation, not a regulator.
    func requirePlatformStaff(_ actor: GovernanceActor) throws(QualityError) {
        guard actor.duty != .regulator else {
            throw .forbidden("read_only", "a regulator reads governance records but does not change them")
        }
        guard actor.organisation.role == .platform else {
            throw .forbidden(
                "not_a_platform", "\(actor.organisation.name) is a \(actor.organisation.role.rawValue), not a platform")
        }
    }

    /// A platform reviewer or CQO.
    func requireReviewer(_ actor: GovernanceActor) throws(QualityError) {
        try requirePlatformStaff(actor)
        guard actor.duty.reviews else {
            throw .forbidden(
                "not_a_reviewer", "only a platform reviewer or CQO may do this; this is a \(actor.duty.rawValue)")
        }
    }

    /// The platform's CQO.
    func requireCQO(_ actor: GovernanceActor, to action: String) throws(QualityError) {
        try requirePlatformStaff(actor)
        guard actor.duty == .cqo else { throw .forbidden("cqo_only", "only the chief quality officer may \(action)") }
    }

    /// Appends an entry when the service has a ledger.
    func appendToLedger(_ entry: @autoclosure () throws -> LedgerEntry) async throws {
        guard let ledger else { return }
        _ = try await ledger.append(try entry())
    }
}

extension CalendarDay {
    /// The same day some years later; 29 February becomes 28 February in a common year.
    static func adding(years: Int, to day: CalendarDay) throws(QualityError) -> CalendarDay {
        let year = day.year + years
        if day.month == 2, day.day == 29, (try? CalendarDay(year: year, month: 2, day: 29)) == nil {
            return try CalendarDay(year: year, month: 2, day: 28)
        }
        return try CalendarDay(year: year, month: day.month, day: day.day)
    }
}

// MARK: Reading

extension GovernanceService {
    /// The parties of the actor's platform, or of a named platform for a regulator.
    public func parties(platformID: Int64?, for actor: GovernanceActor) async throws -> [Party] {
        if actor.duty == .regulator {
            guard let platformID else {
                throw QualityError.invalid("platform_required", "a regulator names the platform: ?platform_id=…")
            }
            return try await store.parties(platformID: platformID)
        }
        return try await store.parties(platformID: actor.organisation.id)
    }

    /// A visible party's documents.
    public func documents(of partyID: Int64, for actor: GovernanceActor) async throws -> [QualificationDocument] {
        _ = try await visibleParty(partyID, to: actor)
        return try await store.documents(partyID: partyID)
    }

    /// A visible party's reviews.
    public func reviews(of partyID: Int64, for actor: GovernanceActor) async throws -> [OnboardingReview] {
        _ = try await visibleParty(partyID, to: actor)
        return try await store.reviews(partyID: partyID)
    }

    /// What the onboarding rules would find on a visible party today, without opening a review.
    public func evaluation(of partyID: Int64, for actor: GovernanceActor) async throws -> RuleEvaluation {
        try await evaluate(try await visibleParty(partyID, to: actor))
    }

    /// A visible review's decisions.
    public func decisions(of reviewID: Int64, for actor: GovernanceActor) async throws -> [ReviewDecision] {
        _ = try await review(reviewID, for: actor)
        return try await store.decisions(reviewID: reviewID)
    }

    /// The blacklist of the actor's platform.
    public func blacklistEntries(for actor: GovernanceActor) async throws -> [BlacklistEntry] {
        try await store.blacklistEntries(platformID: actor.organisation.id)
    }
}
