/// One EPCIS 2.0 event of any of the five types (or an extended type), as captured.
///
/// Fields are optional because documents may omit them; which are required depends on the type
/// and is checked by `EPCISValidator`. URI-valued vocabulary fields (`bizStep`, `disposition`,
/// types) hold expanded URIs: a JSON short name such as `shipping` or a CURIE such as
/// `cbv:BizStep-shipping` is stored as `https://ref.gs1.org/cbv/BizStep-shipping`; an unknown
/// short name stays as written, and validation reports it. User extensions are kept in
/// document order with their namespaces.
public struct EPCISEvent: Sendable, Equatable {
    /// The event type.
    public var type: EPCISEventType
    /// When the event happened.
    public var eventTime: EPCISTimestamp?
    /// When the event was recorded by a repository (not part of the event hash).
    public var recordTime: EPCISTimestamp?
    /// The time zone offset in effect where the event happened, e.g. `+02:00`.
    public var eventTimeZoneOffset: String?
    /// The event identifier, often the event hash itself (not part of the event hash).
    public var eventID: String?
    /// URIs of certificates that apply to the event.
    public var certificationInfo: [String]
    /// The error declaration, when this event retracts or corrects an earlier one.
    public var errorDeclaration: ErrorDeclaration?

    /// The objects (Object and Transaction events); `nil` when absent, empty when given empty.
    public var epcList: [EPCISIdentifier]?
    /// The container or parent (Aggregation, Association, Transaction events).
    public var parentID: EPCISIdentifier?
    /// The contained objects (Aggregation and Association events).
    public var childEPCs: [EPCISIdentifier]?
    /// The consumed objects (Transformation events).
    public var inputEPCList: [EPCISIdentifier]?
    /// The produced objects (Transformation events).
    public var outputEPCList: [EPCISIdentifier]?
    /// Quantities of classes (Object and Transaction events).
    public var quantityList: [QuantityElement]?
    /// Contained quantities (Aggregation and Association events).
    public var childQuantityList: [QuantityElement]?
    /// Consumed quantities (Transformation events).
    public var inputQuantityList: [QuantityElement]?
    /// Produced quantities (Transformation events).
    public var outputQuantityList: [QuantityElement]?

    /// `ADD`, `OBSERVE` or `DELETE` (all types but Transformation).
    public var action: EPCISAction?
    /// Links transformation events that belong to one transformation.
    public var transformationID: String?
    /// The business step, e.g. `https://ref.gs1.org/cbv/BizStep-shipping`.
    public var bizStep: String?
    /// The disposition, e.g. `https://ref.gs1.org/cbv/Disp-in_transit`.
    public var disposition: String?
    /// Persistent dispositions set or unset.
    public var persistentDisposition: PersistentDisposition?
    /// Where the event was observed.
    public var readPoint: EPCISLocation?
    /// Where the objects are afterwards.
    public var bizLocation: EPCISLocation?
    /// Business transactions.
    public var bizTransactionList: [BusinessTransaction]?
    /// Sources (from whom / where the objects come).
    public var sourceList: [SourceDestination]?
    /// Destinations.
    public var destinationList: [SourceDestination]?
    /// Sensor data.
    public var sensorElementList: [SensorElement]?
    /// Instance/lot master data (Object events with ADD, Transformation events), in document order.
    public var ilmd: [EPCISExtension]?
    /// User extension fields at event level, in document order; also fields without a
    /// namespace that the standard does not define, which validation reports.
    public var extensions: [EPCISExtension]
    /// Prefixes that expand compact IRIs (`prefix:rest`) in this event's values: the JSON-LD
    /// context in scope, or for XML only the GS1 prefixes `gs1`, `cbv` and `epcis`.
    public var namespaces: EPCISNamespaces

    /// Creates an event of a type with nothing else set.
    public init(type: EPCISEventType, namespaces: EPCISNamespaces = .epcisContext) {
        self.type = type
        certificationInfo = []
        extensions = []
        self.namespaces = namespaces
    }
}
