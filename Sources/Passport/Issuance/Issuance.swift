public import Foundation
public import QualityCore

/// One act of assigning codes (赋码): a contiguous range of unit indices of one batch, stored as a
/// single row however many units it covers.
public struct Issuance: Sendable, Hashable, Codable, Identifiable {
    /// The store-assigned identifier.
    public var id: Int64
    /// The product's GTIN.
    public var gtin: GTIN
    /// The batch's lot.
    public var lot: String
    /// The first unit index in the range.
    public var firstIndex: Int64
    /// How many units the range covers.
    public var count: Int64
    /// The organisation that issued the codes.
    public var issuedBy: Int64
    /// When the range was allocated.
    public var issuedAt: Date
    /// The position of the issuance's manifest in the ledger, once appended.
    public var ledgerIndex: UInt64?

    enum CodingKeys: String, CodingKey {
        case id, gtin, lot, count
        case firstIndex = "first_index"
        case issuedBy = "issued_by"
        case issuedAt = "issued_at"
        case ledgerIndex = "ledger_index"
    }

    /// Creates an issuance value.
    public init(
        id: Int64, gtin: GTIN, lot: String, firstIndex: Int64, count: Int64, issuedBy: Int64, issuedAt: Date,
        ledgerIndex: UInt64? = nil
    ) {
        self.id = id
        self.gtin = gtin
        self.lot = lot
        self.firstIndex = firstIndex
        self.count = count
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.ledgerIndex = ledgerIndex
    }

    /// Whether a unit index lies in this issuance.
    public func contains(index: Int64) -> Bool { index >= firstIndex && index - firstIndex < count }
}
