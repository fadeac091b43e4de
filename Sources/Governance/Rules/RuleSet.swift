public import Foundation
public import QualityCore

/// The versioned rules and requirements the evaluators apply, loaded from a JSON file at start
/// (see docs/governance.md). Every decision records the version it was made under.
public struct RuleSet: Sendable, Hashable, Codable {
    /// The version, e.g. `2026.1`; a changed file carries a new version.
    public var version: String
    /// The rules, by id.
    public var rules: [Rule]
    /// The documents each party kind must file, by kind name.
    public var documentsByKind: [String: [DocumentKind]]
    /// The further documents a declared product category requires, by category name.
    public var documentsByCategory: [String: [DocumentKind]]
    /// The certificates a listed product of a category must have in date, by category name.
    public var certificatesByCategory: [String: [DocumentKind]] = [:]

    enum CodingKeys: String, CodingKey {
        case version, rules
        case documentsByKind = "documents_by_kind"
        case documentsByCategory = "documents_by_category"
        case certificatesByCategory = "certificates_by_category"
    }

    /// Creates a rule set, checking it as loading does.
    public init(
        version: String, rules: [Rule], documentsByKind: [String: [DocumentKind]],
        documentsByCategory: [String: [DocumentKind]]
    ) throws(QualityError) {
        self.version = version
        self.rules = rules
        self.documentsByKind = documentsByKind
        self.documentsByCategory = documentsByCategory
        try check()
    }

    /// The rule with an id; the evaluators only ask for ids `check()` proved present.
    public func rule(_ id: String) -> Rule {
        guard let rule = rules.first(where: { $0.id == id }) else {
            preconditionFailure("rule set \(version) was checked to describe \(id)")
        }
        return rule
    }

    /// The documents a party must file: those of its kind and of each declared category.
    public func requiredDocuments(for party: Party) -> [DocumentKind] {
        var required = documentsByKind[party.kind.rawValue] ?? []
        for category in party.categories {
            for kind in documentsByCategory[category] ?? [] where !required.contains(kind) {
                required.append(kind)
            }
        }
        return required
    }

    /// Checks that the set describes every check exactly once and nothing else, with the
    /// thresholds the checks read.
    func check() throws(QualityError) {
        guard !version.trimmingSpaces.isEmpty else {
            throw .invalid("bad_rule_set", "the rule set has no version")
        }
        let ids = rules.map(\.id)
        for id in ids where ids.filter({ $0 == id }).count > 1 {
            throw .invalid("bad_rule_set", "rule \(id) is described twice")
        }
        for id in ids where !RuleID.all.contains(id) {
            throw .invalid("bad_rule_set", "rule \(id) is not a check this version knows")
        }
        for id in RuleID.all where !ids.contains(id) {
            throw .invalid("bad_rule_set", "rule set \(version) does not describe rule \(id)")
        }
        guard let days = rule(RuleID.documentExpiringSoon).thresholds["days"], days >= 0 else {
            throw .invalid("bad_rule_set", "rule \(RuleID.documentExpiringSoon) needs a non-negative 'days' threshold")
        }
        for kind in documentsByKind.keys where PartyKind(rawValue: kind) == nil {
            throw .invalid("bad_rule_set", "documents_by_kind names an unknown party kind '\(kind)'")
        }
    }

    /// Decodes a rule set and checks it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        rules = try container.decode([Rule].self, forKey: .rules)
        documentsByKind = try container.decode([String: [DocumentKind]].self, forKey: .documentsByKind)
        documentsByCategory =
            try container.decodeIfPresent([String: [DocumentKind]].self, forKey: .documentsByCategory) ?? [:]
        certificatesByCategory =
            try container.decodeIfPresent([String: [DocumentKind]].self, forKey: .certificatesByCategory) ?? [:]
        try check()
    }

    /// Reads a rule set from JSON; a malformed file is `invalid` (`bad_rule_set`) naming the problem.
    public static func load(from data: Data) throws(QualityError) -> RuleSet {
        do {
            return try JSONDecoder().decode(RuleSet.self, from: data)
        } catch let error as QualityError {
            throw error
        } catch {
            throw .invalid("bad_rule_set", "the rule set is not valid JSON of the expected shape: \(error)")
        }
    }

    /// Reads a rule set from a file.
    public static func load(contentsOf url: URL) throws(QualityError) -> RuleSet {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalid("bad_rule_set", "cannot read the rule set at \(url.path): \(error.localizedDescription)")
        }
        return try load(from: data)
    }

    /// The rule set shipped with this build (`Sources/Governance/Resources/rules.json`).
    public static func bundled() throws(QualityError) -> RuleSet {
        guard let bundledURL else {
            throw .invalid("bad_rule_set", "the bundled rules.json is missing from the build")
        }
        return try load(contentsOf: bundledURL)
    }

    /// Where the shipped rule set lies, to copy as the start of a platform's own file.
    public static var bundledURL: URL? { Bundle.module.url(forResource: "rules", withExtension: "json") }
}
