import Foundation
import PostgresNIO
public import Trace

extension PostgresStore {
    /// Stores a capture as its events arrive, in one transaction; see `EventStore.saveCapture`.
    ///
    /// Each batch is written with one statement per table, its rows bound as arrays and
    /// unnested on the server, rather than a round trip per row. The events go inside a
    /// savepoint that a rejection (or a rewind) rolls back while the job stays.
    public func saveCapture(_ job: CaptureJob, feed: CaptureFeed) async throws -> CaptureJob {
        let logger = self.logger
        let createdAt = PostgresInstant(job.createdAt)
        let finishedAt = job.finishedAt.map(PostgresInstant.init)
        return try await transaction { connection in
            var job = job
            try await connection.query(
                """
                INSERT INTO epcis_captures
                    (id, organisation_id, created_at, finished_at, success, event_count, accepted_count,
                     duplicate_count, errors)
                VALUES (\(job.id), \(job.organisationID), \(createdAt), \(finishedAt), false, 0, 0, 0, '[]')
                """, logger: logger)
            try await connection.query("SAVEPOINT capture_events", logger: logger)
            var counts = (accepted: 0, duplicates: 0)
            var outcome: CaptureFeed.Item
            reading: while true {
                let item = await feed.next()
                switch item {
                case .events(let events):
                    try await Self.write(events, of: job, on: connection, logger: logger, counts: &counts)
                case .accept:
                    outcome = item
                    try await connection.query("RELEASE SAVEPOINT capture_events", logger: logger)
                    break reading
                case .reject:
                    outcome = item
                    try await connection.query("ROLLBACK TO SAVEPOINT capture_events", logger: logger)
                    break reading
                case .rewind:
                    try await connection.query("ROLLBACK TO SAVEPOINT capture_events", logger: logger)
                    counts = (0, 0)
                case .abandon(let error):
                    throw error
                }
            }
            switch outcome {
            case .accept(let count):
                job.success = true
                job.eventCount = count
                (job.acceptedCount, job.duplicateCount) = counts
            case .reject(let count, let errors):
                job.success = false
                job.eventCount = count
                job.errors = errors
                (job.acceptedCount, job.duplicateCount) = (0, 0)
            default:
                preconditionFailure("a capture ends accepted or rejected")
            }
            let errors = try CaptureErrorsCoding.encode(job.errors)
            try await connection.query(
                """
                UPDATE epcis_captures
                SET success = \(job.success), event_count = \(Int64(job.eventCount)),
                    accepted_count = \(Int64(job.acceptedCount)), duplicate_count = \(Int64(job.duplicateCount)),
                    errors = \(errors)
                WHERE id = \(job.id)
                """, logger: logger)
            return job
        }
    }

