extension DigitalLink {
    /// GS1's canonical Digital Link stem.
    public static let canonicalStem = "https://id.gs1.org"

    /// Builds a link from AI elements in any order, as GS1's engine generates one.
    ///
    /// The first element whose AI is a primary key becomes the key; of its qualifier
    /// sequences the one matching most elements is used (ties go to the first listed, so
    /// (01) prefers `22, 10, 21` over `235`); the other elements become data attributes in the
    /// order given. An element repeated with the same value is kept once, as GS1 allows in
    /// element strings; repeated with another value it is an error. GTIN-8/12/13 values of
    /// AI (01) are padded to 14 digits when `options` permit zero-suppressed GTINs.
    public init(elements: [GS1Element], stem: String = DigitalLink.canonicalStem, options: ParseOptions = .default) throws(GS1Error) {
        let table = GS1AIDictionary.standard
        var unique: [GS1Element] = []
        for element in elements {
            let checked = try Self.validated(element, options: options)
            if let earlier = unique.first(where: { $0.code == checked.code }) {
                if earlier.value == checked.value { continue }
                throw GS1Error(.duplicateAI, "AI (\(checked.ai)) is given twice with different values", ai: checked.ai)
            }
            unique.append(checked)
        }
        guard unique.count <= DigitalLinkParser.maximumElements else {
            throw GS1Error(.tooManyElements, "a GS1 Digital Link may carry at most \(DigitalLinkParser.maximumElements) AIs")
        }
        guard let key = unique.first(where: { $0.definition?.isPrimaryKey == true }) else {
            throw GS1Error(.missingPrimaryKey, "none of the AIs is a GS1 Digital Link primary key")
        }
        var best: [Int] = []
        for sequence in table.compiled.qualifierSequences(ofEntry: key.definitionIndex) {
            let present = sequence.filter { index in unique.contains { $0.definitionIndex == index } }
            if present.count > best.count { best = present }
        }
        let path = [key] + best.map { index in unique.first { $0.definitionIndex == index }! }
        var ordered = path
        for element in unique where !path.contains(where: { $0.code == element.code }) {
            if let definition = element.definition, !definition.isDataAttribute {
                let reason = "is neither a key qualifier of (\(key.ai)) nor a permitted data attribute"
                throw GS1Error(.notADataAttribute, "AI (\(element.ai)) \(definition.title) \(reason)", ai: element.ai)
            }
            ordered.append(element)
        }
        if let failure = table.associationFailure(in: ordered, checkingRequirements: !options.contains(.skipRequisiteAICheck)) {
            throw failure
        }
        var trimmedStem = stem
        while trimmedStem.hasSuffix("/") { trimmedStem.removeLast() }
        self.init(elements: ordered, pathElementCount: path.count, stemSource: trimmedStem, stemLength: trimmedStem.utf8.count, otherQuery: [])
    }

    /// The URI under `stem` with GTINs as 14 digits, every value percent-encoded as GS1's
    /// engine does (all but `A-Z a-z 0-9 - . _ ~`, so `!` becomes `%21`), and the data
    /// attributes ordered with predefined-length AIs first, then the others, each group in
    /// element order. Non-AI query parameters (`otherQuery`) are not part of it.
    public func canonicalURI(stem: String = DigitalLink.canonicalStem) -> String {
        var output = stem
        while output.hasSuffix("/") { output.removeLast() }
        for element in elements[..<pathElementCount] {
            output += "/" + element.ai + "/"
            PercentCoding.appendEscaped(element.value, query: false, to: &output)
        }
        var separator = "?"
        for fixedLengthPass in [true, false] {
            for element in dataAttributes where GS1ElementString.requiresFNC1(element) != fixedLengthPass {
                output += separator + element.ai + "="
                PercentCoding.appendEscaped(element.value, query: true, to: &output)
                separator = "&"
            }
        }
        return output
    }

    /// Validates one element's value, padding a short GTIN when permitted.
    private static func validated(_ element: GS1Element, options: ParseOptions) throws(GS1Error) -> GS1Element {
        var element = element
        let definition: GS1ApplicationIdentifier
        if let known = element.definition {
            definition = known
        } else if options.contains(.permitUnknownAIs), element.ai.utf8.allSatisfy(ASCIISet.digits.contains),
            Self.canStandForUnknownAI(element.ai)
        {
            definition = .unknown(element.ai)
        } else {
            throw GS1Error(.unknownAI, "AI (\(element.ai)) is not a GS1 Application Identifier", ai: element.ai)
        }
        let length = element.value.utf8.count
        if element.code == AICode.gtin && options.contains(.permitZeroSuppressedGTIN) && (length == 8 || length == 12 || length == 13) {
            let padded = String(repeating: "0", count: 14 - length) + element.value
            element = GS1Element(code: element.code, value: padded, definitionIndex: element.definitionIndex)
        }
        if let failure = definition.failure(validating: element.value) { throw failure }
        return element
    }

    private static func canStandForUnknownAI(_ ai: String) -> Bool {
        var ai = ai
        return ai.withUTF8 { GS1AIDictionary.standard.canStandForUnknownAI($0) }
    }
}
