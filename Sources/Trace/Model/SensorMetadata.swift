/// Metadata of a sensor element (EPCIS 2.0 §7.3.8): when and by which device it was measured.
public struct SensorMetadata: Sendable, Equatable {
    /// The instant the readings apply to.
    public var time: EPCISTimestamp?
    /// Start of the interval the readings summarise.
    public var startTime: EPCISTimestamp?
    /// End of that interval.
    public var endTime: EPCISTimestamp?
    /// The measuring device.
    public var deviceID: String?
    /// Where the device's metadata can be found.
    public var deviceMetadata: String?
    /// Where the raw data can be found.
    public var rawData: String?
    /// How the readings were processed.
    public var dataProcessingMethod: String?
    /// Business rules the readings were evaluated against.
    public var bizRules: String?
    /// Extension fields (and undefined fields, which validation reports), in document order.
    public var extensions: [EPCISExtension]

    /// Creates empty metadata.
    public init(extensions: [EPCISExtension] = []) {
        self.extensions = extensions
    }
}
