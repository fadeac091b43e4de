import Foundation
import GRDB
public import Trace

extension SQLiteStore: EventStore {
    /// Stores the job and its new events in one write transaction; see `EventStore.saveCapture`.
    public func saveCapture(_ job: CaptureJob, events: [CapturedEvent]) async throws -> CaptureJob {
        let errors = try CaptureErrorsCoding.encode(job.errors)
        return try await pool.write { db in
            var job = job
            try db.execute(
                literal: """
                    INSERT INTO epcis_captures
                        (id, organisation_id, created_at, finished_at, success, event_count, accepted_count,
                         duplicate_count, errors)
                    VALUES (\(job.id), \(job.organisationID), \(job.createdAt.microsecondsSince1970),
                            \(job.finishedAt?.microsecondsSince1970), \(job.success), \(job.eventCount), 0, 0, \(errors))
                    """)
            job.acceptedCount = 0
            job.duplicateCount = 0
            // Cached statements bound through the C API: a capture writes several rows per event,
            // and compiling each from an SQL literal cost more than the writing.
            let insertEvent = try SQLiteRawStatement(
                db,
                sql: """
                    INSERT OR IGNORE INTO epcis_events
                        (event_hash, declares_error, event_id, capture_id, organisation_id, event_type, action,
                         event_time, record_time, biz_step, disposition, read_point, biz_location, event_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertIdentifier = try SQLiteRawStatement(
                db, sql: "INSERT OR IGNORE INTO epcis_event_identifiers (identity, role, event_seq) VALUES (?, ?, ?)")
            let insertTransaction = try SQLiteRawStatement(
                db, sql: "INSERT OR IGNORE INTO epcis_event_transactions (type, identity, event_seq) VALUES (?, ?, ?)")
            let insertOwner = try SQLiteRawStatement(
                db, sql: "INSERT OR IGNORE INTO epcis_event_owners (organisation_id, event_seq) VALUES (?, ?)")
            let findEvent = try SQLiteRawStatement(
                db, sql: "SELECT seq FROM epcis_events WHERE event_hash = ? AND declares_error = ?")
            for event in events {
                let hex = event.hash.hex
                insertEvent.bind(hex, at: 1)
                insertEvent.bind(event.declaresError ? 1 : 0, at: 2)
                insertEvent.bind(event.eventID, at: 3)
                insertEvent.bind(job.id, at: 4)
                insertEvent.bind(job.organisationID, at: 5)
                insertEvent.bind(event.type, at: 6)
                insertEvent.bind(event.action, at: 7)
                insertEvent.bind(event.eventTime, at: 8)
                insertEvent.bind(event.recordTime, at: 9)
                insertEvent.bind(event.bizStep, at: 10)
                insertEvent.bind(event.disposition, at: 11)
                insertEvent.bind(event.readPoint, at: 12)
                insertEvent.bind(event.bizLocation, at: 13)
                insertEvent.bind(event.json, at: 14)
                try insertEvent.execute()
                let sequence: Int64
                if db.changesCount == 1 {
                    job.acceptedCount += 1
                    sequence = db.lastInsertedRowID
                    for identifier in event.identifiers {
                        insertIdentifier.bind(identifier.identity, at: 1)
                        insertIdentifier.bind(identifier.role.rawValue, at: 2)
                        insertIdentifier.bind(sequence, at: 3)
                        try insertIdentifier.execute()
                    }
                    for transaction in event.transactions {
                        insertTransaction.bind(transaction.type, at: 1)
                        insertTransaction.bind(transaction.identity, at: 2)
                        insertTransaction.bind(sequence, at: 3)
                        try insertTransaction.execute()
                    }
                } else {
                    job.duplicateCount += 1
                    findEvent.bind(hex, at: 1)
                    findEvent.bind(event.declaresError ? 1 : 0, at: 2)
                    var existing: Int64?
                    try findEvent.forEachRow { existing = findEvent.int64(0) }
                    guard let existing else {
                        throw CorruptRow(table: "epcis_events", problem: "duplicate without a row")
                    }
                    sequence = existing
                }
                if let owner = job.organisationID {
                    insertOwner.bind(owner, at: 1)
                    insertOwner.bind(sequence, at: 2)
                    try insertOwner.execute()
                }
            }
            try db.execute(
                literal: """
                    UPDATE epcis_captures SET accepted_count = \(job.acceptedCount), duplicate_count = \(job.duplicateCount)
                    WHERE id = \(job.id)
                    """)
            return job
        }
    }

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
