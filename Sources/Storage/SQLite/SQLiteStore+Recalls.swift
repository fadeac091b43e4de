public import Foundation
import GRDB
public import Passport
import QualityCore
public import Recalls

extension SQLiteStore: RecallStore {
    /// Stores a record with its opening event and recalls its batch, in one write transaction.
    public func openRecall(_ record: RecallRecord, batchRecall: Recall, event: RecallEvent) async throws
        -> (RecallRecord, RecallEvent)
    {
        let gtin = record.scope.gtin.gtin14
        let lot = record.scope.lot
        let openedAt = record.openedAt.microsecondsSince1970
        let remedies = try RecallColumns.remedies(record.remedies)
        let affected = record.affected
        return try await translating(
            unique: .recallActive(gtin: gtin, lot: lot), foreignKey: .organisationNotFound(record.producerID)
        ) {
            try await pool.write { db in
                guard try db.row("SELECT 1 FROM batches WHERE gtin = \(gtin) AND lot = \(lot)") != nil else {
                    throw QualityError.batchNotFound(gtin, lot: lot)
                }
                try db.execute(
                    literal: """
                        INSERT INTO recall_records (gtin, lot, serial_from, serial_to, producer_id, reason, hazard,
                            remedies, regulator_reference, defect_confirmed_on, affected_producer, affected_distributor,
                            affected_retailer, affected_consumer, status, opened_by, opened_at)
                        VALUES (\(gtin), \(lot), \(record.scope.serialFrom), \(record.scope.serialTo), \(record.producerID),
                                \(record.reason), \(record.hazard.rawValue), \(remedies), \(record.regulatorReference),
                                \(record.defectConfirmedOn.description), \(affected.producer), \(affected.distributor),
                                \(affected.retailer), \(affected.consumer), \(record.status.rawValue), \(record.openedBy),
                                \(openedAt))
                        """)
                var stored = record
                stored.id = db.lastInsertedRowID
                stored.openedAt = Date(microsecondsSince1970: openedAt)
                try db.execute(
                    literal: """
                        UPDATE batches
                        SET recalled_at = \(batchRecall.recalledAt.microsecondsSince1970),
                            recalled_by = \(batchRecall.byOrganisationID), recall_reason = \(batchRecall.reason)
                        WHERE gtin = \(gtin) AND lot = \(lot)
                        """)
                return (stored, try Self.insertEvent(event, recallID: stored.id, in: db))
            }
        }
    }

    /// The record with an id, if any.
    public func recall(id: Int64) async throws -> RecallRecord? {
        try await pool.read { db in
            try db.row("SELECT \(Self.recallColumns) FROM recall_records WHERE id = \(id)").map(Self.recallRecord)
        }
    }

    /// A producer's records, or every record, newest first.
    public func recalls(producerID: Int64?) async throws -> [RecallRecord] {
        try await pool.read { db in
            if let producerID {
                return try db.rows(
                    """
                    SELECT \(Self.recallColumns) FROM recall_records WHERE producer_id = \(producerID) ORDER BY id DESC
                    """
                ).map(Self.recallRecord)
            }
            return try db.rows("SELECT \(Self.recallColumns) FROM recall_records ORDER BY id DESC").map(
                Self.recallRecord)
        }
    }

    /// Stores a milestone, moving the record, in one write transaction.
    public func recordMilestone(
        _ milestone: RecallMilestone, recallID: Int64, expectedStatus: RecallRecord.Status,
        newStatus: RecallRecord.Status, reference: String?, event: RecallEvent
    ) async throws -> RecallEvent {
        let recordedAt = milestone.recordedAt.microsecondsSince1970
        return try await translating(unique: .milestoneRecorded(recallID, kind: milestone.kind.rawValue)) {
            try await pool.write { db in
                guard try db.row("SELECT 1 FROM recall_records WHERE id = \(recallID)") != nil else {
                    throw QualityError.recallNotFound(recallID)
                }
                try db.execute(
                    literal: """
                        UPDATE recall_records
                        SET status = \(newStatus.rawValue), regulator_reference = COALESCE(\(reference), regulator_reference)
                        WHERE id = \(recallID) AND status = \(expectedStatus.rawValue)
                        """)
                guard db.changesCount == 1 else { throw QualityError.recallChanged(recallID) }
                let seq = try Self.nextSeq(of: "recall_milestones", recallID: recallID, in: db)
                try db.execute(
                    literal: """
                        INSERT INTO recall_milestones (recall_id, seq, kind, on_day, reference, recorded_by, recorded_at)
                        VALUES (\(recallID), \(seq), \(milestone.kind.rawValue), \(milestone.on.description),
                                \(milestone.reference), \(milestone.recordedBy), \(recordedAt))
                        """)
                return try Self.insertEvent(event, recallID: recallID, in: db)
            }
        }
    }

