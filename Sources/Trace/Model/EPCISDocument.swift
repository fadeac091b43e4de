/// An EPCIS 2.0 document as read from JSON/JSON-LD or XML: its events in document order, the
/// header facts validation needs, and the problems found while reading it.
public struct EPCISDocument: Sendable, Equatable {
    /// What the input was.
    public enum Kind: String, Sendable, Equatable {
        /// An `EPCISDocument` (capture).
        case document
        /// An `EPCISQueryDocument` (query results).
        case queryDocument
        /// A single event outside any document (as posted to `/events`).
        case bareEvent
    }

    /// The syntax the document was written in.
    public enum Format: String, Sendable, Equatable {
        /// JSON or JSON-LD.
        case json
        /// XML.
        case xml
    }

    /// What the input was.
    public var kind: Kind
    /// The syntax.
    public var format: Format
    /// `schemaVersion`, e.g. `2.0`.
    public var schemaVersion: String?
    /// `creationDate`.
    public var creationDate: EPCISTimestamp?
    /// The events, in document order.
    public var events: [EPCISEvent]
    /// Where the event list is, as a path prefix for problems, e.g. `epcisBody.eventList`
    /// (empty for a bare event).
    public var eventListPath: String
    /// Extension fields the document says repositories add to events and that are therefore
    /// left out of event hashes (an `ignoreFields` list at document or query-result level).
    public var ignoredFields: [EPCISName]
    /// Problems found while reading: wrong JSON types, unknown fields, undeclared prefixes.
    /// `EPCISValidator` adds the rules that need the whole event.
    public var problems: [EPCISProblem]

    /// Creates a document.
    public init(
        kind: Kind, format: Format, schemaVersion: String? = nil, creationDate: EPCISTimestamp? = nil,
        events: [EPCISEvent] = [],
        eventListPath: String = "epcisBody.eventList", ignoredFields: [EPCISName] = [], problems: [EPCISProblem] = []
    ) {
        self.kind = kind
        self.format = format
        self.schemaVersion = schemaVersion
        self.creationDate = creationDate
        self.events = events
        self.eventListPath = eventListPath
        self.ignoredFields = ignoredFields
        self.problems = problems
    }

    /// The problem path of event `index`, e.g. `epcisBody.eventList[2]`.
    public func path(ofEvent index: Int) -> String {
        kind == .bareEvent ? "" : "\(eventListPath)[\(index)]"
    }
}
