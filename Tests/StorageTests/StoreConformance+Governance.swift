import Access
import Foundation
import Governance
import QualityCore
import Storage
import Testing

extension StoreConformance {
    @Test(
        "parties are stored with their codes, categories and parents, and listed by platform",
        arguments: StoreFixture.all)
    func parties(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let market = try await GovernanceSample.platform(stores)
            let rival = try await GovernanceSample.platform(stores, name: "Rival Mall")
            let shop = try await GovernanceSample.merchant(stores, platform: market, categories: ["cosmetics", "food"])
            let room = try await stores.governance.createParty(
                platformID: market.id, kind: .liveRoom, name: "阳光直播间",
                creditCode: try GovernanceSample.code(GovernanceSample.operatorCode), categories: [],
                parentID: shop.id, at: Sample.instant)
            let host = try await stores.governance.createParty(
                platformID: rival.id, kind: .host, name: "李小红", creditCode: nil, categories: [], parentID: nil,
                at: Sample.instant)

            #expect(try await stores.governance.party(id: shop.id) == shop)
            #expect(try await stores.governance.party(id: room.id) == room)
            #expect(room.parentID == shop.id)
            #expect(shop.categories == ["cosmetics", "food"])
            #expect(shop.standing == .pending)
            #expect(shop.createdAt == Sample.instant)
            #expect(try await stores.governance.parties(platformID: market.id) == [shop, room])
            #expect(try await stores.governance.parties(platformID: rival.id) == [host])
            #expect(try await stores.governance.party(id: host.id + 100) == nil)
        }
    }

    @Test("a party with an unknown parent or platform is refused and nothing is stored", arguments: StoreFixture.all)
    func partyReferences(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let market = try await GovernanceSample.platform(stores)

            let parent = await #expect(throws: QualityError.self) {
                try await stores.governance.createParty(
                    platformID: market.id, kind: .liveRoom, name: "x", creditCode: nil, categories: [], parentID: 999,
                    at: Sample.instant)
            }
            let platform = await #expect(throws: QualityError.self) {
                try await stores.governance.createParty(
                    platformID: market.id + 50, kind: .merchant, name: "x", creditCode: nil, categories: [],
                    parentID: nil, at: Sample.instant)
            }

            #expect(parent?.code == "party_not_found")
            #expect(platform?.code == "organisation_not_found")
            #expect(try await stores.governance.parties(platformID: market.id).isEmpty)
        }
    }

    @Test("documents keep their validity days, open-ended ones too", arguments: StoreFixture.all)
    func documents(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let market = try await GovernanceSample.platform(stores)
            let shop = try await GovernanceSample.merchant(stores, platform: market)

            let licence = try await stores.governance.addDocument(
                try GovernanceSample.document(.businessLicence, until: nil), partyID: shop.id, at: Sample.instant)
            let food = try await stores.governance.addDocument(
                try GovernanceSample.document(.foodBusinessLicence, from: "2025-02-28", until: "2030-02-27"),
                partyID: shop.id, at: Sample.instant)
            let missing = await #expect(throws: QualityError.self) {
                try await stores.governance.addDocument(
                    try GovernanceSample.document(.testReport), partyID: shop.id + 9, at: Sample.instant)
            }

            #expect(try await stores.governance.documents(partyID: shop.id) == [licence, food])
            #expect(licence.validUntil == nil)
            #expect(food.validFrom == (try CalendarDay("2025-02-28")))
            #expect(missing?.code == "party_not_found")
            #expect(try await stores.governance.documents(partyID: shop.id + 9).isEmpty)
        }
    }

    @Test(
        "blacklist entries are found by party or credit code on their platform, and lifted once",
        arguments: StoreFixture.all)
    func blacklist(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let market = try await GovernanceSample.platform(stores)
            let rival = try await GovernanceSample.platform(stores, name: "Rival Mall")
            let shop = try await GovernanceSample.merchant(stores, platform: market)
            func entry(platform: Int64, party: Int64?, code: String?) throws -> BlacklistEntry {
                BlacklistEntry(
                    id: 0, platformID: platform, partyID: party, creditCode: try code.map(GovernanceSample.code),
                    reason: "售假", evidence: "杭市监罚〔2025〕12号", startsOn: try CalendarDay("2026-01-01"),
                    endsOn: try CalendarDay("2028-12-31"), status: .active, addedBy: "organisation:1/cqo",
                    addedAt: Sample.instant)
            }

            let byParty = try await stores.governance.addBlacklistEntry(
                try entry(platform: market.id, party: shop.id, code: nil))
            let byCode = try await stores.governance.addBlacklistEntry(
                try entry(platform: market.id, party: nil, code: GovernanceSample.merchantCode))
            _ = try await stores.governance.addBlacklistEntry(
                try entry(platform: market.id, party: nil, code: GovernanceSample.agencyCode))
            _ = try await stores.governance.addBlacklistEntry(
                try entry(platform: rival.id, party: nil, code: GovernanceSample.merchantCode))

            let naming = try await stores.governance.blacklistEntries(
                platformID: market.id, partyID: shop.id, creditCode: shop.creditCode)
            #expect(naming == [byParty, byCode])
            #expect(byParty.addedAt == Sample.instant)
            #expect(try await stores.governance.blacklistEntries(platformID: market.id).count == 3)

            let lifted = try await stores.governance.liftBlacklistEntry(id: byParty.id)
            let again = await #expect(throws: QualityError.self) {
                try await stores.governance.liftBlacklistEntry(id: byParty.id)
            }
            let unknown = await #expect(throws: QualityError.self) {
                try await stores.governance.liftBlacklistEntry(id: 999)
            }

            #expect(lifted.status == .lifted)
            #expect(try await stores.governance.blacklistEntries(platformID: market.id).first == lifted)
            #expect(again?.code == "blacklist_entry_lifted")
            #expect(unknown?.code == "blacklist_entry_not_found")
        }
    }

    @Test(
        "regulator lists import in one transaction and re-import updates rather than duplicates",
        arguments: StoreFixture.all)
    func violationListings(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let code = try GovernanceSample.code(GovernanceSample.merchantCode)
            let serious = ViolationListing(
                creditCode: code, name: "Sunny Meadow Shop", list: .seriousViolation,
                listedOn: try CalendarDay("2025-03-01"), removedOn: nil, authority: "杭州市市场监督管理局", reason: "售假")
            var abnormal = serious
            abnormal.list = .abnormalOperation
            abnormal.listedOn = try CalendarDay("2024-01-10")

            #expect(try await stores.governance.importViolationListings([serious, abnormal]) == 2)
            var removed = serious
            removed.removedOn = try CalendarDay("2026-03-01")
            #expect(try await stores.governance.importViolationListings([removed]) == 0)

            #expect(try await stores.governance.violationListings(creditCode: code) == [abnormal, removed])
            #expect(
                try await stores.governance.violationListings(
                    creditCode: try GovernanceSample.code(GovernanceSample.agencyCode)
                ).isEmpty)
        }
    }

    @Test(
        "a decision moves its review and party together; a second one on the same status is refused",
        arguments: StoreFixture.all)
    func decisions(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let market = try await GovernanceSample.platform(stores)
            let shop = try await GovernanceSample.merchant(stores, platform: market)
            let review = try await stores.governance.createReview(
                partyID: shop.id, platformID: market.id, evaluation: GovernanceSample.evaluation(.warn),
                openedBy: "organisation:\(market.id)/reviewer", at: Sample.instant)
            let second = await #expect(throws: QualityError.self) {
                try await stores.governance.createReview(
                    partyID: shop.id, platformID: market.id, evaluation: GovernanceSample.evaluation(nil),
                    openedBy: "x", at: Sample.instant)
            }
            #expect(second?.code == "review_open")
            #expect(try await stores.governance.review(id: review.id) == review)

            let decision = try await stores.governance.recordDecision(
                reviewID: review.id, expectedStatus: .open, outcome: .approve, decidedBy: "organisation:1/reviewer",
                reason: "renewal filed", overriddenRules: [RuleID.documentMissing], ruleSetVersion: "2026.1",
                at: Sample.instant)
            let stale = await #expect(throws: QualityError.self) {
                try await stores.governance.recordDecision(
                    reviewID: review.id, expectedStatus: .open, outcome: .reject, decidedBy: "x", reason: "late",
                    overriddenRules: [], ruleSetVersion: "2026.1", at: Sample.instant)
            }
            let unknown = await #expect(throws: QualityError.self) {
                try await stores.governance.recordDecision(
                    reviewID: review.id + 7, expectedStatus: .open, outcome: .reject, decidedBy: "x", reason: "r",
                    overriddenRules: [], ruleSetVersion: "2026.1", at: Sample.instant)
            }

            #expect(stale?.code == "review_changed")
            #expect(unknown?.code == "review_not_found")
            #expect(try await stores.governance.decisions(reviewID: review.id) == [decision])
            #expect(try await stores.governance.review(id: review.id)?.status == .approved)
            #expect(try await stores.governance.party(id: shop.id)?.standing == .approved)
            #expect(try await stores.governance.reviews(partyID: shop.id).map(\.id) == [review.id])

            let next = try await stores.governance.createReview(
                partyID: shop.id, platformID: market.id, evaluation: GovernanceSample.evaluation(nil), openedBy: "x",
                at: Sample.instant)
            #expect(next.id > review.id)
        }
    }
}

extension StoreConformance {
    @Test(
        "a token's duty is assigned, replaced and read back; an unknown token is refused", arguments: StoreFixture.all)
    func tokenDuties(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let market = try await GovernanceSample.platform(stores)
            try await stores.access.addToken(digest: "d1", label: "reviewer", for: market.id)

            #expect(try await stores.governance.duty(forTokenDigest: "d1") == nil)
            try await stores.governance.assignDuty(.reviewer, toTokenDigest: "d1")
            try await stores.governance.assignDuty(.cqo, toTokenDigest: "d1")
            let unknown = await #expect(throws: QualityError.self) {
                try await stores.governance.assignDuty(.cqo, toTokenDigest: "nope")
            }

            #expect(try await stores.governance.duty(forTokenDigest: "d1") == .cqo)
            #expect(unknown?.code == "token_not_found")
            #expect(try await stores.governance.duty(forTokenDigest: "nope") == nil)
        }
    }
}
