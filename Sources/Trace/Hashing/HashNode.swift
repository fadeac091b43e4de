/// One node of the tree the CBV 2.0 event hash walks: the event in the shape of its XML form
/// (fields and attributes as named children), independent of the syntax it was read from.
///
/// A class, because the tree is built once and only read: passing nodes around then costs one
/// reference count instead of one per field, which a profile of hashing showed to dominate.
final class HashNode: Sendable {
    /// The field name: a standard name such as `epcList`, or `{namespace}local` for extensions.
    let name: String
    /// The value text as written (empty for containers).
    let text: String
    /// Child nodes.
    let children: [HashNode]
    /// The value as the hash writes it, when already known (identifiers whose GS1 key was read
    /// when the event was decoded), so hashing need not parse the text again.
    let canonical: String?
    /// Whether this node is an unnamed pair of a value and its type (a business transaction,
    /// source or destination), written without a name and without sorting its two parts.
    let isGroup: Bool

    /// A node with text and children.
    init(
        _ name: String, _ text: String = "", _ children: [HashNode] = [], isGroup: Bool = false,
        canonical: String? = nil
    ) {
        self.name = name
        self.text = text
        self.children = children
        self.isGroup = isGroup
        self.canonical = canonical
    }

    /// A leaf for an identifier, carrying its hash form when the identifier is a GS1 key.
    static func identifier(_ name: String, _ identifier: EPCISIdentifier) -> HashNode {
        HashNode(name, identifier.text, canonical: identifier.hashForm)
    }

}

extension [HashNode] {
    /// Appends a leaf when the value is present.
    mutating func leaf(_ name: String, _ text: String?) {
        if let text { append(HashNode(name, text)) }
    }

    /// Appends an identifier leaf when the identifier is present.
    mutating func identifier(_ name: String, _ value: EPCISIdentifier?) {
        if let value { append(.identifier(name, value)) }
    }

    /// Appends a container of identifier leaves with one name each, when the list is present.
    mutating func list(_ name: String, of itemName: String, _ values: [EPCISIdentifier]?) {
        if let values { append(HashNode(name, "", values.map { .identifier(itemName, $0) })) }
    }
}
