/// The GS1 Digital Link parser, working on the URI's UTF-8 bytes.
///
/// Parsing is on the hot path of resolving and verifying scanned codes. So the URI is read
/// in one table-driven pass that checks every character and notes where the path slashes,
/// the query and the fragment are; AIs are found by table slot; values are validated in place
/// and strings are created only for the results.
struct DigitalLinkParser {
    /// The URI, kept by the result as the source of its stem.
    let source: String
    /// The URI's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Relaxations in force.
    let options: DigitalLink.ParseOptions
    /// Most AI elements one link may carry, as in GS1's engine.
    static let maximumElements = 64

    /// The AI table in its flat form; `GS1AIDictionary.standard` is only read to word errors.
    let table = GS1AIDictionary.standard.compiled

    /// Where the parts of the URI are, from the single scan.
    struct Layout {
        /// Positions of the `/` from the end of the host up to the query or fragment.
        var slashes = SlashPositions()
        /// Position of the `?` that starts the query, if any.
        var queryMark: Int?
        /// Position of the `#` that starts the fragment, or the URI's length.
        var end: Int
        /// Whether any `%` appears, so values may need percent-decoding.
        var hasPercent = false
        /// Whether any `+` appears, which in the query means a space.
        var hasPlus = false
    }

    /// Prepares to parse `bytes`, the UTF-8 of `source`.
    init(source: String, bytes: UnsafeBufferPointer<UInt8>, options: DigitalLink.ParseOptions) {
        self.source = source
        self.bytes = bytes
        self.options = options
    }

    /// Parses and validates the whole URI.
    func parse() throws(GS1Error) -> DigitalLink {
        guard !bytes.isEmpty else { throw GS1Error(.notAURI, "an empty string is not a URI") }
        let hostStart = try schemeLength()
        let layout = try scan(from: hostStart)
        let pathEnd = layout.queryMark ?? layout.end
        let (keyIndex, pathDefinitions) = try primaryKeySlash(layout.slashes, pathEnd: pathEnd)

        var elements: [GS1Element] = []
        elements.reserveCapacity(4)
        var slash = keyIndex
        while slash < layout.slashes.count {
            let aiRange = (layout.slashes[slash] + 1)..<layout.slashes[slash + 1]
            let valueEnd = slash + 2 < layout.slashes.count ? layout.slashes[slash + 2] : pathEnd
            let definition = pathDefinitions.count > elements.count ? pathDefinitions[elements.count] : pathAI(aiRange)!
            elements.append(try element(definition, value: (aiRange.upperBound + 1)..<valueEnd, inQuery: false, mayNeedDecoding: layout.hasPercent))
            slash += 2
        }
        let pathElementCount = elements.count
        if !table.isValidPath(elements[...]), let failure = GS1AIDictionary.standard.pathSequenceFailure(elements[...]) {
            throw failure
        }

        var otherQuery: [(String, String)] = []
        if let queryMark = layout.queryMark {
            try parseQuery((queryMark + 1)..<layout.end, layout: layout, into: &elements, pathElementCount: pathElementCount, otherQuery: &otherQuery)
        }
        let checkRequirements = !options.contains(.skipRequisiteAICheck)
        if let failure = table.associationFailure(in: elements, checkingRequirements: checkRequirements, definition: Self.definition) {
            throw failure
        }
        let keyStart = layout.slashes[keyIndex]
        return DigitalLink(elements: elements, pathElementCount: pathElementCount, stemSource: source, stemLength: keyStart, otherQuery: otherQuery)
    }

    /// Length of `https://` or `http://`, in all lower or all upper case as GS1's engine accepts.
    private func schemeLength() throws(GS1Error) -> Int {
        if hasPrefix("https://") || hasPrefix("HTTPS://") { return 8 }
        if hasPrefix("http://") || hasPrefix("HTTP://") { return 7 }
        try checkCharacters(from: 0)
        let text = String(decoding: bytes, as: UTF8.self)
        if let separator = text.firstRange(of: "://") {
            throw GS1Error(.badScheme, "scheme '\(text[..<separator.lowerBound])' is not http or https in one case")
        }
        throw GS1Error(.notAURI, "'\(text.prefix(40))' does not start with http:// or https://")
    }

