public import Foundation
public import QualityCore

/// What a producer submits to register a batch, before it is checked.
public struct BatchDraft: Sendable, Codable {
    /// The product's GTIN as written.
    public var gtin: String
    /// The lot number.
    public var lot: String
    /// Production date, `YYYY-MM-DD`.
    public var produced: String
    /// Expiry date, `YYYY-MM-DD`.
    public var expires: String?
    /// Factory GLN (13 digits).
    public var factoryGLN: String?
    /// Units made.
    public var quantity: Int64?
    /// Lab report reference.
    public var labReport: String?

    /// Creates a draft.
    public init(
        gtin: String, lot: String, produced: String, expires: String? = nil, factoryGLN: String? = nil,
        quantity: Int64? = nil, labReport: String? = nil
    ) {
        self.gtin = gtin
        self.lot = lot
        self.produced = produced
        self.expires = expires
        self.factoryGLN = factoryGLN
        self.quantity = quantity
        self.labReport = labReport
    }

    enum CodingKeys: String, CodingKey {
        case gtin, lot, produced, expires, quantity
        case factoryGLN = "factory_gln"
        case labReport = "lab_report"
    }

    /// The GTIN, checked.
    public func validatedGTIN() throws(QualityError) -> GTIN {
        try GTIN(checking: gtin)
    }

    /// The batch this draft describes, checked.
    public func batch(gtin: GTIN, createdAt: Date) throws(QualityError) -> Batch {
        try LotNumber.check(lot)
        let producedOn = try CalendarDay(produced)
        let expiresOn = try expires.map { text throws(QualityError) in try CalendarDay(text) }
        if let expiresOn, expiresOn < producedOn {
            throw .invalid("bad_dates", "expiry \(expiresOn) is before production \(producedOn)")
        }
        if let quantity, quantity <= 0 {
            throw .invalid("bad_quantity", "quantity must be positive; got \(quantity)")
        }
        if let factoryGLN {
            try GLN.check(factoryGLN)
        }
        return Batch(
            gtin: gtin, lot: lot, producedOn: producedOn, expiresOn: expiresOn, factoryGLN: factoryGLN,
            quantity: quantity, labReport: try TextField.optional(labReport, field: "lab_report", maximum: 200),
            createdAt: createdAt)
    }
}
