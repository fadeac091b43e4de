public import QualityCore

/// A party as submitted for registration, checked before it is stored.
public struct PartyDraft: Sendable, Hashable, Codable {
    /// What the party is.
    public var kind: PartyKind
    /// The registered name.
    public var name: String
    /// The unified social credit code, required for every kind but hosts.
    public var creditCode: String?
    /// Declared product categories.
    public var categories: [String]
    /// A live room's operator merchant or a host's agency.
    public var parentID: Int64?

    enum CodingKeys: String, CodingKey {
        case kind, name, categories
        case creditCode = "credit_code"
        case parentID = "parent_id"
    }

    /// Creates a draft.
    public init(kind: PartyKind, name: String, creditCode: String?, categories: [String] = [], parentID: Int64? = nil) {
        self.kind = kind
        self.name = name
        self.creditCode = creditCode
        self.categories = categories
        self.parentID = parentID
    }

    /// Decodes a draft; `categories` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(PartyKind.self, forKey: .kind)
        name = try container.decode(String.self, forKey: .name)
        creditCode = try container.decodeIfPresent(String.self, forKey: .creditCode)
        categories = try container.decodeIfPresent([String].self, forKey: .categories) ?? []
        parentID = try container.decodeIfPresent(Int64.self, forKey: .parentID)
    }

    /// The checked name, credit code and categories; the parent is checked against the store by
    /// the service.
    public func validated() throws(QualityError) -> (name: String, creditCode: CreditCode?, categories: [String]) {
        let name = name.trimmingSpaces
        guard !name.isEmpty, name.count <= 200 else {
            throw .invalid("bad_party_name", "a party name is 1 to 200 characters")
        }
        var code: CreditCode?
        if let creditCode, !creditCode.isEmpty {
            code = try CreditCode(creditCode)
        } else if kind.holdsCreditCode {
            throw .invalid("credit_code_required", "a \(kind.rawValue) needs its unified social credit code (统一社会信用代码)")
        }
        var seen: Set<String> = []
        var categories: [String] = []
        for category in self.categories.map({ $0.lowercased() }) where seen.insert(category).inserted {
            guard !category.isEmpty, category.utf8.count <= 40,
                category.utf8.allSatisfy({ (97...122).contains($0) || $0 == 95 })
            else {
                throw .invalid("bad_category", "a category is a lower-case name such as 'food'; got '\(category)'")
            }
            categories.append(category)
        }
        switch (kind, parentID) {
        case (.liveRoom, nil):
            throw .invalid("operator_required", "a live room names its operator merchant (parent_id)")
        case (.merchant, .some), (.agency, .some):
            throw .invalid("unexpected_parent", "a \(kind.rawValue) has no parent party")
        default:
            break
        }
        return (name, code, categories.sorted())
    }
}

extension String {
    /// The text without leading and trailing white space.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
