import Foundation
import PostgresNIO
public import Trace

extension PostgresStore: EventStore {
    /// The capture job with an id, if any.
    public func captureJob(id: String) async throws -> CaptureJob? {
        let rows = try await rows(
            """
            SELECT id, organisation_id, created_at, finished_at, success, event_count, accepted_count,
                   duplicate_count, errors
            FROM epcis_captures WHERE id = \(id)
            """)
        return try rows.first.map(Self.captureJob)
    }

    /// The latest capture jobs of an organisation (of everyone for `nil`), newest first.
    public func captureJobs(of organisationID: Int64?, limit: Int) async throws -> [CaptureJob] {
        var jobs: [CaptureJob] = []
        for row in try await rows(
            """
            SELECT id, organisation_id, created_at, finished_at, success, event_count, accepted_count,
                   duplicate_count, errors
            FROM epcis_captures
            WHERE \(organisationID)::bigint IS NULL OR organisation_id = \(organisationID)
            ORDER BY created_at DESC, id LIMIT \(Int64(limit))
            """)
        {
            jobs.append(try Self.captureJob(row))
        }
        return jobs
    }

    /// A capture job from `id, organisation_id, created_at, finished_at, success, event_count,
    /// accepted_count, duplicate_count, errors`.
    static func captureJob(_ row: PostgresRow) throws -> CaptureJob {
        let (jobID, organisationID, createdAt, finishedAt, success, eventCount, accepted, duplicates, errors) =
            try row.decode(
                (String, Int64?, PostgresInstant, PostgresInstant?, Bool, Int64, Int64, Int64, String).self)
        return CaptureJob(
            id: jobID, organisationID: organisationID, createdAt: createdAt.date, finishedAt: finishedAt?.date,
            success: success, eventCount: Int(eventCount), acceptedCount: Int(accepted),
            duplicateCount: Int(duplicates), errors: try CaptureErrorsCoding.decode(errors))
    }

    /// One page of the events a query selects, in capture order.
    public func events(matching query: EventQuery) async throws -> EventPage {
        var filter = EventFilterSQL(query, placeholder: { "$\($0)" })
        let limit = filter.bind(.integer(Int64(query.limit) + 1))
        var bindings = PostgresBindings()
        for value in filter.values {
            switch value {
            case .text(let text): bindings.append(text)
            case .instant(let micros): bindings.append(PostgresInstant(microseconds: micros))
            case .integer(let number): bindings.append(number)
            }
        }
        // The text is built from constant fragments only (see `EventFilterSQL`); values are bound.
        let sql = """
            SELECT e.seq, e.event_hash, e.event_id, e.event_json, e.event_time, e.record_time FROM epcis_events e
            \(filter.whereClause) \(EventFilterSQL.orderClause(query.order)) LIMIT \(limit)
            """
        var events: [StoredEvent] = []
        for row in try await rows(PostgresQuery(unsafeSQL: sql, binds: bindings)) {
            events.append(try Self.storedEvent(row))
        }
        return EventPage(fetched: events, limit: query.limit, order: query.order)
    }

    /// The events with an event ID, or whose hash is that ID.
    public func events(withID eventID: String, visibleTo organisationID: Int64?) async throws -> [StoredEvent] {
        let hash = EventHash(uri: eventID)?.hex ?? ""
        var events: [StoredEvent] = []
        for row in try await rows(
            """
            SELECT e.seq, e.event_hash, e.event_id, e.event_json, e.event_time, e.record_time FROM epcis_events e
            WHERE (e.event_id = \(eventID) OR e.event_hash = \(hash))
              AND (\(organisationID)::bigint IS NULL OR EXISTS (
                  SELECT 1 FROM epcis_event_owners o WHERE o.event_seq = e.seq AND o.organisation_id = \(organisationID)))
            ORDER BY e.seq
            """)
        {
            events.append(try Self.storedEvent(row))
        }
        return events
    }

    /// A stored event from `seq, event_hash, event_id, event_json, event_time, record_time`.
    static func storedEvent(_ row: PostgresRow) throws -> StoredEvent {
        let (sequence, hex, eventID, json, eventTime, recordTime) =
            try row.decode((Int64, String, String, String, PostgresInstant, PostgresInstant).self)
        return StoredEvent(
            sequence: sequence, hash: try CaptureErrorsCoding.hash(hex: hex), eventID: eventID, json: json,
            eventTime: eventTime.microsecondsSince1970, recordTime: recordTime.microsecondsSince1970)
    }
}

extension PostgresInstant {
    /// The instant a number of microseconds after 1970.
    init(microseconds: Int64) {
        self.init(Date(timeIntervalSince1970: 0))
        microsecondsSince1970 = microseconds
    }
}

extension PostgresStore {
    /// Every event naming any of the identities, with all its identifiers, in capture order.
    public func traceEvents(naming identities: [String], visibleTo organisationID: Int64?) async throws
        -> [TraceEvent]
    {
        var events: [Int64: TraceEvent] = [:]
        for chunk in TraceSQL.chunks(Array(Set(identities))) {
            let filter = TraceSQL.events(naming: chunk, visibleTo: organisationID, placeholder: { "$\($0)" })
            var bindings = PostgresBindings()
            for value in filter.values {
                switch value {
                case .text(let text): bindings.append(text)
                case .instant(let micros): bindings.append(PostgresInstant(microseconds: micros))
                case .integer(let number): bindings.append(number)
                }
            }
            for row in try await rows(PostgresQuery(unsafeSQL: TraceSQL.eventsStatement(filter), binds: bindings)) {
                let (sequence, hex, eventID, type, action, eventTime, bizStep, disposition, readPoint, bizLocation) =
                    try row.decode(
                        (Int64, String, String, String, String?, PostgresInstant, String?, String?, String?, String?)
                            .self)
                events[sequence] = TraceEvent(
                    sequence: sequence, hash: try CaptureErrorsCoding.hash(hex: hex), eventID: eventID, type: type,
                    action: action, eventTime: eventTime.microsecondsSince1970, bizStep: bizStep,
                    disposition: disposition, readPoint: readPoint, bizLocation: bizLocation, identifiers: [])
            }
        }
        for chunk in TraceSQL.chunks(Array(events.keys)) {
            var bindings = PostgresBindings()
            for sequence in chunk { bindings.append(sequence) }
            let statement = TraceSQL.identifiersStatement(count: chunk.count, placeholder: { "$\($0)" })
            for row in try await rows(PostgresQuery(unsafeSQL: statement, binds: bindings)) {
                let (sequence, identity, role) = try row.decode((Int64, String, String).self)
                events[sequence]?.identifiers.append(try TraceSQL.identifier(identity: identity, role: role))
            }
        }
        return events.values.sorted { $0.sequence < $1.sequence }
    }
}
