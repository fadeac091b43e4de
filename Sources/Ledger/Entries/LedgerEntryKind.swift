/// What a ledger entry records. The raw value is the name written into the entry's canonical
/// encoding, so a case is never renamed; new kinds are added at the end.
public enum LedgerEntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A captured EPCIS event, by its CBV 2.0 event hash.
    case epcisEvent = "epcis_event"
    /// An issuance of unit codes: the manifest of one allocation of a batch's serials.
    case codeIssuance = "code_issuance"
    /// A change to a product's or batch's passport data.
    case passportChange = "passport_change"
    /// A platform's onboarding or listing review decision.
    case reviewDecision = "review_decision"
    /// A live room's product selection decision, with the CQO's sign-off.
    case selectionDecision = "selection_decision"
    /// A blacklist entry added, amended or lifted.
    case blacklistChange = "blacklist_change"
    /// A party's credit tier moving.
    case creditTierChange = "credit_tier_change"
    /// A recall ordered.
    case recall = "recall"
    /// A recall's status changing (notices sent, returns, closed).
    case recallStatus = "recall_status"
    /// A sealed evidence bundle of a complaint or case.
    case evidenceBundle = "evidence_bundle"
}
