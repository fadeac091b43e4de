import Access
import Foundation
import Governance
import Passport
import QualityCore
import Testing

@Suite("Listing rules")
struct ListingEvaluatorTests {
    let evaluator = ListingEvaluator(rules: Fixtures.rules)
    /// An electric kettle's GTIN-13 (check digit valid).
    let gtin: GTIN = {
        do { return try GTIN("6901234000016") } catch { fatalError("test GTIN") }
    }()

    /// A product of a category.
    func product(_ category: ProductCategory) -> Product {
        Product(
            gtin: gtin, ownerID: 3, name: "电热水壶 1.5L", category: category, createdAt: Date(timeIntervalSince1970: 0))
    }

    /// A batch expiring on a day, recalled or not.
    func batch(_ lot: String, expires: String? = "2027-12-31", recalled: Bool = false) -> Batch {
        Batch(
            gtin: gtin, lot: lot, producedOn: Fixtures.day("2026-01-01"), expiresOn: expires.map(Fixtures.day),
            recall: recalled
                ? Recall(recalledAt: Date(timeIntervalSince1970: 0), byOrganisationID: 3, reason: "漏电风险") : nil,
            createdAt: Date(timeIntervalSince1970: 0))
    }

    /// Facts for an approved merchant listing the product with a CCC certificate in date.
    func facts(
        category: ProductCategory = .electronics, registered: Bool = true, batches: [Batch]? = nil,
        certificates: [QualificationDocument]? = nil, standing: PartyStanding = .approved,
        blacklist: [BlacklistEntry] = []
    ) -> ListingFacts {
        let merchant = Fixtures.merchant(standing: standing)
        return ListingFacts(
            merchant: merchant, gtin: gtin, product: registered ? product(category) : nil,
            batches: batches ?? [batch("L1")],
            certificates: certificates ?? [Fixtures.document(.cccCertificate, of: merchant)],
            blacklistEntries: blacklist, today: Fixtures.today)
    }

    @Test("an approved merchant listing a registered product with a live batch and its CCC certificate passes")
    func clean() {
        let evaluation = evaluator.evaluate(facts())
        #expect(evaluation.findings.isEmpty)
        #expect(evaluation.ruleSetVersion == Fixtures.rules.version)
    }

    @Test("listing.merchant.not_approved", arguments: [PartyStanding.pending, .rejected, .changesRequested, .vetoed])
    func merchantNotApproved(standing: PartyStanding) {
        #expect(evaluator.evaluate(facts(standing: standing)).ruleIDs == [RuleID.listingMerchantNotApproved])
    }

    @Test("listing.blacklist.in_force: an entry in force against the merchant; a lifted one does not count")
    func blacklisted() {
        func entry(_ status: BlacklistEntry.Status) -> BlacklistEntry {
            BlacklistEntry(
                id: 4, platformID: Fixtures.platform.id, partyID: 1, creditCode: nil, reason: "售假", evidence: "e",
                startsOn: Fixtures.day("2026-01-01"), endsOn: Fixtures.day("2029-01-01"), status: status,
                addedBy: "organisation:7/cqo", addedAt: Date(timeIntervalSince1970: 0))
        }
        #expect(evaluator.evaluate(facts(blacklist: [entry(.active)])).ruleIDs == [RuleID.listingBlacklisted])
        #expect(evaluator.evaluate(facts(blacklist: [entry(.lifted)])).findings.isEmpty)
    }

    @Test("listing.product.not_registered: no passport, and nothing further is checked against it")
    func unregistered() throws {
        let evaluation = evaluator.evaluate(facts(registered: false))
        #expect(evaluation.ruleIDs == [RuleID.productNotRegistered])
        #expect(try #require(evaluation.findings.first).explanation.en.contains("06901234000016"))
    }

    @Test("listing.batch.none_active: every batch expired, or none at all")
    func noActiveBatch() {
        #expect(
            evaluator.evaluate(facts(batches: [batch("OLD", expires: "2026-06-14")])).ruleIDs == [RuleID.noActiveBatch])
        #expect(evaluator.evaluate(facts(batches: [])).ruleIDs == [RuleID.noActiveBatch])
        #expect(evaluator.evaluate(facts(batches: [batch("LAST", expires: "2026-06-15")])).findings.isEmpty)
        #expect(evaluator.evaluate(facts(batches: [batch("OPEN", expires: nil)])).findings.isEmpty)
    }

    @Test("listing.batch.recalled names each recalled lot, even beside a good batch")
    func recalled() throws {
        let beside = evaluator.evaluate(facts(batches: [batch("L1"), batch("L2", recalled: true)]))
        let alone = evaluator.evaluate(facts(batches: [batch("L2", recalled: true)]))

        #expect(beside.ruleIDs == [RuleID.batchRecalled])
        #expect(try #require(beside.findings.first).explanation.zh.contains("L2"))
        #expect(try #require(beside.findings.first).explanation.zh.contains("漏电风险"))
        #expect(alone.ruleIDs == [RuleID.noActiveBatch, RuleID.batchRecalled])
    }

    @Test(
        "listing.certificate.missing: the category's certificates come from the rule set",
        arguments: [
            (ProductCategory.electronics, ["ccc_certificate"]), (.children, ["ccc_certificate"]),
            (.food, ["test_report"]), (.apparel, []),
        ])
    func certificateMissing(category: ProductCategory, required: [String]) {
        let evaluation = evaluator.evaluate(facts(category: category, certificates: []))
        #expect(evaluation.findings.compactMap(\.subject) == required)
        #expect(evaluation.ruleIDs == required.map { _ in RuleID.certificateMissing })
    }

    @Test("listing.certificate.out_of_date: expired or not yet valid, unless another copy is in date")
    func certificateOutOfDate() {
        let merchant = Fixtures.merchant()
        let expired = Fixtures.document(.cccCertificate, of: merchant, until: "2026-06-14")
        let future = Fixtures.document(.cccCertificate, of: merchant, from: "2026-07-01")
        let current = Fixtures.document(.cccCertificate, of: merchant)

        #expect(evaluator.evaluate(facts(certificates: [expired])).ruleIDs == [RuleID.certificateOutOfDate])
        #expect(evaluator.evaluate(facts(certificates: [future])).ruleIDs == [RuleID.certificateOutOfDate])
        #expect(evaluator.evaluate(facts(certificates: [expired, current])).findings.isEmpty)
        #expect(
            evaluator.evaluate(facts(certificates: [Fixtures.document(.testReport, of: merchant)])).ruleIDs == [
                RuleID.certificateMissing
            ])
    }
}
