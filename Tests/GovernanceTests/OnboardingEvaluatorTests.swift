import Access
import Foundation
import Governance
import QualityCore
import Testing

@Suite("Onboarding rules")
struct OnboardingEvaluatorTests {
    let evaluator = OnboardingEvaluator(rules: Fixtures.rules)

    @Test("a merchant with its licence in date passes every rule")
    func clean() {
        let party = Fixtures.merchant()
        let evaluation = evaluator.evaluate(
            Fixtures.facts(party, documents: [Fixtures.document(.businessLicence, of: party)]))

        #expect(evaluation.findings.isEmpty)
        #expect(evaluation.severity == nil)
        #expect(evaluation.ruleSetVersion == "2026.2")
    }

    @Test("onboarding.document.missing: the kind's and each category's documents are required")
    func missing() throws {
        let party = Fixtures.merchant(categories: ["cosmetics", "food"])
        let evaluation = evaluator.evaluate(
            Fixtures.facts(party, documents: [Fixtures.document(.businessLicence, of: party)]))

        #expect(evaluation.ruleIDs == [RuleID.documentMissing, RuleID.documentMissing])
        #expect(Set(evaluation.findings.compactMap(\.subject)) == ["food_business_licence", "cosmetics_filing"])
        let finding = try #require(evaluation.findings.first)
        #expect(finding.severity == .block)
        #expect(finding.explanation.zh.contains("缺少必备资质文件"))
        #expect(
            finding.explanation.en.contains("cosmetics_filing")
                || finding.explanation.en.contains("food_business_licence"))
        #expect(!finding.explanation.en.contains("{"))
    }

    @Test("a host needs an identity document, not a business licence")
    func host() {
        let host = Party(
            id: 4, platformID: Fixtures.platform.id, kind: .host, name: "李小红", creditCode: nil, categories: [],
            parentID: nil, standing: .pending, createdAt: Date(timeIntervalSince1970: 0))

        let bare = evaluator.evaluate(Fixtures.facts(host, documents: []))
        let filed = evaluator.evaluate(
            Fixtures.facts(host, documents: [Fixtures.document(.identityDocument, of: host)]))

        #expect(bare.findings.map(\.subject) == ["identity_document"])
        #expect(filed.findings.isEmpty)
    }

    @Test("onboarding.document.expired names the day it ended")
    func expired() throws {
        let party = Fixtures.merchant()
        let evaluation = evaluator.evaluate(
            Fixtures.facts(party, documents: [Fixtures.document(.businessLicence, of: party, until: "2026-06-14")]))

        #expect(evaluation.ruleIDs == [RuleID.documentExpired])
        #expect(evaluation.severity == .block)
        #expect(try #require(evaluation.findings.first).explanation.en.contains("2026-06-14"))
    }

    @Test("a renewed copy in date wins over the expired one, and the last valid day still counts")
    func renewed() {
        let party = Fixtures.merchant()
        let old = Fixtures.document(.businessLicence, of: party, until: "2025-01-01")
        let lastDay = Fixtures.document(.businessLicence, of: party, until: "2026-12-31")
        let evaluation = evaluator.evaluate(Fixtures.facts(party, documents: [old, lastDay]))
        let onLastDay = evaluator.evaluate(
            Fixtures.facts(party, documents: [lastDay], today: Fixtures.day("2026-12-31")))

        #expect(evaluation.findings.isEmpty)
        #expect(onLastDay.ruleIDs == [RuleID.documentExpiringSoon])
    }

    @Test("onboarding.document.not_yet_valid names the day it starts")
    func notYetValid() throws {
        let party = Fixtures.merchant()
        let evaluation = evaluator.evaluate(
            Fixtures.facts(party, documents: [Fixtures.document(.businessLicence, of: party, from: "2026-07-01")]))

        #expect(evaluation.ruleIDs == [RuleID.documentNotYetValid])
        #expect(try #require(evaluation.findings.first).explanation.zh.contains("2026-07-01"))
    }

    @Test(
        "onboarding.document.expiring_soon warns within 30 days only, never for open-ended documents",
        arguments: [("2026-07-14", true), ("2026-07-15", false), ("2027-01-01", false)])
    func expiringSoon(end: String, fires: Bool) {
        let party = Fixtures.merchant()
        let evaluation = evaluator.evaluate(
            Fixtures.facts(party, documents: [Fixtures.document(.businessLicence, of: party, until: end)]))
        let openEnded = evaluator.evaluate(
            Fixtures.facts(party, documents: [Fixtures.document(.businessLicence, of: party, until: nil)]))

        #expect(evaluation.ruleIDs == (fires ? [RuleID.documentExpiringSoon] : []))
        #expect(evaluation.severity == (fires ? .warn : nil))
        #expect(openEnded.findings.isEmpty)
    }

    @Test("onboarding.blacklist.in_force: by party or credit code, only while active and within its term")
    func blacklisted() throws {
        let party = Fixtures.merchant()
        let documents = [Fixtures.document(.businessLicence, of: party)]
        func entry(
            party id: Int64?, code: String?, status: BlacklistEntry.Status = .active, ends: String = "2028-01-01"
        )
            -> BlacklistEntry
        {
            BlacklistEntry(
                id: 9, platformID: Fixtures.platform.id, partyID: id, creditCode: code.flatMap { try? CreditCode($0) },
                reason: "售假", evidence: "杭市监罚〔2025〕12号", startsOn: Fixtures.day("2025-01-01"),
                endsOn: Fixtures.day(ends), status: status, addedBy: "organisation:7/cqo", addedAt: Date())
        }

        let byID = evaluator.evaluate(
            Fixtures.facts(party, documents: documents, blacklist: [entry(party: 1, code: nil)]))
        let byCode = evaluator.evaluate(
            Fixtures.facts(party, documents: documents, blacklist: [entry(party: nil, code: Fixtures.merchantCode)]))
        let lifted = evaluator.evaluate(
            Fixtures.facts(party, documents: documents, blacklist: [entry(party: 1, code: nil, status: .lifted)]))
        let ended = evaluator.evaluate(
            Fixtures.facts(party, documents: documents, blacklist: [entry(party: 1, code: nil, ends: "2026-06-14")]))
        let other = evaluator.evaluate(
            Fixtures.facts(party, documents: documents, blacklist: [entry(party: 2, code: Fixtures.operatorCode)]))

        #expect(byID.ruleIDs == [RuleID.blacklisted])
        #expect(byID.severity == .block)
        #expect(try #require(byID.findings.first).explanation.zh.contains("售假"))
        #expect(byCode.ruleIDs == [RuleID.blacklisted])
        #expect(lifted.findings.isEmpty)
        #expect(ended.findings.isEmpty)
        #expect(other.findings.isEmpty)
    }

    @Test("onboarding.list.serious_violation blocks and onboarding.list.abnormal_operation warns, while listed")
    func regulatorLists() throws {
        let party = Fixtures.merchant()
        let documents = [Fixtures.document(.businessLicence, of: party)]
        func listing(_ list: ViolationListing.List, removed: String? = nil, code: String = Fixtures.merchantCode)
            throws -> ViolationListing
        {
            ViolationListing(
                creditCode: try CreditCode(code), name: "Sunny Meadow Shop", list: list,
                listedOn: Fixtures.day("2025-03-01"), removedOn: removed.map(Fixtures.day), authority: "杭州市市场监督管理局",
                reason: "销售假冒产品")
        }

        let serious = evaluator.evaluate(
            Fixtures.facts(party, documents: documents, listings: [try listing(.seriousViolation)]))
        let abnormal = evaluator.evaluate(
            Fixtures.facts(party, documents: documents, listings: [try listing(.abnormalOperation)]))
        let removed = evaluator.evaluate(
            Fixtures.facts(
                party, documents: documents, listings: [try listing(.seriousViolation, removed: "2026-01-01")]))
        let otherEntity = evaluator.evaluate(
            Fixtures.facts(
                party, documents: documents, listings: [try listing(.seriousViolation, code: Fixtures.operatorCode)]))

        #expect(serious.ruleIDs == [RuleID.seriousViolation])
        #expect(serious.severity == .block)
        #expect(try #require(serious.findings.first).explanation.en.contains("since 2025-03-01"))
        #expect(abnormal.ruleIDs == [RuleID.abnormalOperation])
        #expect(abnormal.severity == .warn)
        #expect(removed.findings.isEmpty)
        #expect(otherEntity.findings.isEmpty)
    }

    @Test("onboarding.parent.not_approved: a live room waits for its operator's approval")
    func parent() throws {
        let room = Party(
            id: 3, platformID: Fixtures.platform.id, kind: .liveRoom, name: "Sunny Live",
            creditCode: try CreditCode(Fixtures.operatorCode),
            categories: [], parentID: 1, standing: .pending, createdAt: Date(timeIntervalSince1970: 0))
        let documents = [Fixtures.document(.businessLicence, of: room)]

        let pending = evaluator.evaluate(Fixtures.facts(room, documents: documents, parent: Fixtures.merchant()))
        let approved = evaluator.evaluate(
            Fixtures.facts(room, documents: documents, parent: Fixtures.merchant(standing: .approved)))

        #expect(pending.ruleIDs == [RuleID.parentNotApproved])
        #expect(try #require(pending.findings.first).explanation.en.contains("Sunny Meadow Shop"))
        #expect(approved.findings.isEmpty)
    }

    @Test("every rule that fires is listed, in rule-set order")
    func everyRule() throws {
        let party = Fixtures.merchant(categories: ["food"])
        let listing = ViolationListing(
            creditCode: try CreditCode(Fixtures.merchantCode), name: "x", list: .abnormalOperation,
            listedOn: Fixtures.day("2025-01-01"), removedOn: nil, authority: "a", reason: "r")
        let evaluation = evaluator.evaluate(
            Fixtures.facts(
                party, documents: [Fixtures.document(.businessLicence, of: party, until: "2026-06-20")],
                listings: [listing]))

        #expect(evaluation.ruleIDs == [RuleID.documentMissing, RuleID.documentExpiringSoon, RuleID.abnormalOperation])
        #expect(evaluation.severity == .block)
    }
}