    /// A record's milestones, by day, then as recorded.
    public func milestones(recallID: Int64) async throws -> [RecallMilestone] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT kind, on_day, reference, recorded_by, recorded_at FROM recall_milestones
                WHERE recall_id = \(recallID) ORDER BY on_day, seq
                """
            ).map(Self.milestone)
        }
    }

    /// Marks a record lifted and clears its batch's recall, in one write transaction.
    public func liftRecall(id: Int64, expectedStatus: RecallRecord.Status, event: RecallEvent) async throws
        -> RecallEvent
    {
        try await pool.write { db in
            guard let row = try db.row("SELECT gtin, lot FROM recall_records WHERE id = \(id)") else {
                throw QualityError.recallNotFound(id)
            }
            let gtin: String = try row.decode(forColumn: "gtin")
            let lot: String = try row.decode(forColumn: "lot")
            try db.execute(
                literal: """
                    UPDATE recall_records SET status = \(RecallRecord.Status.lifted.rawValue)
                    WHERE id = \(id) AND status = \(expectedStatus.rawValue)
                    """)
            guard db.changesCount == 1 else { throw QualityError.recallChanged(id) }
            try db.execute(
                literal: """
                    UPDATE batches SET recalled_at = NULL, recalled_by = NULL, recall_reason = NULL
                    WHERE gtin = \(gtin) AND lot = \(lot)
                    """)
            return try Self.insertEvent(event, recallID: id, in: db)
        }
    }

    /// Creates the notices not there yet, in one write transaction.
    public func addNotices(
        _ drafts: [NoticeDraft], recallID: Int64, at time: Date,
        event: @escaping @Sendable ([String], [String]) -> RecallEvent?
    ) async throws -> (created: [RecallNotice], duplicates: [String], event: RecallEvent?) {
        let micros = time.microsecondsSince1970
        let stamp = Date(microsecondsSince1970: micros)
        return try await pool.write { db in
            try Self.requireActive(recallID, in: db)
            var created: [RecallNotice] = []
            var duplicates: [String] = []
            for draft in drafts {
                let units = draft.units ?? 1
                try db.execute(
                    literal: """
                        INSERT INTO recall_notices (recall_id, order_id, buyer, units, status, response, created_at, updated_at)
                        VALUES (\(recallID), \(draft.orderID), \(draft.buyer), \(units), \(NoticeStatus.queued.rawValue),
                                NULL, \(micros), \(micros))
                        ON CONFLICT (recall_id, order_id) DO NOTHING
                        """)
                if db.changesCount == 1 {
                    created.append(
                        RecallNotice(
                            recallID: recallID, orderID: draft.orderID, buyer: draft.buyer, units: units,
                            status: .queued, response: nil, createdAt: stamp, updatedAt: stamp))
                } else {
                    duplicates.append(draft.orderID)
                }
            }
            let stored = try event(created.map(\.orderID), duplicates).map {
                try Self.insertEvent($0, recallID: recallID, in: db)
            }
            return (created, duplicates, stored)
        }
    }

    /// Changes a notice as `change` decides from its stored state, in one write transaction.
    public func updateNotice(
        recallID: Int64, orderID: String, change: @escaping @Sendable (RecallNotice) throws -> RecallNotice?,
        event: @escaping @Sendable (RecallNotice, RecallNotice) -> RecallEvent
    ) async throws -> (notice: RecallNotice, event: RecallEvent?) {
        try await pool.write { db in
            try Self.requireActive(recallID, in: db)
            guard
                let before = try db.row(
                    """
                    SELECT \(Self.noticeColumns) FROM recall_notices WHERE recall_id = \(recallID) AND order_id = \(orderID)
                    """
                ).map(Self.notice)
            else { throw QualityError.noticeNotFound(recallID, order: orderID) }
            guard var after = try change(before) else { return (before, nil) }
            let micros = after.updatedAt.microsecondsSince1970
            after.updatedAt = Date(microsecondsSince1970: micros)
            try db.execute(
                literal: """
                    UPDATE recall_notices
                    SET status = \(after.status.rawValue), response = \(after.response?.rawValue), updated_at = \(micros)
                    WHERE recall_id = \(recallID) AND order_id = \(orderID)
                    """)
            return (after, try Self.insertEvent(event(before, after), recallID: recallID, in: db))
        }
    }

    /// A page of a record's notices, by order id.
    public func notices(recallID: Int64, status: NoticeStatus?, after: String?, limit: Int) async throws
        -> [RecallNotice]
    {
        try await pool.read { db in
            var query: SQL = "SELECT \(Self.noticeColumns) FROM recall_notices WHERE recall_id = \(recallID)"
            if let status { query += " AND status = \(status.rawValue)" }
            if let after { query += " AND order_id > \(after)" }
            query += " ORDER BY order_id LIMIT \(limit)"
            return try db.rows(query).map(Self.notice)
        }
    }

    /// Counts of a record's notices by status and response.
    public func noticeTally(recallID: Int64) async throws -> NoticeTally {
        try await pool.read { db in
            let rows = try db.rows(
                """
                SELECT status, response, COUNT(*) AS notices, SUM(units) AS units FROM recall_notices
                WHERE recall_id = \(recallID) GROUP BY status, response
                """)
            var byStatus: [NoticeStatus: Int64] = [:]
            var byResponse: [BuyerResponse: Int64] = [:]
            var units: Int64 = 0
            for row in rows {
                let count: Int64 = try row.decode(forColumn: "notices")
                let status = try GovernanceColumns.value(
                    NoticeStatus.self, try row.decode(forColumn: "status"), table: "recall_notices")
                byStatus[status, default: 0] += count
                if let raw: String = try row.decode(forColumn: "response") {
                    byResponse[
                        try GovernanceColumns.value(BuyerResponse.self, raw, table: "recall_notices"), default: 0] +=
                        count
                }
                units += try row.decode(forColumn: "units")
            }
            return NoticeTally(byStatus: byStatus, byResponse: byResponse, units: units)
        }
    }

    /// Stores a report of returns after checking it against the level's affected units, in
    /// one write transaction.
    public func recordReturn(_ report: RecallReturn, recallID: Int64, event: RecallEvent) async throws
        -> (RecallReturn, RecallEvent)
    {
        let recordedAt = report.recordedAt.microsecondsSince1970
        return try await pool.write { db in
            guard
                let record = try db.row("SELECT \(Self.recallColumns) FROM recall_records WHERE id = \(recallID)")
                    .map(Self.recallRecord)
            else { throw QualityError.recallNotFound(recallID) }
            guard record.status.isActive else {
                throw QualityError.recallNotActive(recallID, status: record.status.rawValue)
            }
            let sums = try db.row(
                """
                SELECT COALESCE(SUM(returned), 0) AS returned, COALESCE(SUM(corrected), 0) AS corrected
                FROM recall_returns WHERE recall_id = \(recallID) AND level = \(report.level.rawValue)
                """)
            let returned: Int64 = try sums?.decode(forColumn: "returned") ?? 0
            let corrected: Int64 = try sums?.decode(forColumn: "corrected") ?? 0
            try RecallColumns.checkWithinAffected(
                record, level: report.level, returned: returned + report.returned,
                corrected: corrected + report.corrected)
            let seq = try Self.nextSeq(of: "recall_returns", recallID: recallID, in: db)
            try db.execute(
                literal: """
                    INSERT INTO recall_returns (recall_id, seq, level, returned, corrected, on_day, recorded_by, recorded_at)
                    VALUES (\(recallID), \(seq), \(report.level.rawValue), \(report.returned), \(report.corrected),
                            \(report.on.description), \(report.recordedBy), \(recordedAt))
                    """)
            var stored = report
            stored.id = seq
            stored.recordedAt = Date(microsecondsSince1970: recordedAt)
            return (stored, try Self.insertEvent(event, recallID: recallID, in: db))
        }
    }

    /// A record's returns, by day, then as reported.
    public func returns(recallID: Int64) async throws -> [RecallReturn] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT seq, level, returned, corrected, on_day, recorded_by, recorded_at FROM recall_returns
                WHERE recall_id = \(recallID) ORDER BY on_day, seq
                """
            ).map(Self.recallReturn)
        }
    }

    /// A record's events, oldest first.
    public func events(recallID: Int64) async throws -> [RecallEvent] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT recall_id, seq, kind, actor, at, note, detail FROM recall_events
                WHERE recall_id = \(recallID) ORDER BY seq
                """
            ).map(Self.recallEvent)
        }
    }

    // MARK: Inside a transaction

    /// The next number in a record's sequence in a child table.
    static func nextSeq(of table: String, recallID: Int64, in db: Database) throws -> Int64 {
        let query: SQL = "SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM \(sql: table) WHERE recall_id = \(recallID)"
        return try db.row(query)?.decode(forColumn: "next") ?? 1
    }

    /// Stores an event as the record's next one and returns it as stored.
    static func insertEvent(_ event: RecallEvent, recallID: Int64, in db: Database) throws -> RecallEvent {
        let seq = try nextSeq(of: "recall_events", recallID: recallID, in: db)
        let at = event.at.microsecondsSince1970
        try db.execute(
            literal: """
                INSERT INTO recall_events (recall_id, seq, kind, actor, at, note, detail)
                VALUES (\(recallID), \(seq), \(event.kind.rawValue), \(event.actor), \(at), \(event.note),
                        \(try RecallColumns.detail(event.detail)))
                """)
        var stored = event
        stored.id = seq
        stored.recallID = recallID
        stored.at = Date(microsecondsSince1970: at)
        return stored
    }

    /// Throws unless the record exists and still runs.
    static func requireActive(_ recallID: Int64, in db: Database) throws {
        guard let raw: String = try db.row("SELECT status FROM recall_records WHERE id = \(recallID)")?["status"]
        else { throw QualityError.recallNotFound(recallID) }
        let status = try GovernanceColumns.value(RecallRecord.Status.self, raw, table: "recall_records")
        guard status.isActive else { throw QualityError.recallNotActive(recallID, status: status.rawValue) }
    }
}
