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

    /// The events naming any of `identities`, visible to an organisation.
    static func events(naming identities: [String], visibleTo: Int64?, placeholder: @escaping (Int) -> String)
        -> EventFilterSQL
    {
        var query = EventQuery()
        query.visibleTo = visibleTo
        query.matches = [.init(identities: identities, roles: EventIdentifierRole.allCases)]
        return EventFilterSQL(query, placeholder: placeholder)
    }

    /// `SELECT … WHERE …` for a filter.
    static func eventsStatement(_ filter: EventFilterSQL) -> String {
        "SELECT \(eventColumns) FROM epcis_events e \(filter.whereClause) ORDER BY e.seq"
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
