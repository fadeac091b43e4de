/// A decimal number from a document, holding the text as written (`26.0`, `0.180`) beside its
/// value, so that nothing is lost before canonicalisation.
public struct EPCISNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal as written.
    public let text: String
    /// The value, or `nil` when the text is not a decimal number.
    public let value: Double?

    /// Reads a decimal literal: optional sign, digits with an optional fraction, and an
    /// optional exponent (the lexical space of `xsd:decimal`/`xsd:double` and JSON numbers).
    public init(_ text: String) {
        self.text = text
        value = Self.isDecimalLiteral(text) ? Double(text) : nil
    }

    /// The literal text.
    public var description: String { text }

    /// Whether `text` is a plain decimal literal such as `-12`, `0.5`, `1.5E3`.
    static func isDecimalLiteral(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix(while: isDigit)
            fractionDigits = fraction.count
            bytes = bytes.dropFirst(fraction.count)
        }
        guard integer.count + fractionDigits > 0 else { return false }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            let exponent = bytes.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            bytes = bytes.dropFirst(exponent.count)
        }
        return bytes.isEmpty
    }
}
