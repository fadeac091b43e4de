import QualityCore

/// The resolver description served at `/.well-known/gs1resolver`, in the shape the GS1
/// Conformant Resolver standard (1.x) gives it: who the resolver is, its root, the primary
/// keys and link types it supports, and that a request for the default link can be answered
/// with a linkset. Encoded with snake_case conversion off: the standard's keys are camelCase.
struct ResolverDescription: Encodable, Sendable {
    /// A link type vocabulary the resolver uses.
    struct LinkTypeVocabulary: Encodable, Sendable {
        /// The vocabulary URI.
        let namespace: String
        /// Its CURIE prefix.
        let prefix: String
        /// Where its link types are listed.
        let profile: String
    }

    /// The resolver's name.
    let name: String
    /// The root every Digital Link is under.
    let resolverRoot: String
    /// Link type vocabularies.
    let supportedLinkType: [LinkTypeVocabulary]
    /// Primary keys with passports.
    let supportedPrimaryKeys: [String]
    /// Whether the default link may be answered with a linkset.
    let linkTypeDefaultCanBeLinkset: Bool
    /// Whether `linkType=all` is understood.
    let linkTypeDefaultCanBeAll: Bool
    /// Context values understood (none).
    let supportedContextValuesEnumerated: [String]
    /// Page languages.
    let supportedLanguages: [String]
    /// The linkset media type.
    let linksetMediaType: String
    /// Whether malformed URIs get 400.
    let validatesURISyntax: Bool
    /// Where terms of use are.
    let termsOfUse: String

    /// The description of this server.
    init(stem: String, name: String) {
        self.name = "\(name) GS1 Digital Link resolver (产品数字护照 · product passports)"
        self.resolverRoot = stem
        self.supportedLinkType = [
            .init(namespace: "https://gs1.org/voc/", prefix: "gs1:", profile: "https://gs1.org/voc/?show=linktypes")
        ]
        self.supportedPrimaryKeys = ["01"]
        self.linkTypeDefaultCanBeLinkset = true
        self.linkTypeDefaultCanBeAll = true
        self.supportedContextValuesEnumerated = []
        self.supportedLanguages = ["zh", "en"]
        self.linksetMediaType = Linkset.mediaType
        self.validatesURISyntax = true
        self.termsOfUse = stem + "/"
    }
}
