public import Foundation
public import QualityCore

/// A production lot of one product (AI 10). Unit codes are issued against a batch.
public struct Batch: Sendable, Hashable, Codable {
    /// The product's GTIN.
    public var gtin: GTIN
    /// The lot number, 1–20 characters of the GS1 AI 82 character set.
    public var lot: String
    /// The production date.
    public var producedOn: CalendarDay
    /// The expiry or best-before date, if the product has one.
    public var expiresOn: CalendarDay?
    /// The GLN of the factory that made it.
    public var factoryGLN: String?
    /// The number of units made, if known.
    public var quantity: Int64?
    /// A reference to the lab report that covers this batch.
    public var labReport: String?
    /// The recall in force, if the batch has been recalled.
    public var recall: Recall?
    /// When the batch was registered.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case gtin, lot, quantity, recall
        case producedOn = "produced_on"
        case expiresOn = "expires_on"
        case factoryGLN = "factory_gln"
        case labReport = "lab_report"
        case createdAt = "created_at"
    }

    /// Creates a batch value.
    public init(
        gtin: GTIN, lot: String, producedOn: CalendarDay, expiresOn: CalendarDay? = nil,
        factoryGLN: String? = nil, quantity: Int64? = nil, labReport: String? = nil,
        recall: Recall? = nil, createdAt: Date
    ) {
        self.gtin = gtin
        self.lot = lot
        self.producedOn = producedOn
        self.expiresOn = expiresOn
        self.factoryGLN = factoryGLN
        self.quantity = quantity
        self.labReport = labReport
        self.recall = recall
        self.createdAt = createdAt
    }
}

/// The fact that a batch was recalled: when, by whom and why.
public struct Recall: Sendable, Hashable, Codable {
    /// When the recall took effect.
    public var recalledAt: Date
    /// The organisation that ordered it.
    public var byOrganisationID: Int64
    /// The reason, for buyers and regulators.
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case reason
        case recalledAt = "recalled_at"
        case byOrganisationID = "by_organisation_id"
    }

    /// Creates a recall value.
    public init(recalledAt: Date, byOrganisationID: Int64, reason: String) {
        self.recalledAt = recalledAt
        self.byOrganisationID = byOrganisationID
        self.reason = reason
    }
}
