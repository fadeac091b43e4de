public import Foundation

/// A merchant, live room, host or agency registered on a platform organisation.
public struct Party: Sendable, Hashable, Codable, Identifiable {
    /// The store-assigned identifier.
    public var id: Int64
    /// The platform organisation the party belongs to.
    public var platformID: Int64
    /// What the party is.
    public var kind: PartyKind
    /// The registered name.
    public var name: String
    /// The unified social credit code (统一社会信用代码); nil for hosts, who are people.
    public var creditCode: CreditCode?
    /// The product categories the party declares it sells (e.g. `food`); they decide which
    /// licences onboarding asks for.
    public var categories: [String]
    /// For a live room, its operator merchant; for a host, its agency; otherwise nil.
    public var parentID: Int64?
    /// Where the party stands after its onboarding reviews.
    public var standing: PartyStanding
    /// When the party was registered.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, name, categories, standing
        case platformID = "platform_id"
        case creditCode = "credit_code"
        case parentID = "parent_id"
        case createdAt = "created_at"
    }

    /// Creates a party value.
    public init(
        id: Int64, platformID: Int64, kind: PartyKind, name: String, creditCode: CreditCode?, categories: [String],
        parentID: Int64?, standing: PartyStanding, createdAt: Date
    ) {
        self.id = id
        self.platformID = platformID
        self.kind = kind
        self.name = name
        self.creditCode = creditCode
        self.categories = categories
        self.parentID = parentID
        self.standing = standing
        self.createdAt = createdAt
    }
}
