/// The ids of the checks the evaluators implement. A rule set must describe every one of them,
/// so that a typo in the file cannot silently switch a check off.
public enum RuleID {
    /// A document the party's kind or categories require is missing.
    public static let documentMissing = "onboarding.document.missing"
    /// A required document's validity ended.
    public static let documentExpired = "onboarding.document.expired"
    /// A required document is not valid yet.
    public static let documentNotYetValid = "onboarding.document.not_yet_valid"
    /// A required document ends within the `days` threshold.
    public static let documentExpiringSoon = "onboarding.document.expiring_soon"
    /// A blacklist entry naming the party is in force.
    public static let blacklisted = "onboarding.blacklist.in_force"
    /// The party's credit code is on the serious-violation list.
    public static let seriousViolation = "onboarding.list.serious_violation"
    /// The party's credit code is on the business-abnormality list.
    public static let abnormalOperation = "onboarding.list.abnormal_operation"
    /// The live room's operator or the host's agency is not approved on the platform.
    public static let parentNotApproved = "onboarding.parent.not_approved"

    /// The listing merchant is not approved on the platform.
    public static let listingMerchantNotApproved = "listing.merchant.not_approved"
    /// A blacklist entry naming the listing merchant is in force.
    public static let listingBlacklisted = "listing.blacklist.in_force"
    /// The GTIN has no passport: no product registered by its producer.
    public static let productNotRegistered = "listing.product.not_registered"
    /// No batch of the product is in date and free of recall.
    public static let noActiveBatch = "listing.batch.none_active"
    /// A batch of the product is under a recall in force.
    public static let batchRecalled = "listing.batch.recalled"
    /// A certificate the product's category requires was never filed.
    public static let certificateMissing = "listing.certificate.missing"
    /// Every filed copy of a required certificate is out of date.
    public static let certificateOutOfDate = "listing.certificate.out_of_date"

    /// Every id the listing evaluator checks.
    public static let listing = [
        listingMerchantNotApproved, listingBlacklisted, productNotRegistered, noActiveBatch, batchRecalled,
        certificateMissing, certificateOutOfDate,
    ]

    /// Every id a rule set must describe.
    public static let all = onboarding + listing

    /// Every id the onboarding evaluator checks.
    public static let onboarding = [
        documentMissing, documentExpired, documentNotYetValid, documentExpiringSoon, blacklisted, seriousViolation,
        abnormalOperation, parentNotApproved,
    ]
}
