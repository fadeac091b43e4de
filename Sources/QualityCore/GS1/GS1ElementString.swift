/// GS1 element strings: the `(01)…(10)…` bracketed form people read and the `^01…10…`
/// unbracketed form barcodes carry.
public enum GS1ElementString {
    /// `(ai)value…`, with a literal `(` in a value escaped as `\(`.
    public static func bracketed(_ elements: [GS1Element]) -> String {
        var output = ""
        for element in elements {
            output += "(" + element.ai + ")"
            output += element.value.contains("(") ? element.value.replacing("(", with: "\\(") : element.value
        }
        return output
    }

    /// `^` followed by each AI and value, with `^` (FNC1) after every value whose AI has no
    /// predefined length, unless it is the last.
    public static func unbracketed(_ elements: [GS1Element]) -> String {
        var output = "^"
        for (offset, element) in elements.enumerated() {
            output += element.ai + element.value
            if offset < elements.count - 1 && requiresFNC1(element) { output += "^" }
        }
        return output
    }

    /// Splits a bracketed element string such as `(01)09506000134352(10)AB\(1` into elements.
    ///
    /// Only the syntax is checked here; values are validated when the elements are used.
    public static func parseBracketed(_ text: String) throws(GS1Error) -> [GS1Element] {
        var elements: [GS1Element] = []
        var rest = Substring(text)
        guard !rest.isEmpty else { throw GS1Error(.badElementString, "the element string is empty") }
        while !rest.isEmpty {
            guard rest.first == "(", let close = rest.firstIndex(of: ")") else {
                throw GS1Error(.badElementString, "expected '(' and an AI at '\(rest.prefix(12))'")
            }
            let ai = String(rest[rest.index(after: rest.startIndex)..<close])
            guard (2...4).contains(ai.utf8.count), ai.utf8.allSatisfy(ASCIISet.digits.contains) else {
                throw GS1Error(.badElementString, "'\(ai)' is not an AI of two to four digits")
            }
            rest = rest[rest.index(after: close)...]
            var value = ""
            while let next = rest.firstIndex(of: "(") {
                if next > rest.startIndex, rest[rest.index(before: next)] == "\\" {
                    value += rest[..<rest.index(before: next)] + "("
                    rest = rest[rest.index(after: next)...]
                } else {
                    value += rest[..<next]
                    rest = rest[next...]
                    break
                }
            }
            if rest.first != "(" {
                value += rest
                rest = rest[rest.endIndex...]
            }
            guard !value.isEmpty else { throw GS1Error(.emptyValue, "AI (\(ai)) has an empty value", ai: ai) }
            elements.append(GS1Element(ai: ai, value: value))
        }
        return elements
    }

    /// Whether an FNC1 separator must follow this element's value.
    static func requiresFNC1(_ element: GS1Element) -> Bool {
        if element.definitionIndex >= 0 { return !GS1AIDictionary.standard.compiled.entries[element.definitionIndex].hasPredefinedLength }
        return GS1AIDictionary.predefinedValueLength(ofPrefix: element.ai) == nil
    }
}