    /// Reads everything after the scheme once: checks each character, and notes the path's
    /// slashes, the query mark, the fragment and whether any `%` or `+` needs decoding.
    private func scan(from hostStart: Int) throws(GS1Error) -> Layout {
        let classes = ByteClass.table
        var layout = Layout(end: bytes.count)
        var common: UInt8 = 0xFF
        var inPath = true
        var index = hostStart
        let count = bytes.count
        let base = bytes.baseAddress!
        while index < count {
            // Runs of ordinary characters cost one table load and one AND per byte.
            var flags = classes[Int(base[index])]
            while flags & ByteClass.delimiter == 0 {
                common &= flags
                index &+= 1
                if index == count { break }
                flags = classes[Int(base[index])]
            }
            if index == count { break }
            switch base[index] {
            case UInt8(ascii: "/") where inPath:
                layout.slashes.append(index)
            case UInt8(ascii: "?") where inPath:
                layout.queryMark = index
                inPath = false
            case UInt8(ascii: "#") where layout.end == count:
                layout.end = index
                inPath = false
            case UInt8(ascii: "%"):
                layout.hasPercent = true
            case UInt8(ascii: "+"):
                layout.hasPlus = true
            default:
                break
            }
            index &+= 1
        }
        if common & ByteClass.uri == 0 { try checkCharacters(from: hostStart) }
        let hostEnd = layout.slashes.count > 0 ? layout.slashes[0] : bytes.count
        if hostEnd == hostStart { throw GS1Error(.badHost, hostEnd == bytes.count ? "the URI has no host" : "the URI has an empty host") }
        for index in hostStart..<hostEnd where classes[Int(bytes[index])] & ByteClass.forbiddenInHost != 0 {
            throw GS1Error(.badHost, "\(GS1ApplicationIdentifier.describe(bytes[index])) is not allowed in a host name")
        }
        if layout.slashes.count == 0 { throw GS1Error(.missingPrimaryKey, "the URI has no path, so no GS1 primary key") }
        return layout
    }

    /// Throws for the first character that may not appear in a URI.
    private func checkCharacters(from start: Int) throws(GS1Error) {
        let rest = UnsafeBufferPointer(rebasing: bytes[start...])
        if let offset = ASCIISet.uriCharacters.firstNonMember(in: rest) {
            let index = start + offset
            throw GS1Error(.invalidCharacter, "\(GS1ApplicationIdentifier.describe(bytes[index])) at position \(index + 1) is not allowed in a URI")
        }
    }

    /// Finds the right-most `/AI/value` pair whose AI is a primary key, walking back over
    /// pairs of known AIs as GS1's engine does; everything before it is the stem. Returns the
    /// index of its slash and the entries of the first path AIs, so the forward walk need not
    /// look them up again.
    private func primaryKeySlash(_ slashes: SlashPositions, pathEnd: Int) throws(GS1Error) -> (Int, SmallIndexList) {
        var found = SmallIndexList()
        var valueSlash = slashes.count - 1
        while valueSlash >= 1, let definition = pathAI((slashes[valueSlash - 1] + 1)..<slashes[valueSlash]) {
            found.prepend(definition)
            if table.entries[definition].isPrimaryKey { return (valueSlash - 1, found) }
            valueSlash -= 2
        }
        let trailing = pathEnd == slashes[slashes.count - 1] + 1 && slashes.count > 1
        let hint = trailing ? " (the path must not end with '/')" : ""
        throw GS1Error(.missingPrimaryKey, "no GS1 primary key such as /01/<GTIN> found in the URI path\(hint)")
    }

