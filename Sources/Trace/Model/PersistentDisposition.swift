/// Dispositions that hold until changed, set or unset by this event (EPCIS 2.0), e.g. `recalled`.
public struct PersistentDisposition: Sendable, Equatable {
    /// Dispositions this event sets, as URIs.
    public var set: [String]
    /// Dispositions this event clears, as URIs.
    public var unset: [String]
    /// Fields the standard does not define here, kept as written (validation reports them).
    public var unknownFields: [EPCISExtension]

    /// Creates a persistent disposition.
    public init(set: [String] = [], unset: [String] = [], unknownFields: [EPCISExtension] = []) {
        self.set = set
        self.unset = unset
        self.unknownFields = unknownFields
    }
}
