import Access
public import QualityCore

/// Who may decide what on a review. A reviewer approves over `warn` findings with a reason; only
/// the CQO approves over `block` findings, with a reason; the CQO may veto any review not
/// already vetoed; every refusal gives a reason. Pure, so every boundary is testable alone.
public enum DecisionPolicy {
    /// The rules a decision overrides, or the error that forbids it.
    public static func check(
        _ outcome: ReviewDecision.Outcome, reason: String?, on review: OnboardingReview, by actor: GovernanceActor
    ) throws(QualityError) -> [String] {
        guard actor.duty != .regulator else {
            throw .forbidden("read_only", "a regulator reads reviews but does not decide them")
        }
        guard actor.duty.reviews else {
            throw .forbidden(
                "not_a_reviewer", "only a platform reviewer or CQO decides reviews; this is a \(actor.duty.rawValue)")
        }
        guard actor.organisation.id == review.platformID else {
            throw .forbidden("other_platform", "review \(review.id) belongs to another platform")
        }
        let reason = reason?.trimmingSpaces ?? ""
        func requireReason(_ why: String) throws(QualityError) {
            guard !reason.isEmpty else { throw .invalid("reason_required", "a reason is required \(why)") }
        }
        if outcome == .veto {
            guard actor.duty == .cqo else {
                throw .forbidden("cqo_only", "only the chief quality officer may veto")
            }
            guard review.status != .vetoed else {
                throw .conflict("review_closed", "review \(review.id) is already vetoed")
            }
            try requireReason("for a veto")
            return []
        }
        guard review.status == .open else {
            throw .conflict(
                "review_decided", "review \(review.id) is already \(review.status.rawValue); open a new review")
        }
        switch outcome {
        case .reject, .requestChanges:
            try requireReason("to \(outcome == .reject ? "reject" : "request changes"), so the party knows what to fix")
            return []
        case .approve:
            let blocks = review.evaluation.findings.filter { $0.severity == .block }.map(\.ruleID)
            if !blocks.isEmpty {
                guard actor.duty == .cqo else {
                    throw .forbidden(
                        "block_needs_cqo",
                        "blocking rules fired (\(blocks.joined(separator: ", "))); only the CQO may approve over them")
                }
                try requireReason("to override blocking rules")
            } else if !review.evaluation.findings.isEmpty {
                try requireReason("to approve over warnings")
            }
            var seen: Set<String> = []
            return review.evaluation.ruleIDs.filter { seen.insert($0).inserted }
        case .veto:
            return []
        }
    }
}
