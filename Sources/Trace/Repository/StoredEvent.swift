/// An event as the repository returns it.
public struct StoredEvent: Sendable, Equatable {
    /// The position in capture order, unique in the repository.
    public var sequence: Int64
    /// The CBV 2.0 event hash.
    public var hash: EventHash
    /// The event ID (as sent, or the hash URI).
    public var eventID: String
    /// The canonical JSON-LD of the event.
    public var json: String

    /// Creates a stored event.
    public init(sequence: Int64, hash: EventHash, eventID: String, json: String) {
        self.sequence = sequence
        self.hash = hash
        self.eventID = eventID
        self.json = json
    }
}

/// One page of query results.
public struct EventPage: Sendable, Equatable {
    /// The events, in capture order.
    public var events: [StoredEvent]
    /// Where the next page starts, when there are more events.
    public var nextAfter: Int64?

    /// Creates a page.
    public init(events: [StoredEvent], nextAfter: Int64?) {
        self.events = events
        self.nextAfter = nextAfter
    }
}

extension StoredEvent {
    /// The JSON-LD context every document this repository writes names.
    public static let contextURL = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld"

    /// The event as a JSON-LD document of its own: its JSON with the EPCIS context added in
    /// front of any event-level bindings.
    public var standaloneJSON: String {
        let bound = #"{"@context":["#
        if json.hasPrefix(bound) {
            return bound + "\"" + Self.contextURL + "\"," + json.dropFirst(bound.utf8.count)
        }
        return #"{"@context":""# + Self.contextURL + "\"," + json.dropFirst()
    }
}
