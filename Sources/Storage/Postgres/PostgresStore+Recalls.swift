public import Foundation
import Logging
public import Passport
import PostgresNIO
import QualityCore
public import Recalls

/// Recall records. Every change to a record runs in one transaction that first locks the
/// record's row, so that its checks (status, units reported so far) and its per-record
/// sequence numbers hold against concurrent servers.
extension PostgresStore: RecallStore {
    /// Stores a record with its opening event and recalls its batch, in one transaction; the
    /// batch row is locked first.
    public func openRecall(_ record: RecallRecord, batchRecall: Recall, event: RecallEvent) async throws
        -> (RecallRecord, RecallEvent)
    {
        let gtin = record.scope.gtin.gtin14
        let lot = record.scope.lot
        let openedAt = PostgresInstant(record.openedAt)
        let remedies = try RecallColumns.remedies(record.remedies)
        let affected = record.affected
        let logger = self.logger
        return try await translating(
            unique: .recallActive(gtin: gtin, lot: lot), foreignKey: .organisationNotFound(record.producerID)
        ) {
            try await transaction { connection in
                let batch = try await connection.query(
                    "SELECT 1 FROM batches WHERE gtin = \(gtin) AND lot = \(lot) FOR UPDATE", logger: logger
                ).collect()
                guard !batch.isEmpty else { throw QualityError.batchNotFound(gtin, lot: lot) }
                let rows = try await connection.query(
                    """
                    INSERT INTO recall_records (gtin, lot, serial_from, serial_to, producer_id, reason, hazard,
                        remedies, regulator_reference, defect_confirmed_on, affected_producer, affected_distributor,
                        affected_retailer, affected_consumer, status, opened_by, opened_at)
                    VALUES (\(gtin), \(lot), \(record.scope.serialFrom), \(record.scope.serialTo), \(record.producerID),
                            \(record.reason), \(record.hazard.rawValue), \(remedies), \(record.regulatorReference),
                            \(PostgresDay(record.defectConfirmedOn)), \(affected.producer), \(affected.distributor),
                            \(affected.retailer), \(affected.consumer), \(record.status.rawValue), \(record.openedBy),
                            \(openedAt))
                    RETURNING id
                    """, logger: logger
                ).collect()
                guard let row = rows.first else {
                    throw CorruptRow(table: "recall_records", problem: "insert returned no id")
                }
                var stored = record
                stored.id = try row.decode(Int64.self)
                stored.openedAt = openedAt.date
                try await connection.query(
                    """
                    UPDATE batches
                    SET recalled_at = \(PostgresInstant(batchRecall.recalledAt)),
                        recalled_by = \(batchRecall.byOrganisationID), recall_reason = \(batchRecall.reason)
                    WHERE gtin = \(gtin) AND lot = \(lot)
                    """, logger: logger)
                return (stored, try await Self.insertEvent(event, recallID: stored.id, on: connection, logger: logger))
            }
        }
    }

    /// The record with an id, if any.
    public func recall(id: Int64) async throws -> RecallRecord? {
        try await rows("SELECT \(unescaped: Self.recallColumns) FROM recall_records WHERE id = \(id)").first
            .map(Self.recallRecord)
    }

    /// A producer's records, or every record, newest first.
    public func recalls(producerID: Int64?) async throws -> [RecallRecord] {
        if let producerID {
            return try await rows(
                """
                SELECT \(unescaped: Self.recallColumns) FROM recall_records WHERE producer_id = \(producerID)
                ORDER BY id DESC
                """
            ).map(Self.recallRecord)
        }
        return try await rows("SELECT \(unescaped: Self.recallColumns) FROM recall_records ORDER BY id DESC")
            .map(Self.recallRecord)
    }

