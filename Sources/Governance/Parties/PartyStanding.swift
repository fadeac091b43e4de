/// Where a party stands after its onboarding reviews: the status of its latest decided review.
public enum PartyStanding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Registered, no review decided yet.
    case pending
    /// Admitted to the platform.
    case approved
    /// Refused.
    case rejected
    /// Asked to fix something and apply again.
    case changesRequested = "changes_requested"
    /// Refused by the chief quality officer's veto (一票否决).
    case vetoed
}
