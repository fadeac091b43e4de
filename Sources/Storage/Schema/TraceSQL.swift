import Trace

/// The statements of `traceEvents(naming:visibleTo:)`, shared by both backends. As in
/// `EventFilterSQL`, the text is built from constant fragments and every value is bound.
enum TraceSQL {
    /// Identities per statement: well under SQLite's and PostgreSQL's bound-parameter limits.
    static let chunkSize = 500

    /// The columns `traceEvent` reads, in order.
    static let eventColumns = """
        e.seq, e.event_hash, e.event_id, e.event_type, e.action, e.event_time, e.biz_step, e.disposition,
        e.read_point, e.biz_location
        """

    /// The bound values and the identity list of `traceEvents`' first statement.
    struct EventsFilter {
        /// The visibility condition, bound first.
        var visibility: EventFilterSQL
        /// The placeholders of the identities, bound after it.
        var identities: String
        /// Every value to bind, in placeholder order.
        var values: [EventFilterSQL.Value] { visibility.values }
    }

    /// The events naming any of `identities`, visible to an organisation.
    static func events(naming identities: [String], visibleTo: Int64?, placeholder: @escaping (Int) -> String)
        -> EventsFilter
    {
        var query = EventQuery()
        query.visibleTo = visibleTo
        var visibility = EventFilterSQL(query, placeholder: placeholder)
        let list = identities.map { visibility.bind(.text($0)) }.joined(separator: ", ")
        return EventsFilter(visibility: visibility, identities: list)
    }

    /// `SELECT … WHERE …` for a filter. The identities select event positions through the
    /// identifiers' primary key (identity first), and the events are read by position: a
    /// correlated `EXISTS` per event, as the query API writes `MATCH_*`, would visit every
    /// stored event, which at ten million events takes seconds instead of microseconds.
    static func eventsStatement(_ filter: EventsFilter) -> String {
        let visible = filter.visibility.whereClause.isEmpty ? "WHERE" : filter.visibility.whereClause + " AND"
        return """
            SELECT \(eventColumns) FROM epcis_events e \(visible)
            e.seq IN (SELECT i.event_seq FROM epcis_event_identifiers i WHERE i.identity IN (\(filter.identities)))
            ORDER BY e.seq
            """
    }

    /// The identifiers of `count` events, their positions bound from `placeholder(1)` on.
    static func identifiersStatement(count: Int, placeholder: (Int) -> String) -> String {
        let list = (1...count).map(placeholder).joined(separator: ", ")
        return "SELECT event_seq, identity, role FROM epcis_event_identifiers WHERE event_seq IN (\(list))"
    }

    /// An identifier row, or a corrupt-row error for an unknown role.
    static func identifier(identity: String, role: String) throws -> EventIdentifier {
        guard let role = EventIdentifierRole(rawValue: role) else {
            throw CorruptRow(table: "epcis_event_identifiers", problem: "unknown role '\(role)'")
        }
        return EventIdentifier(identity: identity, role: role)
    }

    /// `items` in slices of at most `size`.
    static func chunks<T>(_ items: [T], size: Int = chunkSize) -> [[T]] {
        stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }
}
