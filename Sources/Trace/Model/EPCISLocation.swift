/// A `readPoint` or `bizLocation`: a location identifier and any extension fields.
public struct EPCISLocation: Sendable, Equatable {
    /// The location (usually an SGLN or a GLN Digital Link), `nil` when the document omitted it.
    public var id: EPCISIdentifier?
    /// Extension fields inside the location, in document order.
    public var extensions: [EPCISExtension]

    /// Creates a location.
    public init(id: EPCISIdentifier?, extensions: [EPCISExtension] = []) {
        self.id = id
        self.extensions = extensions
    }
}
