import Foundation

/// An RFC 9264 linkset in its JSON form (`application/linkset+json`), as GS1 conformant
/// resolvers serve it: one context object per anchor, link relation types written as full GS1
/// vocabulary URIs, each with a list of target objects.
struct Linkset: Encodable, Sendable {
    /// One link target.
    struct Target: Encodable, Sendable {
        /// The target URI.
        var href: String
        /// A title for people.
        var title: String?
        /// The target's media type.
        var type: String?
        /// The target's languages.
        var hreflang: [String]?
    }

    /// One context object: the anchor, an optional description and the relations.
    struct Context: Encodable, Sendable {
        /// The link context: the code's canonical URI.
        var anchor: String
        /// What the code identifies.
        var itemDescription: String?
        /// Relation type URI → targets, in the order they were added.
        var relations: [(String, [Target])]

        /// Encodes anchor, description, then each relation type as a key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(anchor, forKey: DynamicKey("anchor"))
            try container.encodeIfPresent(itemDescription, forKey: DynamicKey("itemDescription"))
            for (relation, targets) in relations {
                try container.encode(targets, forKey: DynamicKey(relation))
            }
        }
    }

    /// The GS1 web vocabulary namespace that link types live in.
    static let vocabulary = "https://gs1.org/voc/"

    /// The context objects.
    var linkset: [Context]

    /// The media type.
    static let mediaType = "application/linkset+json"
}

/// A coding key made from any string, for JSON objects whose keys are data.
struct DynamicKey: CodingKey {
    /// The key.
    var stringValue: String
    /// Never an index.
    var intValue: Int? { nil }

    /// A key from a string.
    init(_ string: String) { self.stringValue = string }
    /// A key from a string.
    init?(stringValue: String) { self.stringValue = stringValue }
    /// No integer keys.
    init?(intValue: Int) { nil }
}
