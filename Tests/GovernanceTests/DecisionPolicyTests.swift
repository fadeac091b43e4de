import Access
import Foundation
import Governance
import QualityCore
import Testing

@Suite("Who may decide a review")
struct DecisionPolicyTests {
    /// A review of the fixture platform whose evaluation fired the given severities.
    func review(_ severities: [Severity], status: OnboardingReview.Status = .open) -> OnboardingReview {
        let findings = severities.enumerated().map { index, severity in
            Finding(
                rule: Rule(
                    id: "rule.\(index)", severity: severity, category: "test",
                    explanation: LocalizedText(zh: "规则", en: "rule"), basis: "basis"),
                subject: nil)
        }
        return OnboardingReview(
            id: 11, partyID: 1, platformID: Fixtures.platform.id,
            evaluation: RuleEvaluation(ruleSetVersion: "2026.1", findings: findings), status: status,
            openedBy: "organisation:7/reviewer", openedAt: Date())
    }

    @Test("a reviewer approves a clean review without a reason")
    func clean() throws {
        let overridden = try DecisionPolicy.check(.approve, reason: nil, on: review([]), by: Fixtures.actor(.reviewer))
        #expect(overridden.isEmpty)
    }

    @Test("a reviewer overrides warnings only with a reason")
    func warnings() throws {
        let warned = review([.warn, .warn])
        let error = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(.approve, reason: "  ", on: warned, by: Fixtures.actor(.reviewer))
        }
        let overridden = try DecisionPolicy.check(
            .approve, reason: "licence renewal filed", on: warned, by: Fixtures.actor(.reviewer))

        #expect(error?.kind == .invalid)
        #expect(error?.code == "reason_required")
        #expect(overridden == ["rule.0", "rule.1"])
    }

    @Test("only the CQO overrides a block, and only with a reason")
    func blocks() throws {
        let blocked = review([.warn, .block])
        let reviewer = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(.approve, reason: "looks fine", on: blocked, by: Fixtures.actor(.reviewer))
        }
        let noReason = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(.approve, reason: nil, on: blocked, by: Fixtures.actor(.cqo))
        }
        let overridden = try DecisionPolicy.check(
            .approve, reason: "licence verified by phone with the bureau", on: blocked, by: Fixtures.actor(.cqo))

        #expect(reviewer?.kind == .forbidden)
        #expect(reviewer?.code == "block_needs_cqo")
        #expect(noReason?.code == "reason_required")
        #expect(overridden == ["rule.0", "rule.1"])
    }

    @Test("rejecting and requesting changes need a reason; neither overrides anything")
    func refusals() throws {
        for outcome in [ReviewDecision.Outcome.reject, .requestChanges] {
            let error = #expect(throws: QualityError.self) {
                try DecisionPolicy.check(outcome, reason: nil, on: review([.block]), by: Fixtures.actor(.reviewer))
            }
            #expect(error?.code == "reason_required")
            #expect(
                try DecisionPolicy.check(
                    outcome, reason: "upload the food licence", on: review([.block]), by: Fixtures.actor(.reviewer)
                ).isEmpty)
        }
    }

    @Test("the CQO vetoes anything not yet vetoed, even an approved review; nobody else vetoes")
    func veto() throws {
        let approved = review([], status: .approved)
        let reviewer = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(.veto, reason: "x", on: approved, by: Fixtures.actor(.reviewer))
        }
        let noReason = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(.veto, reason: nil, on: approved, by: Fixtures.actor(.cqo))
        }
        let twice = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(.veto, reason: "x", on: review([], status: .vetoed), by: Fixtures.actor(.cqo))
        }

        #expect(
            try DecisionPolicy.check(.veto, reason: "complaint spike", on: approved, by: Fixtures.actor(.cqo)).isEmpty)
        #expect(reviewer?.code == "cqo_only")
        #expect(reviewer?.kind == .forbidden)
        #expect(noReason?.code == "reason_required")
        #expect(twice?.kind == .conflict)
    }

    @Test(
        "a decided review takes no second decision but a veto",
        arguments: [OnboardingReview.Status.approved, .rejected, .changesRequested])
    func decided(status: OnboardingReview.Status) {
        let error = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(
                .approve, reason: "again", on: review([], status: status), by: Fixtures.actor(.cqo))
        }
        #expect(error?.kind == .conflict)
        #expect(error?.code == "review_decided")
    }

    @Test(
        "merchants, live-room operators, hosts, agencies and regulators decide nothing",
        arguments: [GovernanceDuty.merchant, .liveRoomOperator, .host, .agency, .regulator])
    func otherDuties(duty: GovernanceDuty) {
        for outcome in ReviewDecision.Outcome.allCases {
            let error = #expect(throws: QualityError.self) {
                try DecisionPolicy.check(outcome, reason: "reason", on: review([]), by: Fixtures.actor(duty))
            }
            #expect(error?.kind == .forbidden)
            #expect(error?.code == (duty == .regulator ? "read_only" : "not_a_reviewer"))
        }
    }

    @Test("another platform's CQO may not decide")
    func otherPlatform() {
        let rival = Organisation(id: 8, name: "Rival Mall", role: .platform, createdAt: Date())
        let error = #expect(throws: QualityError.self) {
            try DecisionPolicy.check(.veto, reason: "x", on: review([]), by: Fixtures.actor(.cqo, organisation: rival))
        }
        #expect(error?.code == "other_platform")
    }
}
