/// One sensor reading (EPCIS 2.0 §7.3.8): what was measured, the value or statistics, and
/// where it came from. URI-valued fields hold the expanded URI.
public struct SensorReport: Sendable, Equatable {
    /// The measurement type, e.g. `https://gs1.org/voc/Temperature` (EPCIS 2.0 allows omitting it).
    public var type: String?
    /// An alert instead of or beside a value, e.g. `https://gs1.org/voc/ALARM_CONDITION`.
    public var exception: String?
    /// The measuring device.
    public var deviceID: String?
    /// Where the device's metadata can be found.
    public var deviceMetadata: String?
    /// Where the raw data can be found.
    public var rawData: String?
    /// How the reading was processed.
    public var dataProcessingMethod: String?
    /// Business rules the reading was evaluated against.
    public var bizRules: String?
    /// When this reading was taken.
    public var time: EPCISTimestamp?
    /// Microorganism measured (URI).
    public var microorganism: String?
    /// Chemical substance measured (URI).
    public var chemicalSubstance: String?
    /// Coordinate reference system of a location reading.
    public var coordinateReferenceSystem: String?
    /// The reading.
    public var value: EPCISNumber?
    /// Which component of a vector reading (CBV component, e.g. `latitude`).
    public var component: String?
    /// A text reading.
    public var stringValue: String?
    /// A true/false reading.
    public var booleanValue: Bool?
    /// A binary reading, in hexadecimal.
    public var hexBinaryValue: String?
    /// A URI reading.
    public var uriValue: String?
    /// Minimum over the interval.
    public var minValue: EPCISNumber?
    /// Maximum over the interval.
    public var maxValue: EPCISNumber?
    /// Mean over the interval.
    public var meanValue: EPCISNumber?
    /// Standard deviation over the interval.
    public var sDev: EPCISNumber?
    /// A percentile rank.
    public var percRank: EPCISNumber?
    /// The value at that percentile.
    public var percValue: EPCISNumber?
    /// Unit of measure (UN/ECE Rec. 20 code).
    public var uom: String?
    /// Extension fields (and undefined fields, which validation reports), in document order.
    public var extensions: [EPCISExtension]

    /// Creates an empty report.
    public init(extensions: [EPCISExtension] = []) {
        self.extensions = extensions
    }
}
