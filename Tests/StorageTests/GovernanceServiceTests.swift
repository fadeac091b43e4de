import Access
import Foundation
import Governance
import Ledger
import QualityCore
import Storage
import Testing

/// Onboarding through `GovernanceService` on both backends with a ledger: role boundaries,
/// nothing half-applied on a refusal, every decision and blacklist change in the log.
@Suite("Onboarding review")
struct GovernanceServiceTests {
    /// 2026-06-15 12:00 China time.
    static let now = Date(timeIntervalSince1970: 1_781_496_000)

    /// The service over the stores with the bundled rules and a ledger.
    static func service(_ stores: Stores) throws -> (GovernanceService, Ledger) {
        let ledger = Ledger(store: stores.ledger, signer: LedgerSample.signer)
        let service = GovernanceService(
            store: stores.governance, rules: try RuleSet.bundled(), ledger: ledger, now: { now })
        return (service, ledger)
    }

    /// A platform and actors of it with each duty.
    struct Cast {
        let platform: Organisation
        let reviewer: GovernanceActor
        let cqo: GovernanceActor
        let merchantStaff: GovernanceActor
        let regulator: GovernanceActor

        init(_ stores: Stores) async throws {
            platform = try await GovernanceSample.platform(stores)
            let bureau = try await stores.access.createOrganisation(name: "Hangzhou AMR", role: .regulator)
            reviewer = GovernanceActor(organisation: platform, duty: .reviewer)
            cqo = GovernanceActor(organisation: platform, duty: .cqo)
            merchantStaff = GovernanceActor(organisation: platform, duty: .merchant)
            regulator = GovernanceActor(organisation: bureau, duty: .regulator)
        }
    }

    @Test(
        "a block stops the reviewer with nothing applied; the CQO overrides it with a reason, into the ledger",
        arguments: StoreFixture.all)
    func blockOverride(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, ledger) = try Self.service(stores)
            let cast = try await Cast(stores)
            let shop = try await service.registerParty(
                PartyDraft(
                    kind: .merchant, name: " Sunny Meadow Shop ", creditCode: GovernanceSample.merchantCode,
                    categories: ["Food"]),
                by: cast.reviewer)
            _ = try await service.fileDocument(
                try GovernanceSample.document(.businessLicence), for: shop.id, by: cast.reviewer)
            let review = try await service.openReview(of: shop.id, by: cast.reviewer)
            let before = try await ledger.treeHead().size

