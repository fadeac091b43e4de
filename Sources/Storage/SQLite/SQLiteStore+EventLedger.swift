import GRDB
import QualityCore
public import Trace

extension SQLiteStore {
    /// Stored events with no ledger position, of one capture and/or recorded before a time.
    public func eventsMissingLedgerIndex(
        captureID: String?, recordedBefore: Int64?, limit: Int
    ) async throws -> [UnloggedEvent] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT seq, event_hash, declares_error, organisation_id, record_time, event_json FROM epcis_events
                WHERE ledger_index IS NULL AND (\(captureID) IS NULL OR capture_id = \(captureID))
                  AND (\(recordedBefore) IS NULL OR record_time < \(recordedBefore))
                ORDER BY seq LIMIT \(max(0, limit))
                """
            ).map { row in
                UnloggedEvent(
                    sequence: try row.decode(forColumn: "seq"),
                    hash: try CaptureErrorsCoding.hash(hex: try row.decode(forColumn: "event_hash")),
                    declaresError: try row.decode(forColumn: "declares_error"),
                    organisationID: try row.decode(forColumn: "organisation_id"),
                    recordTime: try row.decode(forColumn: "record_time"), json: try row.decode(forColumn: "event_json"))
            }
        }
    }

    /// Records events' ledger positions in one transaction.
    public func recordLedgerIndexes(_ positions: [EventLedgerPosition]) async throws {
        guard !positions.isEmpty else { return }
        try await pool.write { db in
            for position in positions {
                try db.execute(
                    literal: "UPDATE epcis_events SET ledger_index = \(Int64(position.index)) WHERE seq = \(position.sequence)")
                guard db.changesCount == 1 else {
                    throw QualityError.notFound("event_not_found", "no stored event at position \(position.sequence)")
                }
            }
        }
    }
}
