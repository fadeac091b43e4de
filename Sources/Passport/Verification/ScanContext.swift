import Foundation

/// What a client tells us about a scan besides the code: where (coarsely) and through what.
public struct ScanContext: Sendable {
    /// The coarse location, if offered.
    public var location: ScanLocation?
    /// The kind of client.
    public var client: ScanClient
    /// Whether to record the scan (a platform's bulk listing check does not count as a scan).
    public var records: Bool

    /// Creates a context.
    public init(location: ScanLocation? = nil, client: ScanClient, records: Bool = true) {
        self.location = location
        self.client = client
        self.records = records
    }
}
