public import Passport
public import QualityCore

/// Everything the listing checks look at: the merchant, the product's passport (nil when the GTIN
/// was never registered), its batches, and the certificates filed for the listing.
public struct ListingFacts: Sendable {
    /// The merchant listing the product.
    public var merchant: Party
    /// The GTIN listed.
    public var gtin: GTIN
    /// The product's passport, if its producer registered it.
    public var product: Product?
    /// The product's batches.
    public var batches: [Batch]
    /// Certificates and test reports filed for the listing (CCC, lab reports…).
    public var certificates: [QualificationDocument]
    /// Blacklist entries of the platform that name the merchant, in force or not.
    public var blacklistEntries: [BlacklistEntry]
    /// The day of the review (China time).
    public var today: CalendarDay

    /// Gathers facts.
    public init(
        merchant: Party, gtin: GTIN, product: Product?, batches: [Batch], certificates: [QualificationDocument],
        blacklistEntries: [BlacklistEntry], today: CalendarDay
    ) {
        self.merchant = merchant
        self.gtin = gtin
        self.product = product
        self.batches = batches
        self.certificates = certificates
        self.blacklistEntries = blacklistEntries
        self.today = today
    }
}
