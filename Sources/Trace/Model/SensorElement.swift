/// One sensor element of an event: optional metadata about the device and the readings.
public struct SensorElement: Sendable, Equatable {
    /// Device, time span and processing details shared by the reports.
    public var metadata: SensorMetadata?
    /// The readings (at least one in a valid event).
    public var reports: [SensorReport]
    /// Extension fields of the element, in document order.
    public var extensions: [EPCISExtension]

    /// Creates a sensor element.
    public init(metadata: SensorMetadata? = nil, reports: [SensorReport], extensions: [EPCISExtension] = []) {
        self.metadata = metadata
        self.reports = reports
        self.extensions = extensions
    }
}
