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
    /// When the event happened, in microseconds since 1970.
    public var eventTime: Int64
    /// When it was recorded, in microseconds since 1970.
    public var recordTime: Int64

    /// Creates a stored event.
    public init(sequence: Int64, hash: EventHash, eventID: String, json: String, eventTime: Int64, recordTime: Int64) {
        self.sequence = sequence
        self.hash = hash
        self.eventID = eventID
        self.json = json
        self.eventTime = eventTime
        self.recordTime = recordTime
    }

    /// Where a page ending with this event ends, in an order.
    public func cursor(in order: EventOrder) -> EventCursor {
        switch order {
        case .capture: EventCursor(time: nil, sequence: sequence)
        case .eventTime: EventCursor(time: eventTime, sequence: sequence)
        case .recordTime: EventCursor(time: recordTime, sequence: sequence)
        }
    }
}

/// One page of query results.
public struct EventPage: Sendable, Equatable {
    /// The events, in capture order.
    public var events: [StoredEvent]
    /// Where the next page starts, when there are more events.
    public var next: EventCursor?

    /// Creates a page.
    public init(events: [StoredEvent], next: EventCursor?) {
        self.events = events
        self.next = next
    }

    /// The page of `limit` events out of up to `limit + 1` fetched in `order`.
    public init(fetched: [StoredEvent], limit: Int, order: EventOrder) {
        guard fetched.count > limit else {
            self.init(events: fetched, next: nil)
            return
        }
        let page = Array(fetched.prefix(limit))
        self.init(events: page, next: page.last?.cursor(in: order))
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
