public import Foundation
public import QualityCore

/// What a producer submits to register a product, before it is checked.
public struct ProductDraft: Sendable, Codable {
    /// The GTIN as written (8, 12, 13 or 14 digits).
    public var gtin: String
    /// The product name.
    public var name: String
    /// The brand.
    public var brand: String?
    /// The category name (see `ProductCategory`).
    public var category: String
    /// Specification (规格).
    public var specification: String?
    /// Product standard.
    public var standard: String?
    /// Composition or ingredients.
    public var composition: String?
    /// Place of origin.
    public var origin: String?

    /// Creates a draft.
    public init(
        gtin: String, name: String, brand: String? = nil, category: String, specification: String? = nil,
        standard: String? = nil, composition: String? = nil, origin: String? = nil
    ) {
        self.gtin = gtin
        self.name = name
        self.brand = brand
        self.category = category
        self.specification = specification
        self.standard = standard
        self.composition = composition
        self.origin = origin
    }

    /// The GTIN, checked.
    public func validatedGTIN() throws(QualityError) -> GTIN {
        try GTIN(checking: gtin)
    }

    /// The product this draft describes, checked.
    public func product(gtin: GTIN, ownerID: Int64, createdAt: Date) throws(QualityError) -> Product {
        let name = try TextField.required(name, field: "name", maximum: 200)
        return Product(
            gtin: gtin, ownerID: ownerID, name: name,
            brand: try TextField.optional(brand, field: "brand", maximum: 100),
            category: try ProductCategory(parsing: category),
            specification: try TextField.optional(specification, field: "specification", maximum: 200),
            standard: try TextField.optional(standard, field: "standard", maximum: 100),
            composition: try TextField.optional(composition, field: "composition", maximum: 2000),
            origin: try TextField.optional(origin, field: "origin", maximum: 200),
            createdAt: createdAt)
    }
}
