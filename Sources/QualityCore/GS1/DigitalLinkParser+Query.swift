extension DigitalLinkParser {
    /// Splits the query on `&`: numeric keys are AIs and become data attributes, the rest
    /// are kept as other parameters.
    func parseQuery(
        _ query: Range<Int>, layout: Layout, into elements: inout [GS1Element], pathElementCount: Int, otherQuery: inout [(String, String)]
    ) throws(GS1Error) {
        var start = query.lowerBound
        while start < query.upperBound {
            let end = firstIndex(of: "&", in: start..<query.upperBound) ?? query.upperBound
            defer { start = end + 1 }
            if end == start { continue }
            guard let equals = firstIndex(of: "=", in: start..<end) else {
                otherQuery.append((PercentCoding.decodeLeniently(UnsafeBufferPointer(rebasing: bytes[start..<end])), ""))
                continue
            }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<equals])
            guard !key.isEmpty, key.allSatisfy(ASCIISet.digits.contains) else {
                let value = UnsafeBufferPointer(rebasing: bytes[(equals + 1)..<end])
                otherQuery.append((PercentCoding.decodeLeniently(key), PercentCoding.decodeLeniently(value)))
                continue
            }
            let definitionIndex: Int
            if let index = table.index(ofDigits: key) {
                definitionIndex = index
            } else if options.contains(.permitUnknownAIs) && GS1AIDictionary.standard.canStandForUnknownAI(key) {
                definitionIndex = -1
            } else {
                let ai = String(decoding: key, as: UTF8.self)
                throw GS1Error(.unknownAI, "query parameter \(ai) is numeric but not a GS1 Application Identifier", ai: ai)
            }
            let unknownAI = definitionIndex >= 0 ? "" : String(decoding: key, as: UTF8.self)
            let attribute = try element(
                definitionIndex, unknownAI: unknownAI, value: (equals + 1)..<end, inQuery: true,
                mayNeedDecoding: layout.hasPercent || layout.hasPlus)
            try checkAttribute(attribute, against: elements, pathElementCount: pathElementCount)
            elements.append(attribute)
        }
    }

    private func checkAttribute(_ attribute: GS1Element, against elements: [GS1Element], pathElementCount: Int) throws(GS1Error) {
        let ai = attribute.ai
        let code = attribute.code
        if elements.count >= Self.maximumElements {
            throw GS1Error(.tooManyElements, "a GS1 Digital Link may carry at most \(Self.maximumElements) AIs")
        }
        if elements.contains(where: { $0.code == code }) {
            throw GS1Error(.duplicateAI, "AI (\(ai)) appears more than once", ai: ai)
        }
        if attribute.definitionIndex >= 0 && !table.entries[attribute.definitionIndex].isDataAttribute {
            let title = GS1AIDictionary.standard.entries[attribute.definitionIndex].title
            throw GS1Error(.notADataAttribute, "AI (\(ai)) \(title) is not permitted as a GS1 Digital Link data attribute", ai: ai)
        }
        if table.belongsInPath(attribute.definitionIndex, after: elements[..<pathElementCount]) {
            let reason = "is a key qualifier of (\(elements[0].ai)) and belongs in the URI path, not the query"
            throw GS1Error(.qualifierInQuery, "AI (\(ai)) \(reason)", ai: ai)
        }
    }
}
