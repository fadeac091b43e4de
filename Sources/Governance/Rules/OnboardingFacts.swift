public import QualityCore

/// Everything the onboarding checks look at, gathered by the service before evaluating.
public struct OnboardingFacts: Sendable {
    /// The party under review.
    public var party: Party
    /// Its filed documents.
    public var documents: [QualificationDocument]
    /// Blacklist entries of its platform that name it, in force or not.
    public var blacklistEntries: [BlacklistEntry]
    /// Regulator list entries for its credit code, current or not.
    public var listings: [ViolationListing]
    /// Its live-room operator or agency, if it has one.
    public var parent: Party?
    /// The day the review is made (China time).
    public var today: CalendarDay

    /// Gathers facts.
    public init(
        party: Party, documents: [QualificationDocument], blacklistEntries: [BlacklistEntry],
        listings: [ViolationListing], parent: Party?, today: CalendarDay
    ) {
        self.party = party
        self.documents = documents
        self.blacklistEntries = blacklistEntries
        self.listings = listings
        self.parent = parent
        self.today = today
    }
}