    /// Stores a milestone, moving the record, in one transaction.
    public func recordMilestone(
        _ milestone: RecallMilestone, recallID: Int64, expectedStatus: RecallRecord.Status,
        newStatus: RecallRecord.Status, reference: String?, event: RecallEvent
    ) async throws -> RecallEvent {
        let logger = self.logger
        return try await translating(unique: .milestoneRecorded(recallID, kind: milestone.kind.rawValue)) {
            try await transaction { connection in
                _ = try await Self.lockRecord(recallID, on: connection, logger: logger)
                let moved = try await connection.query(
                    """
                    UPDATE recall_records
                    SET status = \(newStatus.rawValue), regulator_reference = COALESCE(\(reference), regulator_reference)
                    WHERE id = \(recallID) AND status = \(expectedStatus.rawValue)
                    RETURNING id
                    """, logger: logger
                ).collect()
                guard !moved.isEmpty else { throw QualityError.recallChanged(recallID) }
                let seq = try await Self.nextSeq(
                    of: "recall_milestones", recallID: recallID, on: connection, logger: logger)
                try await connection.query(
                    """
                    INSERT INTO recall_milestones (recall_id, seq, kind, on_day, reference, recorded_by, recorded_at)
                    VALUES (\(recallID), \(seq), \(milestone.kind.rawValue), \(PostgresDay(milestone.on)),
                            \(milestone.reference), \(milestone.recordedBy), \(PostgresInstant(milestone.recordedAt)))
                    """, logger: logger)
                return try await Self.insertEvent(event, recallID: recallID, on: connection, logger: logger)
            }
        }
    }

    /// A record's milestones, by day, then as recorded.
    public func milestones(recallID: Int64) async throws -> [RecallMilestone] {
        try await rows(
            """
            SELECT kind, on_day, reference, recorded_by, recorded_at FROM recall_milestones
            WHERE recall_id = \(recallID) ORDER BY on_day, seq
            """
        ).map(Self.milestone)
    }

    /// Marks a record lifted and clears its batch's recall, in one transaction.
    public func liftRecall(id: Int64, expectedStatus: RecallRecord.Status, event: RecallEvent) async throws
        -> RecallEvent
    {
        let logger = self.logger
        return try await transaction { connection in
            let record = try await Self.lockRecord(id, on: connection, logger: logger)
            guard record.status == expectedStatus else { throw QualityError.recallChanged(id) }
            try await connection.query(
                "UPDATE recall_records SET status = \(RecallRecord.Status.lifted.rawValue) WHERE id = \(id)",
                logger: logger)
            try await connection.query(
                """
                UPDATE batches SET recalled_at = NULL, recalled_by = NULL, recall_reason = NULL
                WHERE gtin = \(record.scope.gtin.gtin14) AND lot = \(record.scope.lot)
                """, logger: logger)
            return try await Self.insertEvent(event, recallID: id, on: connection, logger: logger)
        }
    }

    /// Creates the notices not there yet, in one transaction and one statement: the orders go in
    /// as column arrays through `unnest`, and `ON CONFLICT DO NOTHING … RETURNING` names the
    /// rows that were new. A buyer is sent as `''` for none (a checked buyer is never empty).
    public func addNotices(
        _ drafts: [NoticeDraft], recallID: Int64, at time: Date,
        event: @escaping @Sendable ([String], [String]) -> RecallEvent?
    ) async throws -> (created: [RecallNotice], duplicates: [String], event: RecallEvent?) {
        let stamp = PostgresInstant(time)
        let logger = self.logger
        let orders = drafts.map(\.orderID)
        let buyers = drafts.map { $0.buyer ?? "" }
        let units = drafts.map { $0.units ?? 1 }
        return try await transaction { connection in
            let record = try await Self.lockRecord(recallID, on: connection, logger: logger)
            guard record.status.isActive else {
                throw QualityError.recallNotActive(recallID, status: record.status.rawValue)
            }
            let inserted = try await connection.query(
                """
                INSERT INTO recall_notices (recall_id, order_id, buyer, units, status, response, created_at, updated_at)
                SELECT \(recallID), o.order_id, NULLIF(o.buyer, ''), o.units, \(NoticeStatus.queued.rawValue), NULL,
                       \(stamp), \(stamp)
                FROM unnest(\(orders)::text[], \(buyers)::text[], \(units)::bigint[]) AS o(order_id, buyer, units)
                ON CONFLICT (recall_id, order_id) DO NOTHING
                RETURNING order_id
                """, logger: logger
            ).collect()
            var new: Set<String> = []
            for row in inserted { new.insert(try row.decode(String.self)) }
            var created: [RecallNotice] = []
            var duplicates: [String] = []
            for draft in drafts {
                if new.contains(draft.orderID) {
                    created.append(
                        RecallNotice(
                            recallID: recallID, orderID: draft.orderID, buyer: draft.buyer, units: draft.units ?? 1,
                            status: .queued, response: nil, createdAt: stamp.date, updatedAt: stamp.date))
                } else {
                    duplicates.append(draft.orderID)
                }
            }
            var stored: RecallEvent?
            if let made = event(created.map(\.orderID), duplicates) {
                stored = try await Self.insertEvent(made, recallID: recallID, on: connection, logger: logger)
            }
            return (created, duplicates, stored)
        }
    }