    /// Stores a batch of events: new ones with their identifiers and transactions, and the
    /// capturing organisation as an owner of each, new or already stored.
    private static func write(
        _ events: [CapturedEvent], of job: CaptureJob, on connection: PostgresConnection, logger: Logger,
        counts: inout (accepted: Int, duplicates: Int)
    ) async throws {
        guard !events.isEmpty else { return }
        let hashes = events.map(\.hash.hex)
        let declares = events.map(\.declaresError)
        // Unnested arrays cannot hold NULL here, so absent values travel as '' (which no valid
        // event has in these columns: actions, vocabulary URIs and identities are never empty).
        let inserted = try await connection.query(
            """
            INSERT INTO epcis_events
                (event_hash, declares_error, event_id, capture_id, organisation_id, event_type, action,
                 event_time, record_time, biz_step, disposition, read_point, biz_location, event_json)
            SELECT e.hash, e.declares, e.id, \(job.id), \(job.organisationID), e.type, NULLIF(e.action, ''),
                   e.event_time, e.record_time, NULLIF(e.step, ''), NULLIF(e.disposition, ''),
                   NULLIF(e.read_point, ''), NULLIF(e.location, ''), e.json
            FROM unnest(\(hashes)::text[], \(declares)::boolean[], \(events.map(\.eventID))::text[],
                        \(events.map(\.type))::text[], \(events.map { $0.action ?? "" })::text[],
                        \(events.map { PostgresInstant(microseconds: $0.eventTime) })::timestamptz[],
                        \(events.map { PostgresInstant(microseconds: $0.recordTime) })::timestamptz[],
                        \(events.map { $0.bizStep ?? "" })::text[], \(events.map { $0.disposition ?? "" })::text[],
                        \(events.map { $0.readPoint ?? "" })::text[], \(events.map { $0.bizLocation ?? "" })::text[],
                        \(events.map(\.json))::text[])
                 WITH ORDINALITY
                 AS e(hash, declares, id, type, action, event_time, record_time, step, disposition, read_point,
                      location, json, position)
            ORDER BY e.position
            ON CONFLICT (event_hash, declares_error) DO NOTHING
            RETURNING seq, event_hash, declares_error
            """, logger: logger
        ).collect()
        var sequences: [EventKey: Int64] = [:]
        for row in inserted {
            let (sequence, hash, declaresError) = try row.decode((Int64, String, Bool).self)
            sequences[EventKey(hash: hash, declaresError: declaresError)] = sequence
        }
        counts.accepted += inserted.count
        counts.duplicates += events.count - inserted.count
        var identities: [String] = []
        var roles: [String] = []
        var identifierEvents: [Int64] = []
        var transactionTypes: [String] = []
        var transactionIdentities: [String] = []
        var transactionEvents: [Int64] = []
        var claimed = Set<EventKey>()
        for event in events {
            let key = EventKey(hash: event.hash.hex, declaresError: event.declaresError)
            // The first of two equal events in a batch is the one stored; the second is a duplicate.
            guard let sequence = sequences[key], claimed.insert(key).inserted else { continue }
            for identifier in event.identifiers {
                identities.append(identifier.identity)
                roles.append(identifier.role.rawValue)
                identifierEvents.append(sequence)
            }
            for transaction in event.transactions {
                transactionTypes.append(transaction.type)
                transactionIdentities.append(transaction.identity)
                transactionEvents.append(sequence)
            }
        }
        if !identities.isEmpty {
            try await connection.query(
                """
                INSERT INTO epcis_event_identifiers (identity, role, event_seq)
                SELECT * FROM unnest(\(identities)::text[], \(roles)::text[], \(identifierEvents)::bigint[])
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        if !transactionTypes.isEmpty {
            try await connection.query(
                """
                INSERT INTO epcis_event_transactions (type, identity, event_seq)
                SELECT * FROM unnest(\(transactionTypes)::text[], \(transactionIdentities)::text[],
                                     \(transactionEvents)::bigint[])
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        guard let owner = job.organisationID else { return }
        if inserted.count < events.count {
            let existing = try await connection.query(
                """
                SELECT e.seq, e.event_hash, e.declares_error FROM epcis_events e
                JOIN unnest(\(hashes)::text[], \(declares)::boolean[]) AS k(hash, declares)
                  ON e.event_hash = k.hash AND e.declares_error = k.declares
                """, logger: logger
            ).collect()
            for row in existing {
                let (sequence, hash, declaresError) = try row.decode((Int64, String, Bool).self)
                sequences[EventKey(hash: hash, declaresError: declaresError)] = sequence
            }
        }
        let owned = Array(Set(sequences.values)).sorted()
        guard owned.count == Set(events.map { EventKey(hash: $0.hash.hex, declaresError: $0.declaresError) }).count
        else {
            throw CorruptRow(table: "epcis_events", problem: "duplicate without a row")
        }
        try await connection.query(
            """
            INSERT INTO epcis_event_owners (organisation_id, event_seq)
            SELECT \(owner), s FROM unnest(\(owned)::bigint[]) AS s
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// An event's key in `epcis_events`.
    private struct EventKey: Hashable {
        let hash: String
        let declaresError: Bool
    }
}
