extension GS1AIDictionary {
    /// Why the AIs of a Digital Link path (primary key first) are not a valid key-qualifier
    /// sequence, or `nil` when they are.
    ///
    /// Valid sequences are the key followed by any of its `dlpkey` qualifiers, in the
    /// dictionary's order, drawn from one alternative only: for (01) `22, 10, 21` or `235`.
    func pathSequenceFailure(_ path: ArraySlice<GS1Element>) -> GS1Error? {
        if compiled.isValidPath(path) { return nil }
        let key = path[path.startIndex]
        let sequences = compiled.qualifierSequences(ofEntry: key.definitionIndex)
        let allowed = sequences.flatMap { $0 }
        let keyName = "(\(key.ai)) \(entries[key.definitionIndex].title)"
        let qualifiers = path.dropFirst()
        for (offset, qualifier) in qualifiers.enumerated() {
            if !allowed.contains(qualifier.definitionIndex) {
                let message = "AI (\(qualifier.ai)) is not a key qualifier of \(keyName); \(qualifierSummary(sequences))"
                return GS1Error(.notAQualifier, message, ai: qualifier.ai)
            }
            if qualifiers.prefix(offset).contains(where: { $0.code == qualifier.code }) {
                return GS1Error(.duplicateAI, "AI (\(qualifier.ai)) appears more than once in the path", ai: qualifier.ai)
            }
        }
        let listed = qualifiers.map { "(\($0.ai))" }.joined(separator: ", ")
        return GS1Error(.badQualifierOrder, "key qualifiers \(listed) of \(keyName) are out of order or mixed; \(qualifierSummary(sequences))")
    }

    /// Why the value of entry `index` is invalid, or `nil` when it is valid.
    @inline(__always)
    func failure(validating value: UnsafeBufferPointer<UInt8>, entry index: Int) -> GS1Error? {
        compiled.failure(validating: value, entry: index) { self.entries[index] }
    }

    /// The first broken `req` or `ex` association among `elements`, or `nil` when all hold.
    func associationFailure(in elements: [GS1Element], checkingRequirements: Bool) -> GS1Error? {
        compiled.associationFailure(in: elements, checkingRequirements: checkingRequirements) { self.entries[$0] }
    }

    private func qualifierSummary(_ sequences: [[Int]]) -> String {
        let written = sequences.filter { !$0.isEmpty }.map { $0.map { entries[$0].ai }.joined(separator: ", ") }
        return written.isEmpty ? "it takes no key qualifiers" : "allowed in this order: " + written.joined(separator: " or ")
    }
}
