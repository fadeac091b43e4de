extension CompiledAITable {
    /// The first broken `ex` or `req` association among `elements`, or `nil` when all hold.
    ///
    /// `req`: for each `req=` attribute, at least one comma-separated group must be fully
    /// present. `ex`: no listed AI may be present. An AI never satisfies or breaks its own
    /// rules, even when it matches a pattern such as `310n`. `definition` words errors.
    func associationFailure(
        in elements: [GS1Element], checkingRequirements: Bool, definition: (Int) -> GS1ApplicationIdentifier
    ) -> GS1Error? {
        // Indices and field projections rather than `for element in elements`, which would
        // copy (and so retain and release) each element's strings.
        for index in elements.indices {
            let definitionIndex = elements[index].definitionIndex
            guard definitionIndex >= 0 else { continue }
            let own = entries[definitionIndex].code
            for patternIndex in entries[definitionIndex].exclusions {
                if let other = firstOther(matching: patterns[patternIndex], than: own, in: elements) {
                    let ai = elements[index].ai
                    return GS1Error(.conflictingAI, "AI (\(ai)) may not be used together with AI (\(elements[other].ai))", ai: ai)
                }
            }
            guard checkingRequirements else { continue }
            let groups = entries[definitionIndex].requirements
            for groupIndex in groups where !isMet(requirementGroups[groupIndex], own: own, in: elements) {
                return missingRequirement(elements[index], definition(definitionIndex).requirements[groupIndex - groups.lowerBound])
            }
        }
        return nil
    }

    /// Whether some alternative of a `req=` attribute has all its AIs among `elements`.
    @inline(__always)
    private func isMet(_ group: Range<Int>, own: AICode, in elements: [GS1Element]) -> Bool {
        alternatives: for alternative in group {
            for patternIndex in requirementAlternatives[alternative]
            where firstOther(matching: patterns[patternIndex], than: own, in: elements) == nil {
                continue alternatives
            }
            return true
        }
        return false
    }

    /// Index of the first element other than `own` whose AI matches `pattern`.
    @inline(__always)
    private func firstOther(matching pattern: AIPattern, than own: AICode, in elements: [GS1Element]) -> Int? {
        for index in elements.indices {
            let candidate = elements[index].code
            if candidate != own && pattern.matches(candidate) { return index }
        }
        return nil
    }

    private func missingRequirement(_ element: GS1Element, _ requirement: String) -> GS1Error {
        let options = requirement.split(separator: ",").map { "(" + $0.split(separator: "+").joined(separator: ")+(") + ")" }
        return GS1Error(.missingRequiredAI, "AI (\(element.ai)) requires \(options.joined(separator: " or ")) in the same message", ai: element.ai)
    }

    /// Whether the AIs of a Digital Link path (primary key first) form one of the key's
    /// qualifier sequences, in order, drawn from one alternative only.
    func isValidPath(_ path: ArraySlice<GS1Element>) -> Bool {
        let key = entries[path[path.startIndex].definitionIndex]
        for sequence in key.qualifierSequences where isOrderedSubsequence(path.dropFirst(), of: qualifierSequences[sequence]) {
            return true
        }
        return false
    }

    /// Whether an attribute AI could have been a key qualifier of the path instead, which the
    /// standard forbids: some qualifier sequence holds it and all the path's qualifiers in order.
    func belongsInPath(_ attributeIndex: Int, after path: ArraySlice<GS1Element>) -> Bool {
        guard attributeIndex >= 0 else { return false }
        let key = entries[path[path.startIndex].definitionIndex]
        for sequence in key.qualifierSequences {
            let items = qualifierSequences[sequence]
            if qualifierItems[items].contains(attributeIndex) && isOrderedSubsequence(path.dropFirst(), of: items) { return true }
        }
        return false
    }

    /// The entry indices of a key's qualifier sequences.
    func qualifierSequences(ofEntry index: Int) -> [[Int]] {
        entries[index].qualifierSequences.map { Array(qualifierItems[qualifierSequences[$0]]) }
    }

    private func isOrderedSubsequence(_ qualifiers: ArraySlice<GS1Element>, of items: Range<Int>) -> Bool {
        var position = items.lowerBound
        for index in qualifiers.indices {
            let qualifier = qualifiers[index].definitionIndex
            while position < items.upperBound && qualifierItems[position] != qualifier { position += 1 }
            if position == items.upperBound { return false }
            position += 1
        }
        return true
    }
}
