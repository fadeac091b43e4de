import Foundation
import GRDB
public import Trace

extension SQLiteStore {
    /// Stores a capture as its events arrive, in one write transaction; see `EventStore.saveCapture`.
    ///
    /// The transaction runs on the writer's thread, which waits for each batch as the capture
    /// is read (on other threads), so reading and writing overlap. The events go inside a
    /// savepoint that a rejection (or a rewind) rolls back while the job stays.
    public func saveCapture(_ job: CaptureJob, feed: CaptureFeed) async throws -> CaptureJob {
        try await pool.write { db in
            // A capture touches index pages all over the event tables: give the writer room
            // to keep them (64 MiB; SQLite's default is 2 MiB).
            try db.execute(sql: "PRAGMA cache_size = -65536")
            var job = job
            try db.execute(
                literal: """
                    INSERT INTO epcis_captures
                        (id, organisation_id, created_at, finished_at, success, event_count, accepted_count,
                         duplicate_count, errors)
                    VALUES (\(job.id), \(job.organisationID), \(job.createdAt.microsecondsSince1970),
                            \(job.finishedAt?.microsecondsSince1970), 0, 0, 0, 0, '[]')
                    """)
            let writer = try CapturedEventWriter(db, job: job)
            var outcome = CaptureFeed.Item.rewind
            while case .rewind = outcome {
                writer.counts = (0, 0)
                try db.inSavepoint {
                    while true {
                        let item = feed.nextWaiting()
                        switch item {
                        case .events(let events):
                            try writer.write(events)
                        case .accept:
                            outcome = item
                            return .commit
                        case .reject, .rewind:
                            outcome = item
                            return .rollback
                        case .abandon(let error):
                            throw error
                        }
                    }
                }
            }
            switch outcome {
            case .accept(let count):
                job.success = true
                job.eventCount = count
                (job.acceptedCount, job.duplicateCount) = writer.counts
            case .reject(let count, let errors):
                job.success = false
                job.eventCount = count
                job.errors = errors
                (job.acceptedCount, job.duplicateCount) = (0, 0)
            default:
                preconditionFailure("a capture ends accepted or rejected")
            }
            try db.execute(
                literal: """
                    UPDATE epcis_captures
                    SET success = \(job.success), event_count = \(job.eventCount),
                        accepted_count = \(job.acceptedCount), duplicate_count = \(job.duplicateCount),
                        errors = \(try CaptureErrorsCoding.encode(job.errors))
                    WHERE id = \(job.id)
                    """)
            return job
        }
    }
}

/// Writes captured events through statements bound with SQLite's C API: a capture writes
/// several rows per event, and compiling each from an SQL literal, or boxing each value for
/// GRDB, cost more than the writing.
final class CapturedEventWriter {
    /// Events stored, and events found stored already, since the counts were last reset.
    var counts: (accepted: Int, duplicates: Int) = (0, 0)
    private let db: Database
    private let job: CaptureJob
    private let insertEvent: SQLiteRawStatement
    private let insertIdentifier: SQLiteRawStatement
    private let insertTransaction: SQLiteRawStatement
    private let insertOwner: SQLiteRawStatement
    private let findEvent: SQLiteRawStatement

    /// Prepares the statements on the writer's connection.
    init(_ db: Database, job: CaptureJob) throws {
        self.db = db
        self.job = job
        insertEvent = try SQLiteRawStatement(
            db,
            sql: """
                INSERT OR IGNORE INTO epcis_events
                    (event_hash, declares_error, event_id, capture_id, organisation_id, event_type, action,
                     event_time, record_time, biz_step, disposition, read_point, biz_location, event_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertIdentifier = try SQLiteRawStatement(
            db, sql: "INSERT OR IGNORE INTO epcis_event_identifiers (identity, role, event_seq) VALUES (?, ?, ?)")
        insertTransaction = try SQLiteRawStatement(
            db, sql: "INSERT OR IGNORE INTO epcis_event_transactions (type, identity, event_seq) VALUES (?, ?, ?)")
        insertOwner = try SQLiteRawStatement(
            db, sql: "INSERT OR IGNORE INTO epcis_event_owners (organisation_id, event_seq) VALUES (?, ?)")
        findEvent = try SQLiteRawStatement(
            db, sql: "SELECT seq FROM epcis_events WHERE event_hash = ? AND declares_error = ?")
    }

    /// Stores a batch of events; one already stored (same key) only gains the capturing owner.
    func write(_ events: [CapturedEvent]) throws {
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
                counts.accepted += 1
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
                counts.duplicates += 1
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
    }
}