            #expect(shop.name == "Sunny Meadow Shop")
            #expect(shop.categories == ["food"])
            #expect(review.evaluation.ruleIDs == [RuleID.documentMissing])
            #expect(review.evaluation.ruleSetVersion == "2026.2")
            let refused = await #expect(throws: QualityError.self) {
                try await service.decide(review.id, outcome: .approve, reason: "looks fine", by: cast.reviewer)
            }
            #expect(refused?.code == "block_needs_cqo")
            #expect(try await stores.governance.decisions(reviewID: review.id).isEmpty)
            #expect(try await stores.governance.review(id: review.id)?.status == .open)
            #expect(try await stores.governance.party(id: shop.id)?.standing == .pending)
            #expect(try await ledger.treeHead().size == before)

            let decision = try await service.decide(
                review.id, outcome: .approve, reason: "food licence seen at the bureau's portal", by: cast.cqo)

            #expect(decision.overriddenRules == [RuleID.documentMissing])
            #expect(decision.decidedBy == "organisation:\(cast.platform.id)/cqo")
            #expect(decision.ruleSetVersion == "2026.2")
            #expect(try await stores.governance.party(id: shop.id)?.standing == .approved)
            #expect(try await ledger.treeHead().size == before + 1)
            let leaf = try #require(try await stores.ledger.ledgerLeaves(from: before, limit: 1).first)
            let entry = try leaf.entry()
            #expect(entry.kind == .reviewDecision)
            #expect(
                entry.record == LedgerRecordReference(table: "review_decisions", key: "\(review.id)/\(decision.id)"))
            #expect(entry.actor == decision.decidedBy)
            let stored = try #require(try await stores.governance.decisions(reviewID: review.id).first)
            #expect(entry.payloadDigest == (try GovernanceLedgerEntry.decision(stored).payloadDigest))
            try await ledger.close()
        }
    }

    @Test("the CQO vetoes an approved party; reviewers, merchants and regulators may not", arguments: StoreFixture.all)
    func veto(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, ledger) = try Self.service(stores)
            let cast = try await Cast(stores)
            let shop = try await service.registerParty(
                PartyDraft(kind: .merchant, name: "Sunny Meadow Shop", creditCode: GovernanceSample.merchantCode),
                by: cast.reviewer)
            _ = try await service.fileDocument(
                try GovernanceSample.document(.businessLicence), for: shop.id, by: cast.reviewer)
            let review = try await service.openReview(of: shop.id, by: cast.reviewer)
            _ = try await service.decide(review.id, outcome: .approve, reason: nil, by: cast.reviewer)

            for (actor, code) in [
                (cast.reviewer, "cqo_only"), (cast.merchantStaff, "not_a_reviewer"), (cast.regulator, "read_only"),
            ] {
                let error = await #expect(throws: QualityError.self, "\(actor.duty)") {
                    try await service.decide(review.id, outcome: .veto, reason: "complaints", by: actor)
                }
                #expect(error?.kind == .forbidden)
                #expect(error?.code == code)
            }
            let veto = try await service.decide(
                review.id, outcome: .veto, reason: "complaint spike on 12315", by: cast.cqo)

            #expect(veto.outcome == .veto)
            #expect(try await stores.governance.party(id: shop.id)?.standing == .vetoed)
            #expect(try await stores.governance.decisions(reviewID: review.id).map(\.outcome) == [.approve, .veto])
            #expect(try await ledger.treeHead().size == 2)
            try await ledger.close()
        }
    }

    @Test(
        "blacklisting is the CQO's; an entry in force and an imported serious violation block onboarding",
        arguments: StoreFixture.all)
    func blacklistAndLists(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, ledger) = try Self.service(stores)
            let cast = try await Cast(stores)
            let shop = try await service.registerParty(
                PartyDraft(kind: .merchant, name: "Sunny Meadow Shop", creditCode: GovernanceSample.merchantCode),
                by: cast.reviewer)
            _ = try await service.fileDocument(
                try GovernanceSample.document(.businessLicence), for: shop.id, by: cast.reviewer)

            let byReviewer = await #expect(throws: QualityError.self) {
                try await service.blacklist(
                    partyID: shop.id, creditCode: nil, reason: "售假", evidence: "案号1", by: cast.reviewer)
            }
            let noEvidence = await #expect(throws: QualityError.self) {
                try await service.blacklist(
                    partyID: shop.id, creditCode: nil, reason: "售假", evidence: " ", by: cast.cqo)
            }
            #expect(byReviewer?.code == "cqo_only")
            #expect(noEvidence?.code == "blacklist_grounds_required")
            #expect(try await stores.governance.blacklistEntries(platformID: cast.platform.id).isEmpty)

            let entry = try await service.blacklist(
                partyID: shop.id, creditCode: nil, reason: "直播中销售假冒产品", evidence: "杭市监罚〔2026〕31号", by: cast.cqo)
            let csv = """
                credit_code,name,list,listed_on,removed_on,authority,reason
                \(GovernanceSample.merchantCode),Sunny Meadow Shop,serious_violation,2026-03-01,,杭州市市场监督管理局,售假
                """
            #expect(try await service.importViolationList(csv: csv, by: cast.reviewer) == 1)
            let review = try await service.openReview(of: shop.id, by: cast.reviewer)

            #expect(entry.creditCode?.text == GovernanceSample.merchantCode)
            #expect(entry.startsOn == (try CalendarDay("2026-06-15")))
            #expect(entry.endsOn == (try CalendarDay("2029-06-15")))
            #expect(review.evaluation.ruleIDs == [RuleID.blacklisted, RuleID.seriousViolation])
            let lifted = try await service.liftBlacklistEntry(entry.id, by: cast.cqo)
            #expect(lifted.status == .lifted)
            let kinds = try await stores.ledger.ledgerLeaves(from: 0, limit: 10).map { try $0.entry().kind }
            #expect(kinds == [.blacklistChange, .blacklistChange])
            try await ledger.close()
        }
    }

    @Test("a bad list file imports nothing", arguments: StoreFixture.all)
    func badListFile(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, _) = try Self.service(stores)
            let cast = try await Cast(stores)
            let csv = """
                credit_code,name,list,listed_on,removed_on,authority,reason
                \(GovernanceSample.merchantCode),A,serious_violation,2026-03-01,,X,Y
                \(GovernanceSample.operatorCode),B,serious_violation,2026-13-01,,X,Y
                """

            let error = await #expect(throws: QualityError.self) {
                try await service.importViolationList(csv: csv, by: cast.reviewer)
            }

            #expect(error?.message.hasPrefix("line 3:") == true)
            #expect(
                try await stores.governance.violationListings(
                    creditCode: try GovernanceSample.code(GovernanceSample.merchantCode)
                ).isEmpty)
        }
    }

    @Test(
        "another platform sees none of the parties; a regulator reads but changes nothing", arguments: StoreFixture.all)
    func visibility(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, _) = try Self.service(stores)
            let cast = try await Cast(stores)
            let rival = GovernanceActor(
                organisation: try await GovernanceSample.platform(stores, name: "Rival Mall"), duty: .cqo)
            let shop = try await service.registerParty(
                PartyDraft(kind: .merchant, name: "Sunny Meadow Shop", creditCode: GovernanceSample.merchantCode),
                by: cast.reviewer)
            let review = try await service.openReview(of: shop.id, by: cast.reviewer)

            let hidden = await #expect(throws: QualityError.self) { try await service.party(shop.id, for: rival) }
            let hiddenReview = await #expect(throws: QualityError.self) {
                try await service.review(review.id, for: rival)
            }
            let foreignDocument = await #expect(throws: QualityError.self) {
                try await service.fileDocument(try GovernanceSample.document(.businessLicence), for: shop.id, by: rival)
            }
            let regulatorWrite = await #expect(throws: QualityError.self) {
                try await service.registerParty(
                    PartyDraft(kind: .merchant, name: "x", creditCode: GovernanceSample.operatorCode),
                    by: cast.regulator)
            }
            let regulatorOpen = await #expect(throws: QualityError.self) {
                try await service.openReview(of: shop.id, by: cast.regulator)
            }

            #expect(hidden?.kind == .notFound)
            #expect(hiddenReview?.kind == .notFound)
            #expect(foreignDocument?.kind == .notFound)
            #expect(regulatorWrite?.code == "read_only")
            #expect(regulatorOpen?.code == "read_only")
            #expect(try await service.party(shop.id, for: cast.regulator) == shop)
            #expect(try await service.review(review.id, for: cast.regulator) == review)
            #expect(try await stores.governance.parties(platformID: cast.platform.id) == [shop])
            #expect(try await stores.governance.documents(partyID: shop.id).isEmpty)
        }
    }

    @Test(
        "a live room needs a merchant operator, approved first; bad drafts store nothing", arguments: StoreFixture.all)
    func liveRoom(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, _) = try Self.service(stores)
            let cast = try await Cast(stores)
            let agency = try await service.registerParty(
                PartyDraft(kind: .agency, name: "星光MCN", creditCode: GovernanceSample.agencyCode), by: cast.reviewer)
            let shop = try await service.registerParty(
                PartyDraft(kind: .merchant, name: "Sunny Meadow Shop", creditCode: GovernanceSample.merchantCode),
                by: cast.reviewer)

            let wrongParent = await #expect(throws: QualityError.self) {
                try await service.registerParty(
                    PartyDraft(
                        kind: .liveRoom, name: "阳光直播间", creditCode: GovernanceSample.operatorCode, parentID: agency.id),
                    by: cast.reviewer)
            }
            let badCode = await #expect(throws: QualityError.self) {
                try await service.registerParty(
                    PartyDraft(kind: .merchant, name: "x", creditCode: "91330106MA2B00001Z"), by: cast.reviewer)
            }
            let badDates = await #expect(throws: QualityError.self) {
                try await service.fileDocument(
                    try GovernanceSample.document(.businessLicence, from: "2026-01-01", until: "2025-01-01"),
                    for: shop.id,
                    by: cast.reviewer)
            }
            #expect(wrongParent?.code == "bad_parent")
            #expect(badCode?.code == "bad_credit_code")
            #expect(badDates?.code == "bad_validity")
            #expect(try await stores.governance.parties(platformID: cast.platform.id).count == 2)
            #expect(try await stores.governance.documents(partyID: shop.id).isEmpty)

            let room = try await service.registerParty(
                PartyDraft(
                    kind: .liveRoom, name: "阳光直播间", creditCode: GovernanceSample.operatorCode, parentID: shop.id),
                by: cast.reviewer)
            _ = try await service.fileDocument(
                try GovernanceSample.document(.businessLicence), for: room.id, by: cast.reviewer)
            let early = try await service.openReview(of: room.id, by: cast.reviewer)
            _ = try await service.decide(
                early.id, outcome: .requestChanges, reason: "wait for the operator", by: cast.reviewer)
            _ = try await service.fileDocument(
                try GovernanceSample.document(.businessLicence), for: shop.id, by: cast.reviewer)
            let shopReview = try await service.openReview(of: shop.id, by: cast.reviewer)
            _ = try await service.decide(shopReview.id, outcome: .approve, reason: nil, by: cast.reviewer)
            let later = try await service.openReview(of: room.id, by: cast.reviewer)

            #expect(early.evaluation.ruleIDs == [RuleID.parentNotApproved])
            #expect(later.evaluation.findings.isEmpty)
            #expect(try await stores.governance.party(id: room.id)?.standing == .changesRequested)
        }
    }
}
