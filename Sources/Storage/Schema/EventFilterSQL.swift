import Trace

/// The `WHERE` clause of an event query, shared by both backends. The SQL text is assembled
/// only from the constant fragments below; every value from the query is bound, through the
/// backend's placeholder (`?` for SQLite, `$n` for PostgreSQL).
struct EventFilterSQL {
    /// A bound value.
    enum Value {
        /// Text.
        case text(String)
        /// An instant, in microseconds since 1970.
        case instant(Int64)
        /// An integer.
        case integer(Int64)
    }

    /// The conditions, all of which must hold.
    private(set) var conditions: [String] = []
    /// The values to bind, in placeholder order.
    private(set) var values: [Value] = []
    /// The placeholder for the n-th value (1-based).
    private let placeholder: (Int) -> String

    /// The clause for a query; `fetchLimit` is bound last, for the `LIMIT`.
    init(_ query: EventQuery, placeholder: @escaping (Int) -> String) {
        self.placeholder = placeholder
        if let visibleTo = query.visibleTo {
            add(
                """
                EXISTS (SELECT 1 FROM epcis_event_owners o
                WHERE o.event_seq = e.seq AND o.organisation_id = \(bind(.integer(visibleTo))))
                """)
        }
        if let after = query.after { addCursor(after, order: query.order) }
        if !query.eventTypes.isEmpty { add("e.event_type IN (\(list(query.eventTypes)))") }
        if let from = query.eventTimeFrom { add("e.event_time >= \(bind(.instant(from)))") }
        if let before = query.eventTimeBefore { add("e.event_time < \(bind(.instant(before)))") }
        if let from = query.recordTimeFrom { add("e.record_time >= \(bind(.instant(from)))") }
        if let before = query.recordTimeBefore { add("e.record_time < \(bind(.instant(before)))") }
        if !query.actions.isEmpty { add("e.action IN (\(list(query.actions)))") }
        if !query.bizSteps.isEmpty { add("e.biz_step IN (\(list(query.bizSteps)))") }
        if !query.dispositions.isEmpty { add("e.disposition IN (\(list(query.dispositions)))") }
        if !query.readPoints.isEmpty { add("e.read_point IN (\(list(query.readPoints)))") }
        if !query.bizLocations.isEmpty { add("e.biz_location IN (\(list(query.bizLocations)))") }
        for match in query.bizTransactions {
            let type = bind(.text(match.type))
            let identities = list(match.identities)
            add(
                """
                EXISTS (SELECT 1 FROM epcis_event_transactions t
                WHERE t.event_seq = e.seq AND t.type = \(type) AND t.identity IN (\(identities)))
                """)
        }
        for match in query.matches {
            var alternatives: [String] = []
            if !match.identities.isEmpty { alternatives.append("i.identity IN (\(list(match.identities)))") }
            for prefix in match.prefixes {
                // A pattern scans the identities rather than the index; patterns are rare.
                // Bound twice: SQLite's `?` placeholders are positional.
                let length = bind(.text(prefix))
                let value = bind(.text(prefix))
                alternatives.append("substr(i.identity, 1, length(\(length))) = \(value)")
            }
            let roles = list(match.roles.map(\.rawValue))
            add(
                """
                EXISTS (SELECT 1 FROM epcis_event_identifiers i
                WHERE i.event_seq = e.seq AND (\(alternatives.joined(separator: " OR "))) AND i.role IN (\(roles)))
                """)
        }
    }

    /// `ORDER BY …` for an order; capture order breaks ties.
    static func orderClause(_ order: EventOrder) -> String {
        switch order {
        case .capture: "ORDER BY e.seq"
        case .eventTime(let ascending):
            ascending ? "ORDER BY e.event_time, e.seq" : "ORDER BY e.event_time DESC, e.seq DESC"
        case .recordTime(let ascending):
            ascending ? "ORDER BY e.record_time, e.seq" : "ORDER BY e.record_time DESC, e.seq DESC"
        }
    }

    /// Continues after a cursor in an order: past its time, or at its time past its position.
    private mutating func addCursor(_ cursor: EventCursor, order: EventOrder) {
        let column: String
        let ascending: Bool
        switch order {
        case .capture:
            add("e.seq > \(bind(.integer(cursor.sequence)))")
            return
        case .eventTime(let up):
            (column, ascending) = ("e.event_time", up)
        case .recordTime(let up):
            (column, ascending) = ("e.record_time", up)
        }
        let time = cursor.time ?? 0
        let beyond = ascending ? ">" : "<"
        add(
            "(\(column) \(beyond) \(bind(.instant(time))) OR (\(column) = \(bind(.instant(time))) AND e.seq \(beyond) \(bind(.integer(cursor.sequence)))))"
        )
    }

    /// `WHERE …` (or nothing when there are no conditions).
    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    /// Binds a value and returns its placeholder.
    mutating func bind(_ value: Value) -> String {
        values.append(value)
        return placeholder(values.count)
    }

    /// Binds texts and returns their placeholders, comma-separated.
    private mutating func list(_ texts: [String]) -> String {
        texts.map { bind(.text($0)) }.joined(separator: ", ")
    }

    /// Adds a condition.
    private mutating func add(_ condition: String) { conditions.append(condition) }
}