    /// Changes a notice as `change` decides from its locked row, in one transaction.
    public func updateNotice(
        recallID: Int64, orderID: String, change: @escaping @Sendable (RecallNotice) throws -> RecallNotice?,
        event: @escaping @Sendable (RecallNotice, RecallNotice) -> RecallEvent
    ) async throws -> (notice: RecallNotice, event: RecallEvent?) {
        let logger = self.logger
        return try await transaction { connection in
            let record = try await Self.lockRecord(recallID, on: connection, logger: logger)
            guard record.status.isActive else {
                throw QualityError.recallNotActive(recallID, status: record.status.rawValue)
            }
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.noticeColumns) FROM recall_notices
                WHERE recall_id = \(recallID) AND order_id = \(orderID)
                """, logger: logger
            ).collect()
            guard let before = try rows.first.map(Self.notice) else {
                throw QualityError.noticeNotFound(recallID, order: orderID)
            }
            guard var after = try change(before) else { return (before, nil) }
            let updatedAt = PostgresInstant(after.updatedAt)
            after.updatedAt = updatedAt.date
            try await connection.query(
                """
                UPDATE recall_notices
                SET status = \(after.status.rawValue), response = \(after.response?.rawValue), updated_at = \(updatedAt)
                WHERE recall_id = \(recallID) AND order_id = \(orderID)
                """, logger: logger)
            return (
                after,
                try await Self.insertEvent(event(before, after), recallID: recallID, on: connection, logger: logger)
            )
        }
    }

    /// A page of a record's notices, by order id.
    public func notices(recallID: Int64, status: NoticeStatus?, after: String?, limit: Int) async throws
        -> [RecallNotice]
    {
        try await rows(
            """
            SELECT \(unescaped: Self.noticeColumns) FROM recall_notices
            WHERE recall_id = \(recallID) AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
              AND (\(after)::text IS NULL OR order_id > \(after))
            ORDER BY order_id LIMIT \(limit)
            """
        ).map(Self.notice)
    }

    /// Counts of a record's notices by status and response.
    public func noticeTally(recallID: Int64) async throws -> NoticeTally {
        let rows = try await rows(
            """
            SELECT status, response, COUNT(*), COALESCE(SUM(units), 0)::bigint FROM recall_notices
            WHERE recall_id = \(recallID) GROUP BY status, response
            """)
        var byStatus: [NoticeStatus: Int64] = [:]
        var byResponse: [BuyerResponse: Int64] = [:]
        var units: Int64 = 0
        for row in rows {
            let (status, response, count, sum) = try row.decode((String, String?, Int64, Int64).self)
            byStatus[try GovernanceColumns.value(NoticeStatus.self, status, table: "recall_notices"), default: 0] +=
                count
            if let response {
                byResponse[
                    try GovernanceColumns.value(BuyerResponse.self, response, table: "recall_notices"), default: 0] +=
                    count
            }
            units += sum
        }
        return NoticeTally(byStatus: byStatus, byResponse: byResponse, units: units)
    }

    /// Stores a report of returns after checking it against the level's affected units, in one
    /// transaction holding the record's lock.
    public func recordReturn(_ report: RecallReturn, recallID: Int64, event: RecallEvent) async throws
        -> (RecallReturn, RecallEvent)
    {
        let recordedAt = PostgresInstant(report.recordedAt)
        let logger = self.logger
        return try await transaction { connection in
            let record = try await Self.lockRecord(recallID, on: connection, logger: logger)
            guard record.status.isActive else {
                throw QualityError.recallNotActive(recallID, status: record.status.rawValue)
            }
            let sums = try await connection.query(
                """
                SELECT COALESCE(SUM(returned), 0)::bigint, COALESCE(SUM(corrected), 0)::bigint FROM recall_returns
                WHERE recall_id = \(recallID) AND level = \(report.level.rawValue)
                """, logger: logger
            ).collect()
            var (returned, corrected): (Int64, Int64) = (0, 0)
            if let row = sums.first { (returned, corrected) = try row.decode((Int64, Int64).self) }
            try RecallColumns.checkWithinAffected(
                record, level: report.level, returned: returned + report.returned,
                corrected: corrected + report.corrected)
            let seq = try await Self.nextSeq(of: "recall_returns", recallID: recallID, on: connection, logger: logger)
            try await connection.query(
                """
                INSERT INTO recall_returns (recall_id, seq, level, returned, corrected, on_day, recorded_by, recorded_at)
                VALUES (\(recallID), \(seq), \(report.level.rawValue), \(report.returned), \(report.corrected),
                        \(PostgresDay(report.on)), \(report.recordedBy), \(recordedAt))
                """, logger: logger)
            var stored = report
            stored.id = seq
            stored.recordedAt = recordedAt.date
            return (stored, try await Self.insertEvent(event, recallID: recallID, on: connection, logger: logger))
        }
    }

    /// A record's returns, by day, then as reported.
    public func returns(recallID: Int64) async throws -> [RecallReturn] {
        try await rows(
            """
            SELECT seq, level, returned, corrected, on_day, recorded_by, recorded_at FROM recall_returns
            WHERE recall_id = \(recallID) ORDER BY on_day, seq
            """
        ).map(Self.recallReturn)
    }

    /// A record's events, oldest first.
    public func events(recallID: Int64) async throws -> [RecallEvent] {
        try await rows(
            """
            SELECT recall_id, seq, kind, actor, at, note, detail FROM recall_events
            WHERE recall_id = \(recallID) ORDER BY seq
            """
        ).map(Self.recallEvent)
    }

    // MARK: Inside a transaction

    /// Locks a record's row for the rest of the transaction and reads it.
    static func lockRecord(_ id: Int64, on connection: PostgresConnection, logger: Logger) async throws
        -> RecallRecord
    {
        let rows = try await connection.query(
            "SELECT \(unescaped: recallColumns) FROM recall_records WHERE id = \(id) FOR UPDATE", logger: logger
        ).collect()
        guard let record = try rows.first.map(recallRecord) else { throw QualityError.recallNotFound(id) }
        return record
    }

    /// The next number in a record's sequence in a child table (the record's lock is held).
    static func nextSeq(of table: String, recallID: Int64, on connection: PostgresConnection, logger: Logger)
        async throws -> Int64
    {
        let rows = try await connection.query(
            "SELECT COALESCE(MAX(seq), 0)::bigint + 1 FROM \(unescaped: table) WHERE recall_id = \(recallID)",
            logger: logger
        ).collect()
        return try rows.first?.decode(Int64.self) ?? 1
    }

    /// Stores an event as the record's next one and returns it as stored.
    static func insertEvent(
        _ event: RecallEvent, recallID: Int64, on connection: PostgresConnection, logger: Logger
    ) async throws -> RecallEvent {
        let seq = try await nextSeq(of: "recall_events", recallID: recallID, on: connection, logger: logger)
        let at = PostgresInstant(event.at)
        try await connection.query(
            """
            INSERT INTO recall_events (recall_id, seq, kind, actor, at, note, detail)
            VALUES (\(recallID), \(seq), \(event.kind.rawValue), \(event.actor), \(at), \(event.note),
                    \(try RecallColumns.detail(event.detail)))
            """, logger: logger)
        var stored = event
        stored.id = seq
        stored.recallID = recallID
        stored.at = at.date
        return stored
    }
}
