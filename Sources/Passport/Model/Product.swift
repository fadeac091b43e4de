public import Foundation
public import QualityCore

/// A trade item registered by its producer under one of the producer's company prefixes: the
/// facts a passport shows and a claim is checked against.
public struct Product: Sendable, Hashable, Codable {
    /// The GTIN, always held as GTIN-14.
    public var gtin: GTIN
    /// The producing organisation.
    public var ownerID: Int64
    /// The product name as sold.
    public var name: String
    /// The brand, if any.
    public var brand: String?
    /// The product family.
    public var category: ProductCategory
    /// Size, weight, model or other specification (规格).
    public var specification: String?
    /// The product standard it is made to, e.g. `GB 19298-2014`.
    public var standard: String?
    /// Composition or ingredients (成分/配料), as printed.
    public var composition: String?
    /// Place of origin (产地).
    public var origin: String?
    /// When it was registered.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case gtin, name, brand, category, specification, standard, composition, origin
        case ownerID = "owner_id"
        case createdAt = "created_at"
    }

    /// Creates a product value.
    public init(
        gtin: GTIN, ownerID: Int64, name: String, brand: String? = nil, category: ProductCategory,
        specification: String? = nil, standard: String? = nil, composition: String? = nil,
        origin: String? = nil, createdAt: Date
    ) {
        self.gtin = gtin
        self.ownerID = ownerID
        self.name = name
        self.brand = brand
        self.category = category
        self.specification = specification
        self.standard = standard
        self.composition = composition
        self.origin = origin
        self.createdAt = createdAt
    }
}
