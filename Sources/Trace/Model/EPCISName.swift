/// The name of a user-defined field: a namespace IRI and a local name, such as
/// `{https://ns.example.com/epcis/}myField`, plus the prefix the document used for it.
public struct EPCISName: Sendable, Hashable, CustomStringConvertible {
    /// The namespace IRI, or `nil` for a name without a namespace (which EPCIS allows only in
    /// standard fields; validation reports it in extension positions).
    public var namespace: String?
    /// The local part, e.g. `myField`; for a JSON key that is a full IRI and has no usable
    /// prefix, the whole IRI.
    public var localName: String
    /// The prefix as written (`example` in `example:myField`), kept to write the field back.
    public var prefix: String?

    /// Creates a name.
    public init(namespace: String?, localName: String, prefix: String? = nil) {
        self.namespace = namespace
        self.localName = localName
        self.prefix = prefix
    }

    /// `{namespace}localName`, or the local name alone when there is no namespace. This is the
    /// key the event hash uses.
    public var expanded: String {
        guard let namespace else { return localName }
        return "{" + namespace + "}" + localName
    }

    /// The IRI the name stands for in JSON-LD: namespace followed by local name.
    public var iri: String { (namespace ?? "") + localName }

    /// The name as the document wrote it (`prefix:local`), or the expanded form.
    public var description: String {
        if let prefix { return prefix + ":" + localName }
        return expanded
    }

    /// Names are the same field when namespace and local name match; the prefix is spelling.
    public static func == (lhs: EPCISName, rhs: EPCISName) -> Bool {
        lhs.namespace == rhs.namespace && lhs.localName == rhs.localName
    }

    /// Hashes namespace and local name.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(namespace)
        hasher.combine(localName)
    }
}
