import Foundation
import PostgresNIO
import QualityCore
import Recalls

/// Reading recall values out of PostgreSQL rows; each reader decodes its column list in order.
extension PostgresStore {
    /// The columns `recallRecord(_:)` reads.
    static let recallColumns = """
        id, gtin, lot, serial_from, serial_to, producer_id, reason, hazard, remedies, regulator_reference,
        defect_confirmed_on, affected_producer, affected_distributor, affected_retailer, affected_consumer, status,
        opened_by, opened_at
        """
    /// The columns `notice(_:)` reads.
    static let noticeColumns = "recall_id, order_id, buyer, units, status, response, created_at, updated_at"

    /// A record from a row of `recallColumns`.
    static func recallRecord(_ row: PostgresRow) throws -> RecallRecord {
        let table = "recall_records"
        let (
            id, gtin, lot, serialFrom, serialTo, producerID, reason, hazard, remedies, reference, confirmed,
            producer, distributor, retailer, consumer, status, openedBy, openedAt
        ) = try row.decode(
            (
                Int64, String, String, String?, String?, Int64, String, String, String, String?, PostgresDay,
                Int64, Int64, Int64, Int64, String, String, PostgresInstant
            ).self)
        return RecallRecord(
            id: id,
            scope: RecallRecord.Scope(
                gtin: try RecallColumns.gtin(gtin), lot: lot, serialFrom: serialFrom, serialTo: serialTo),
            producerID: producerID, reason: reason,
            hazard: try GovernanceColumns.value(HazardClass.self, hazard, table: table),
            remedies: try RecallColumns.remedies(remedies), regulatorReference: reference,
            defectConfirmedOn: confirmed.day,
            affected: UnitCounts(producer: producer, distributor: distributor, retailer: retailer, consumer: consumer),
            status: try GovernanceColumns.value(RecallRecord.Status.self, status, table: table), openedBy: openedBy,
            openedAt: openedAt.date)
    }

    /// A milestone from a row of `kind, on_day, reference, recorded_by, recorded_at`.
    static func milestone(_ row: PostgresRow) throws -> RecallMilestone {
        let (kind, on, reference, recordedBy, recordedAt) = try row.decode(
            (String, PostgresDay, String?, String, PostgresInstant).self)
        return RecallMilestone(
            kind: try GovernanceColumns.value(RecallMilestone.Kind.self, kind, table: "recall_milestones"), on: on.day,
            reference: reference, recordedBy: recordedBy, recordedAt: recordedAt.date)
    }

    /// A notice from a row of `noticeColumns`.
    static func notice(_ row: PostgresRow) throws -> RecallNotice {
        let table = "recall_notices"
        let (recallID, orderID, buyer, units, status, response, createdAt, updatedAt) = try row.decode(
            (Int64, String, String?, Int64, String, String?, PostgresInstant, PostgresInstant).self)
        return RecallNotice(
            recallID: recallID, orderID: orderID, buyer: buyer, units: units,
            status: try GovernanceColumns.value(NoticeStatus.self, status, table: table),
            response: try response.map { try GovernanceColumns.value(BuyerResponse.self, $0, table: table) },
            createdAt: createdAt.date, updatedAt: updatedAt.date)
    }

    /// A return report from a row of `seq, level, returned, corrected, on_day, recorded_by, recorded_at`.
    static func recallReturn(_ row: PostgresRow) throws -> RecallReturn {
        let (seq, level, returned, corrected, on, recordedBy, recordedAt) = try row.decode(
            (Int64, String, Int64, Int64, PostgresDay, String, PostgresInstant).self)
        return RecallReturn(
            id: seq, level: try GovernanceColumns.value(SupplyLevel.self, level, table: "recall_returns"),
            returned: returned, corrected: corrected, on: on.day, recordedBy: recordedBy, recordedAt: recordedAt.date)
    }

    /// An event from a row of `recall_id, seq, kind, actor, at, note, detail`.
    static func recallEvent(_ row: PostgresRow) throws -> RecallEvent {
        let (recallID, seq, kind, actor, at, note, detail) = try row.decode(
            (Int64, Int64, String, String, PostgresInstant, String?, String).self)
        return RecallEvent(
            id: seq, recallID: recallID,
            kind: try GovernanceColumns.value(RecallEvent.Kind.self, kind, table: "recall_events"), actor: actor,
            at: at.date, note: note, detail: try RecallColumns.detail(detail))
    }
}
