import Passport
import QualityCore

/// The listing checks (上架审核): an approved, non-blacklisted merchant; a product with a passport
/// (registered by its producer) and at least one batch in date and not recalled; no batch under
/// recall; the certificates its category requires, in date. Pure, like `OnboardingEvaluator`.
public struct ListingEvaluator: Sendable {
    /// The rules applied.
    public let rules: RuleSet

    /// An evaluator of a rule set.
    public init(rules: RuleSet) { self.rules = rules }

    /// Every listing rule that fires on the facts.
    public func evaluate(_ facts: ListingFacts) -> RuleEvaluation {
        var findings: [Finding] = []
        let gtin = ["gtin": facts.gtin.gtin14]
        if facts.merchant.standing != .approved {
            findings.append(
                Finding(
                    rule: rules.rule(RuleID.listingMerchantNotApproved), subject: "party:\(facts.merchant.id)",
                    values: ["merchant": facts.merchant.name]))
        }
        for entry in facts.blacklistEntries where entry.names(facts.merchant) && entry.isInForce(on: facts.today) {
            findings.append(
                Finding(
                    rule: rules.rule(RuleID.listingBlacklisted), subject: "blacklist:\(entry.id)",
                    values: ["until": entry.endsOn.description, "reason": entry.reason]))
        }
        guard let product = facts.product else {
            findings.append(
                Finding(rule: rules.rule(RuleID.productNotRegistered), subject: facts.gtin.gtin14, values: gtin))
            return RuleEvaluation(ruleSetVersion: rules.version, findings: findings)
        }
        let batches = facts.batches.filter { $0.gtin == product.gtin }
        let active = batches.filter { batch in
            batch.recall == nil && (batch.expiresOn.map { facts.today <= $0 } ?? true)
        }
        if active.isEmpty {
            findings.append(Finding(rule: rules.rule(RuleID.noActiveBatch), subject: facts.gtin.gtin14, values: gtin))
        }
        for batch in batches {
            guard let recall = batch.recall else { continue }
            findings.append(
                Finding(
                    rule: rules.rule(RuleID.batchRecalled), subject: "\(batch.gtin.gtin14)/\(batch.lot)",
                    values: ["lot": batch.lot, "reason": recall.reason]))
        }
        for kind in rules.certificatesByCategory[product.category.rawValue] ?? [] {
            let filed = facts.certificates.filter { $0.kind == kind }
            let values = ["document": kind.rawValue]
            if filed.isEmpty {
                findings.append(
                    Finding(rule: rules.rule(RuleID.certificateMissing), subject: kind.rawValue, values: values))
            } else if !filed.contains(where: { $0.isValid(on: facts.today) }) {
                let range = filed.map { "\($0.validFrom)–\($0.validUntil?.description ?? "")" }.joined(separator: ", ")
                findings.append(
                    Finding(
                        rule: rules.rule(RuleID.certificateOutOfDate), subject: kind.rawValue,
                        values: values.merging(["date": range]) { $1 }))
            }
        }
        return RuleEvaluation(ruleSetVersion: rules.version, findings: findings)
    }
}