    /// The entry index for an AI in the path: digits, or a convenience alpha when permitted.
    private func pathAI(_ range: Range<Int>) -> Int? {
        let segment = UnsafeBufferPointer(rebasing: bytes[range])
        if let index = table.index(ofDigits: segment) { return index }
        guard options.contains(.permitConvenienceAlphas), (3...5).contains(segment.count) else { return nil }
        let name = String(decoding: segment, as: UTF8.self)
        return ConvenienceAlpha.ai(named: name).flatMap { GS1AIDictionary.standard.index(of: $0) }
    }

    /// Builds a validated element from a value slice of the URI: of dictionary entry
    /// `definitionIndex`, or of `unknownAI` when the index is -1.
    func element(
        _ definitionIndex: Int, unknownAI: String = "", value range: Range<Int>, inQuery: Bool, mayNeedDecoding: Bool
    ) throws(GS1Error) -> GS1Element {
        let code = definitionIndex >= 0 ? table.entries[definitionIndex].code : AICode(unknownAI)
        guard !range.isEmpty else {
            let ai = code.text
            throw GS1Error(.emptyValue, "AI (\(ai)) has an empty value", ai: ai)
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        let decodes = mayNeedDecoding && PercentCoding.needsDecoding(raw, plusIsSpace: inQuery)
        guard decodes || isShortGTIN(code, length: raw.count) else {
            if let failure = Self.failure(validating: raw, entry: definitionIndex, ai: unknownAI, in: table) { throw failure }
            return GS1Element(code: code, value: String(decoding: raw, as: UTF8.self), definitionIndex: definitionIndex)
        }
        let ai = code.text
        var decoded: [UInt8]
        switch PercentCoding.decode(raw, plusIsSpace: inQuery) {
        case .success(let value): decoded = value
        case .failure(.badSequence(let offset)):
            throw GS1Error(.badPercentEncoding, "AI (\(ai)) value has a '%' at position \(offset + 1) not followed by two hexadecimal digits", ai: ai)
        case .failure(.nul):
            throw GS1Error(.badPercentEncoding, "AI (\(ai)) value decodes to a NUL character", ai: ai)
        }
        if isShortGTIN(code, length: decoded.count) {
            decoded.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 14 - decoded.count), at: 0)
        }
        let failure = decoded.withUnsafeBufferPointer { [table] in Self.failure(validating: $0, entry: definitionIndex, ai: ai, in: table) }
        if let failure { throw failure }
        return GS1Element(code: code, value: String(decoding: decoded, as: UTF8.self), definitionIndex: definitionIndex)
    }

    /// Validates a value of entry `index`, or of an unknown AI when the index is -1.
    private static func failure(validating value: UnsafeBufferPointer<UInt8>, entry index: Int, ai: String, in table: CompiledAITable) -> GS1Error? {
        guard index >= 0 else { return GS1ApplicationIdentifier.unknown(ai).failure(validating: value) }
        return table.failure(validating: value, entry: index) { GS1AIDictionary.standard.entries[index] }
    }

    /// The dictionary entry at `index`, for wording errors.
    static func definition(_ index: Int) -> GS1ApplicationIdentifier {
        GS1AIDictionary.standard.entries[index]
    }

    /// Whether a value of this length for this AI is a GTIN-8, -12 or -13 to pad to 14 digits.
    @inline(__always)
    private func isShortGTIN(_ code: AICode, length: Int) -> Bool {
        (length == 8 || length == 12 || length == 13) && code == AICode.gtin && options.contains(.permitZeroSuppressedGTIN)
    }

    private func hasPrefix(_ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        for offset in 0..<length where bytes[offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    @inline(__always)
    /// Position of the first `character` in `range` of the URI.
    func firstIndex(of character: Unicode.Scalar, in range: Range<Int>) -> Int? {
        let target = UInt8(ascii: character)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == target { return index }
            index += 1
        }
        return nil
    }
}
