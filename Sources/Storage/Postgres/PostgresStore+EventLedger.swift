import PostgresNIO
import QualityCore
public import Trace

extension PostgresStore {
    /// Stored events with no ledger position, of one capture and/or recorded before a time.
    public func eventsMissingLedgerIndex(
        captureID: String?, recordedBefore: Int64?, limit: Int
    ) async throws -> [UnloggedEvent] {
        let before = recordedBefore.map { PostgresInstant(microseconds: $0) }
        let rows = try await rows(
            """
            SELECT seq, event_hash, declares_error, organisation_id, record_time, event_json FROM epcis_events
            WHERE ledger_index IS NULL AND (\(captureID)::text IS NULL OR capture_id = \(captureID))
              AND (\(before)::timestamptz IS NULL OR record_time < \(before))
            ORDER BY seq LIMIT \(Int64(max(0, limit)))
            """)
        return try rows.map(Self.unloggedEvent)
    }

    /// An unlogged event from `seq, event_hash, declares_error, organisation_id, record_time, event_json`.
    static func unloggedEvent(_ row: PostgresRow) throws -> UnloggedEvent {
        let (sequence, hex, declaresError, organisationID, recordTime, json) =
            try row.decode((Int64, String, Bool, Int64?, PostgresInstant, String).self)
        return UnloggedEvent(
            sequence: sequence, hash: try CaptureErrorsCoding.hash(hex: hex), declaresError: declaresError,
            organisationID: organisationID, recordTime: recordTime.microsecondsSince1970, json: json)
    }

    /// Records events' ledger positions in one statement (hence one transaction).
    public func recordLedgerIndexes(_ positions: [EventLedgerPosition]) async throws {
        guard !positions.isEmpty else { return }
        let sequences = positions.map(\.sequence)
        let indexes = positions.map { Int64($0.index) }
        let updated = try await rows(
            """
            UPDATE epcis_events e SET ledger_index = p.ledger_index
            FROM unnest(\(sequences)::bigint[], \(indexes)::bigint[]) AS p(seq, ledger_index)
            WHERE e.seq = p.seq
            RETURNING e.seq
            """)
        guard updated.count == positions.count else {
            throw QualityError.notFound(
                "event_not_found", "\(positions.count - updated.count) of the events to mark are not stored")
        }
    }
}
