/// The value of a user extension field.
public indirect enum EPCISExtensionValue: Sendable, Equatable {
    /// Text: a JSON string or the text content of an XML element.
    case text(String)
    /// A JSON number, as its literal text.
    case number(String)
    /// A JSON boolean.
    case boolean(Bool)
    /// JSON `null`.
    case null
    /// A JSON array; in XML, repeated elements of one name are separate fields instead.
    case list([EPCISExtensionValue])
    /// A JSON object, or an XML element with child elements or attributes; `text` is the XML
    /// element's own text when it has both.
    case fields([EPCISExtension], text: String?)
}
