public import QualityCore

/// The product families the demo and the rules know; others are accepted as `other`.
public enum ProductCategory: String, Sendable, Codable, CaseIterable {
    /// Food and beverages (食品).
    case food
    /// Cosmetics and personal care (化妆品).
    case cosmetics
    /// Clothing, shoes and textiles (服装).
    case apparel
    /// Electrical and electronic goods (电子电器).
    case electronics
    /// Toys and children's products (儿童用品).
    case children
    /// Anything else.
    case other

    /// The Chinese name shown on pages.
    public var chineseName: String {
        switch self {
        case .food: "食品"
        case .cosmetics: "化妆品"
        case .apparel: "服装"
        case .electronics: "电子电器"
        case .children: "儿童用品"
        case .other: "其他"
        }
    }

    /// Parses a category name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let category = ProductCategory(rawValue: text.lowercased()) else {
            let names = ProductCategory.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_category", "unknown category '\(text)'; expected one of \(names)")
        }
        self = category
    }
}
