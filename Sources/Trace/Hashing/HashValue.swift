/// How the CBV 2.0 event hash writes a single value.
enum HashValue {
    /// A value other than a date-time: legacy CBV URNs become Web URIs, numbers lose trailing
    /// zeros, and GS1 keys (EPC URN or Digital Link) become the constrained Digital Link form.
    static func canonical(_ text: String) -> String {
        let vocabulary = HashText.contains(text, "urn:epcglobal:cbv:") ? webVocabulary(text) : text
        if let number = HashNumber.canonical(vocabulary) { return number }
        if HashText.contains(vocabulary, byte: UInt8(ascii: ".")), let identifier = GS1KeyForms.hashForm(of: vocabulary)
        {
            return identifier
        }
        return vocabulary
    }

    /// A date-time in UTC at millisecond precision, or the text unchanged when it is not one.
    static func time(_ text: String) -> String {
        EPCISTimestamp(text).canonicalUTC ?? text
    }

    /// Legacy CBV URN prefixes replaced by their Web URI prefixes (CBV 2.0 rule 14), wherever
    /// they occur in the text.
    private static func webVocabulary(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        scan: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "u") {
                for (urn, web) in legacyPrefixes
                where bytes.count - index >= urn.count && bytes[index..<(index + urn.count)].elementsEqual(urn) {
                    output += web
                    index += urn.count
                    continue scan
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Legacy URN prefix → Web URI prefix, as bytes, for the vocabularies that have both.
    private static let legacyPrefixes: [([UInt8], [UInt8])] = [
        CBVVocabulary.bizStep, .disposition, .bizTransactionType, .sourceDestinationType, .errorReason,
    ].compactMap { vocabulary in vocabulary.urnPrefix.map { (Array($0.utf8), Array(vocabulary.webPrefix.utf8)) } }
}
