import Foundation
import GRDB
import QualityCore
import Recalls

/// Reading recall values out of SQLite rows, next to their column lists.
extension SQLiteStore {
    /// The columns `recallRecord(_:)` reads.
    static let recallColumns: SQL = """
        id, gtin, lot, serial_from, serial_to, producer_id, reason, hazard, remedies, regulator_reference,
        defect_confirmed_on, affected_producer, affected_distributor, affected_retailer, affected_consumer, status,
        opened_by, opened_at
        """
    /// The columns `notice(_:)` reads.
    static let noticeColumns: SQL = "recall_id, order_id, buyer, units, status, response, created_at, updated_at"

    /// A record from a row of `recallColumns`.
    static func recallRecord(_ row: Row) throws -> RecallRecord {
        let table = "recall_records"
        return RecallRecord(
            id: try row.decode(forColumn: "id"),
            scope: RecallRecord.Scope(
                gtin: try RecallColumns.gtin(try row.decode(forColumn: "gtin")), lot: try row.decode(forColumn: "lot"),
                serialFrom: try row.decode(forColumn: "serial_from"), serialTo: try row.decode(forColumn: "serial_to")),
            producerID: try row.decode(forColumn: "producer_id"), reason: try row.decode(forColumn: "reason"),
            hazard: try GovernanceColumns.value(HazardClass.self, try row.decode(forColumn: "hazard"), table: table),
            remedies: try RecallColumns.remedies(try row.decode(forColumn: "remedies") as String),
            regulatorReference: try row.decode(forColumn: "regulator_reference"),
            defectConfirmedOn: try GovernanceColumns.day(
                try row.decode(forColumn: "defect_confirmed_on"), table: table),
            affected: UnitCounts(
                producer: try row.decode(forColumn: "affected_producer"),
                distributor: try row.decode(forColumn: "affected_distributor"),
                retailer: try row.decode(forColumn: "affected_retailer"),
                consumer: try row.decode(forColumn: "affected_consumer")),
            status: try GovernanceColumns.value(
                RecallRecord.Status.self, try row.decode(forColumn: "status"), table: table),
            openedBy: try row.decode(forColumn: "opened_by"),
            openedAt: Date(microsecondsSince1970: try row.decode(forColumn: "opened_at")))
    }

    /// A milestone from a row of `kind, on_day, reference, recorded_by, recorded_at`.
    static func milestone(_ row: Row) throws -> RecallMilestone {
        let table = "recall_milestones"
        return RecallMilestone(
            kind: try GovernanceColumns.value(
                RecallMilestone.Kind.self, try row.decode(forColumn: "kind"), table: table),
            on: try GovernanceColumns.day(try row.decode(forColumn: "on_day"), table: table),
            reference: try row.decode(forColumn: "reference"), recordedBy: try row.decode(forColumn: "recorded_by"),
            recordedAt: Date(microsecondsSince1970: try row.decode(forColumn: "recorded_at")))
    }

    /// A notice from a row of `noticeColumns`.
    static func notice(_ row: Row) throws -> RecallNotice {
        let table = "recall_notices"
        let response: String? = try row.decode(forColumn: "response")
        return RecallNotice(
            recallID: try row.decode(forColumn: "recall_id"), orderID: try row.decode(forColumn: "order_id"),
            buyer: try row.decode(forColumn: "buyer"), units: try row.decode(forColumn: "units"),
            status: try GovernanceColumns.value(NoticeStatus.self, try row.decode(forColumn: "status"), table: table),
            response: try response.map { try GovernanceColumns.value(BuyerResponse.self, $0, table: table) },
            createdAt: Date(microsecondsSince1970: try row.decode(forColumn: "created_at")),
            updatedAt: Date(microsecondsSince1970: try row.decode(forColumn: "updated_at")))
    }

    /// A return report from a row of `seq, level, returned, corrected, on_day, recorded_by, recorded_at`.
    static func recallReturn(_ row: Row) throws -> RecallReturn {
        let table = "recall_returns"
        return RecallReturn(
            id: try row.decode(forColumn: "seq"),
            level: try GovernanceColumns.value(SupplyLevel.self, try row.decode(forColumn: "level"), table: table),
            returned: try row.decode(forColumn: "returned"), corrected: try row.decode(forColumn: "corrected"),
            on: try GovernanceColumns.day(try row.decode(forColumn: "on_day"), table: table),
            recordedBy: try row.decode(forColumn: "recorded_by"),
            recordedAt: Date(microsecondsSince1970: try row.decode(forColumn: "recorded_at")))
    }

    /// An event from a row of `recall_id, seq, kind, actor, at, note, detail`.
    static func recallEvent(_ row: Row) throws -> RecallEvent {
        RecallEvent(
            id: try row.decode(forColumn: "seq"), recallID: try row.decode(forColumn: "recall_id"),
            kind: try GovernanceColumns.value(
                RecallEvent.Kind.self, try row.decode(forColumn: "kind"), table: "recall_events"),
            actor: try row.decode(forColumn: "actor"),
            at: Date(microsecondsSince1970: try row.decode(forColumn: "at")), note: try row.decode(forColumn: "note"),
            detail: try RecallColumns.detail(try row.decode(forColumn: "detail") as String))
    }
}
