public import Foundation

/// A party with an account: a producer, platform, lab or regulator.
public struct Organisation: Sendable, Hashable, Codable, Identifiable {
    /// The store-assigned identifier.
    public var id: Int64
    /// A unique, human-readable name.
    public var name: String
    /// What the organisation is.
    public var role: Role
    /// When the account was created.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case createdAt = "created_at"
    }

    /// Creates an organisation value.
    public init(id: Int64, name: String, role: Role, createdAt: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAt = createdAt
    }
}
