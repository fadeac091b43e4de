import Foundation
import GRDB
public import Trace

extension SQLiteStore: EventStore {
    /// The capture job with an id, if any.
    public func captureJob(id: String) async throws -> CaptureJob? {
        try await pool.read { db in
            try db.row("SELECT \(Self.captureColumns) FROM epcis_captures WHERE id = \(id)").map(Self.captureJob)
        }
    }

    /// The latest capture jobs of an organisation (of everyone for `nil`), newest first.
    public func captureJobs(of organisationID: Int64?, limit: Int) async throws -> [CaptureJob] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT \(Self.captureColumns) FROM epcis_captures
                WHERE \(organisationID) IS NULL OR organisation_id = \(organisationID)
                ORDER BY created_at DESC, id LIMIT \(limit)
                """
            ).map(Self.captureJob)
        }
    }

    /// The columns `captureJob(_:)` reads.
    static let captureColumns: SQL = """
        id, organisation_id, created_at, finished_at, success, event_count, accepted_count, duplicate_count, errors
        """

    /// A capture job from a row of `captureColumns`.
    static func captureJob(_ row: Row) throws -> CaptureJob {
        let finishedAt: Int64? = try row.decode(forColumn: "finished_at")
        return CaptureJob(
            id: try row.decode(forColumn: "id"), organisationID: try row.decode(forColumn: "organisation_id"),
            createdAt: Date(microsecondsSince1970: try row.decode(forColumn: "created_at")),
            finishedAt: finishedAt.map(Date.init(microsecondsSince1970:)),
            success: try row.decode(forColumn: "success"), eventCount: try row.decode(forColumn: "event_count"),
            acceptedCount: try row.decode(forColumn: "accepted_count"),
            duplicateCount: try row.decode(forColumn: "duplicate_count"),
            errors: try CaptureErrorsCoding.decode(try row.decode(forColumn: "errors")))
    }

    /// One page of the events a query selects, in capture order.
    public func events(matching query: EventQuery) async throws -> EventPage {
        var filter = EventFilterSQL(query, placeholder: { _ in "?" })
        let limit = filter.bind(.integer(Int64(query.limit) + 1))
        let sql = """
            SELECT e.seq, e.event_hash, e.event_id, e.event_json, e.event_time, e.record_time FROM epcis_events e
            \(filter.whereClause) \(EventFilterSQL.orderClause(query.order)) LIMIT \(limit)
            """
        let arguments = StatementArguments(filter.values.map(Self.databaseValue))
        let events = try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.storedEvent)
        }
        return EventPage(fetched: events, limit: query.limit, order: query.order)
    }

    /// The events with an event ID, or whose hash is that ID.
    public func events(withID eventID: String, visibleTo organisationID: Int64?) async throws -> [StoredEvent] {
        let hash = EventHash(uri: eventID)?.hex ?? ""
        return try await pool.read { db in
            try db.rows(
                """
                SELECT e.seq, e.event_hash, e.event_id, e.event_json, e.event_time, e.record_time FROM epcis_events e
                WHERE (e.event_id = \(eventID) OR e.event_hash = \(hash))
                  AND (\(organisationID) IS NULL OR EXISTS (
                      SELECT 1 FROM epcis_event_owners o WHERE o.event_seq = e.seq AND o.organisation_id = \(organisationID)))
                ORDER BY e.seq
                """
            ).map(Self.storedEvent)
        }
    }

    /// A stored event from `seq, event_hash, event_id, event_json, event_time, record_time`.
    static func storedEvent(_ row: Row) throws -> StoredEvent {
        StoredEvent(
            sequence: try row.decode(forColumn: "seq"),
            hash: try CaptureErrorsCoding.hash(hex: try row.decode(forColumn: "event_hash")),
            eventID: try row.decode(forColumn: "event_id"), json: try row.decode(forColumn: "event_json"),
            eventTime: try row.decode(forColumn: "event_time"), recordTime: try row.decode(forColumn: "record_time"))
    }

    /// A filter value as SQLite stores it.
    static func databaseValue(_ value: EventFilterSQL.Value) -> (any DatabaseValueConvertible)? {
        switch value {
        case .text(let text): text
        case .instant(let micros): micros
        case .integer(let number): number
        }
    }
}

extension SQLiteStore {
    /// Every event naming any of the identities, with all its identifiers, in capture order.
    public func traceEvents(naming identities: [String], visibleTo organisationID: Int64?) async throws
        -> [TraceEvent]
    {
        try await pool.read { db in
            var events: [Int64: TraceEvent] = [:]
            for chunk in TraceSQL.chunks(Array(Set(identities))) {
                let filter = TraceSQL.events(naming: chunk, visibleTo: organisationID, placeholder: { _ in "?" })
                let rows = try Row.fetchAll(
                    db, sql: TraceSQL.eventsStatement(filter),
                    arguments: StatementArguments(filter.values.map(Self.databaseValue)))
                for row in rows {
                    let event = TraceEvent(
                        sequence: try row.decode(atIndex: 0),
                        hash: try CaptureErrorsCoding.hash(hex: try row.decode(atIndex: 1)),
                        eventID: try row.decode(atIndex: 2), type: try row.decode(atIndex: 3),
                        action: try row.decode(atIndex: 4),
                        eventTime: try row.decode(atIndex: 5), bizStep: try row.decode(atIndex: 6),
                        disposition: try row.decode(atIndex: 7), readPoint: try row.decode(atIndex: 8),
                        bizLocation: try row.decode(atIndex: 9), identifiers: [])
                    events[event.sequence] = event
                }
            }
            for chunk in TraceSQL.chunks(Array(events.keys)) {
                let rows = try Row.fetchAll(
                    db, sql: TraceSQL.identifiersStatement(count: chunk.count, placeholder: { _ in "?" }),
                    arguments: StatementArguments(chunk))
                for row in rows {
                    let sequence: Int64 = try row.decode(atIndex: 0)
                    events[sequence]?.identifiers.append(
                        try TraceSQL.identifier(identity: try row.decode(atIndex: 1), role: try row.decode(atIndex: 2)))
                }
            }
            return events.values.sorted { $0.sequence < $1.sequence }
        }
    }
}
