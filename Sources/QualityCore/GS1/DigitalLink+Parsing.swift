extension DigitalLink {
    /// Choices that relax the GS1 Digital Link syntax, mirroring GS1's reference engine flags.
    public struct ParseOptions: OptionSet, Sendable, Hashable {
        /// The options as bits.
        public let rawValue: Int

        /// Creates options from bits.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Accept GTIN-8, GTIN-12 and GTIN-13 for AI (01) and pad them to GTIN-14.
        /// Current GS1 syntax wants 14 digits, but many printed codes carry the short forms.
        public static let permitZeroSuppressedGTIN = ParseOptions(rawValue: 1 << 0)
        /// Accept the deprecated path names such as `gtin`, `lot`, `ser` for AIs (01), (10), (21).
        public static let permitConvenienceAlphas = ParseOptions(rawValue: 1 << 1)
        /// Accept numeric query parameters that are not in the dictionary as data attributes.
        public static let permitUnknownAIs = ParseOptions(rawValue: 1 << 2)
        /// Do not require the AIs that an AI's `req` attribute names (for example when the
        /// other AIs are carried in another barcode on the same item).
        public static let skipRequisiteAICheck = ParseOptions(rawValue: 1 << 3)

        /// What `parse` uses unless told otherwise: the GS1 syntax, with short GTINs padded.
        public static let `default`: ParseOptions = [.permitZeroSuppressedGTIN]
        /// Exactly the GS1 reference engine's default behaviour.
        public static let strict: ParseOptions = []
    }

    /// Parses and validates a GS1 Digital Link URI.
    ///
    /// Follows the GS1 Digital Link URI syntax and GS1's reference engine: `http`/`https`
    /// (all lower or all upper case), any host and path prefix before the right-most primary
    /// key, key qualifiers in dictionary order in the path, data attributes in the query
    /// string, percent-decoding, and every value checked against the syntax dictionary.
    public static func parse(_ uri: String, options: ParseOptions = .default) throws(GS1Error) -> DigitalLink {
        if let result = uri.utf8.withContiguousStorageIfAvailable({ bytes in
            Result { () throws(GS1Error) in try DigitalLinkParser(source: uri, bytes: bytes, options: options).parse() }
        }) {
            return try result.get()
        }
        var contiguous = uri
        contiguous.makeContiguousUTF8()
        return try parse(contiguous, options: options)
    }
}
