import QualityCore

/// The onboarding checks (入驻审核): documents present and in date, no blacklist entry in force,
/// not on a regulator's list, an approved operator or agency. Pure: the same facts and rule set
/// give the same evaluation.
public struct OnboardingEvaluator: Sendable {
    /// The rules applied.
    public let rules: RuleSet

    /// An evaluator of a rule set.
    public init(rules: RuleSet) { self.rules = rules }

    /// Every onboarding rule that fires on the facts.
    public func evaluate(_ facts: OnboardingFacts) -> RuleEvaluation {
        var findings: [Finding] = []
        findings += documentFindings(facts)
        let blacklisted = rules.rule(RuleID.blacklisted)
        for entry in facts.blacklistEntries where entry.names(facts.party) && entry.isInForce(on: facts.today) {
            findings.append(
                Finding(
                    rule: blacklisted, subject: "blacklist:\(entry.id)",
                    values: ["until": entry.endsOn.description, "reason": entry.reason]))
        }
        for (id, list) in [
            (RuleID.seriousViolation, ViolationListing.List.seriousViolation),
            (RuleID.abnormalOperation, .abnormalOperation),
        ] {
            let rule = rules.rule(id)
            for listing in facts.listings
            where listing.list == list && listing.creditCode == facts.party.creditCode
                && listing.isListed(on: facts.today)
            {
                findings.append(
                    Finding(
                        rule: rule, subject: "\(list.rawValue):\(listing.creditCode)",
                        values: [
                            "authority": listing.authority, "since": listing.listedOn.description,
                            "reason": listing.reason,
                        ]))
            }
        }
        if facts.party.parentID != nil, facts.parent?.standing != .approved {
            findings.append(
                Finding(
                    rule: rules.rule(RuleID.parentNotApproved), subject: facts.party.parentID.map { "party:\($0)" },
                    values: ["parent": facts.parent?.name ?? "#\(facts.party.parentID ?? 0)"]))
        }
        let order = Dictionary(uniqueKeysWithValues: RuleID.onboarding.enumerated().map { ($1, $0) })
        return RuleEvaluation(
            ruleSetVersion: rules.version,
            findings: findings.enumerated().sorted { a, b in
                (order[a.element.ruleID] ?? 0, a.offset) < (order[b.element.ruleID] ?? 0, b.offset)
            }.map(\.element))
    }

    /// The findings on required documents: for each, the best filed copy decides (one valid
    /// today wins over expired ones; the one valid longest wins among valid ones).
    func documentFindings(_ facts: OnboardingFacts) -> [Finding] {
        var findings: [Finding] = []
        let soonDays = rules.rule(RuleID.documentExpiringSoon).thresholds["days"] ?? 0
        for kind in rules.requiredDocuments(for: facts.party) {
            let filed = facts.documents.filter { $0.kind == kind && $0.partyID == facts.party.id }
            let values = ["document": kind.rawValue]
            guard !filed.isEmpty else {
                findings.append(
                    Finding(rule: rules.rule(RuleID.documentMissing), subject: kind.rawValue, values: values))
                continue
            }
            let valid = filed.filter { $0.isValid(on: facts.today) }
            if valid.isEmpty {
                if let expired = filed.compactMap(\.validUntil).filter({ $0 < facts.today }).max(),
                    !filed.contains(where: { facts.today < $0.validFrom })
                {
                    findings.append(
                        Finding(
                            rule: rules.rule(RuleID.documentExpired), subject: kind.rawValue,
                            values: values.merging(["date": expired.description]) { $1 }))
                } else if let start = filed.map(\.validFrom).filter({ facts.today < $0 }).min() {
                    findings.append(
                        Finding(
                            rule: rules.rule(RuleID.documentNotYetValid), subject: kind.rawValue,
                            values: values.merging(["date": start.description]) { $1 }))
                }
                continue
            }
            if !valid.contains(where: { $0.validUntil == nil }),
                let end = valid.compactMap(\.validUntil).max(),
                end.daysSinceEpoch - facts.today.daysSinceEpoch < soonDays
            {
                findings.append(
                    Finding(
                        rule: rules.rule(RuleID.documentExpiringSoon), subject: kind.rawValue,
                        values: values.merging(["date": end.description, "days": String(soonDays)]) { $1 }))
            }
        }
        return findings
    }
}
