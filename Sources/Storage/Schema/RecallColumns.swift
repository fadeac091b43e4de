import Foundation
import QualityCore
import Recalls

/// The recall values both stores keep as text: remedies and event details as JSON, and the
/// domain errors both raise, worded once so that the backends agree.
enum RecallColumns {
    /// Remedies as a JSON list of names.
    static func remedies(_ remedies: [Remedy]) throws -> String {
        try GovernanceColumns.json(remedies.map(\.rawValue))
    }

    /// Remedies read back.
    static func remedies(_ text: String) throws -> [Remedy] {
        try GovernanceColumns.decode([String].self, text, table: "recall_records").map {
            try GovernanceColumns.value(Remedy.self, $0, table: "recall_records")
        }
    }

    /// An event's details as JSON.
    static func detail(_ detail: [String: String]) throws -> String { try GovernanceColumns.json(detail) }

    /// An event's details read back.
    static func detail(_ text: String) throws -> [String: String] {
        try GovernanceColumns.decode([String: String].self, text, table: "recall_events")
    }

    /// A stored GTIN.
    static func gtin(_ digits: String) throws -> GTIN {
        do { return try GTIN(digits) } catch {
            throw CorruptRow(table: "recall_records", problem: "malformed GTIN '\(digits)'")
        }
    }

    /// The most units a level may have reported: the affected units there.
    static func checkWithinAffected(
        _ record: RecallRecord, level: SupplyLevel, returned: Int64, corrected: Int64
    ) throws(QualityError) {
        let affected = record.affected[level]
        guard returned <= affected, corrected <= affected else {
            throw .conflict(
                "exceeds_affected",
                "the recall reaches \(affected) units at the \(level.rawValue) level; this report would bring returned to \(returned) and corrected to \(corrected). Correct the affected units first if they were undercounted"
            )
        }
    }
}

extension QualityError {
    /// No recall has an id.
    static func recallNotFound(_ id: Int64) -> QualityError {
        .notFound("recall_not_found", "no recall \(id)")
    }

    /// The batch already has a running recall.
    static func recallActive(gtin: String, lot: String) -> QualityError {
        .conflict(
            "recall_active", "lot \(lot) of \(gtin) already has a recall under way; record its milestones instead")
    }

    /// The recall moved on since it was read.
    static func recallChanged(_ id: Int64) -> QualityError {
        .conflict("recall_changed", "recall \(id) changed meanwhile; read it again")
    }

    /// The recall no longer runs.
    static func recallNotActive(_ id: Int64, status: String) -> QualityError {
        .conflict("recall_not_active", "recall \(id) is \(status)")
    }

    /// A non-repeating milestone is there already.
    static func milestoneRecorded(_ id: Int64, kind: String) -> QualityError {
        .conflict("milestone_recorded", "recall \(id) already has its \(kind) milestone")
    }

    /// No notice for an order.
    static func noticeNotFound(_ id: Int64, order: String) -> QualityError {
        .notFound("notice_not_found", "recall \(id) has no notice for order '\(order)'")
    }
}
