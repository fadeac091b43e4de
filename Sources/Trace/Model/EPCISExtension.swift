/// A user extension field (or an ILMD field, or an unrecognised field kept for fidelity):
/// its name and its value, in the order and form the document gave them.
public struct EPCISExtension: Sendable, Equatable {
    /// The field name.
    public var name: EPCISName
    /// The field value.
    public var value: EPCISExtensionValue
    /// Whether the field came from an XML attribute rather than an element.
    public var isXMLAttribute: Bool

    /// Creates a field.
    public init(name: EPCISName, value: EPCISExtensionValue, isXMLAttribute: Bool = false) {
        self.name = name
        self.value = value
        self.isXMLAttribute = isXMLAttribute
    }
}
