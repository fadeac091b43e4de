public import Foundation
public import QualityCore

/// A recall of a batch (召回记录): what is recalled and why, what it offers, the day the defect
/// was confirmed (which starts the legal clock), how many units it reaches at each level, and
/// where it stands. Opening it stops sale of the batch at once; its changes are kept as
/// `RecallEvent`s and appended to the ledger.
public struct RecallRecord: Sendable, Hashable, Codable, Identifiable {
    /// Where a recall stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Under way: the batch is recalled and units are being brought back or corrected.
        case open
        /// The recall actions are finished (召回完成); the summary report is due.
        case completed
        /// The summary report is filed; the record is closed. The batch stays recalled, since
        /// units never brought back are still defective.
        case closed
        /// Withdrawn (for instance, the defect was not confirmed after all); the batch's recall
        /// was lifted through the passport's lift path.
        case lifted

        /// Whether the recall is still running (at most one per batch).
        public var isActive: Bool { self == .open || self == .completed }
    }

    /// What the recall covers: a lot of a product, or a range of its serials.
    public struct Scope: Sendable, Hashable, Codable {
        /// The product's GTIN.
        public var gtin: GTIN
        /// The lot.
        public var lot: String
        /// The first serial of a recalled range, if the recall covers only a range.
        public var serialFrom: String?
        /// The last serial of the range.
        public var serialTo: String?

        enum CodingKeys: String, CodingKey {
            case gtin, lot
            case serialFrom = "serial_from"
            case serialTo = "serial_to"
        }

        /// Creates a scope.
        public init(gtin: GTIN, lot: String, serialFrom: String? = nil, serialTo: String? = nil) {
            self.gtin = gtin
            self.lot = lot
            self.serialFrom = serialFrom
            self.serialTo = serialTo
        }
    }

    /// The store-assigned identifier.
    public var id: Int64
    /// What is recalled.
    public var scope: Scope
    /// The producer that owns the product, who carries out the recall.
    public var producerID: Int64
    /// Why: the defect, for buyers and regulators.
    public var reason: String
    /// The kind of danger.
    public var hazard: HazardClass
    /// What holders are offered.
    public var remedies: [Remedy]
    /// The regulator's reference for the recall (备案编号), once known.
    public var regulatorReference: String?
    /// The day the producer confirmed the defect: the legal clock starts here.
    public var defectConfirmedOn: CalendarDay
    /// The units the recall reaches at each level when it starts: the denominator of its
    /// correction rate.
    public var affected: UnitCounts
    /// Where it stands.
    public var status: Status
    /// Who opened it, e.g. `organisation:3`.
    public var openedBy: String
    /// When it was opened; the batch's sale stopped at this instant.
    public var openedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, scope, reason, hazard, remedies, affected, status
        case producerID = "producer_id"
        case regulatorReference = "regulator_reference"
        case defectConfirmedOn = "defect_confirmed_on"
        case openedBy = "opened_by"
        case openedAt = "opened_at"
    }

    /// Creates a record value.
    public init(
        id: Int64, scope: Scope, producerID: Int64, reason: String, hazard: HazardClass, remedies: [Remedy],
        regulatorReference: String?, defectConfirmedOn: CalendarDay, affected: UnitCounts, status: Status,
        openedBy: String, openedAt: Date
    ) {
        self.id = id
        self.scope = scope
        self.producerID = producerID
        self.reason = reason
        self.hazard = hazard
        self.remedies = remedies
        self.regulatorReference = regulatorReference
        self.defectConfirmedOn = defectConfirmedOn
        self.affected = affected
        self.status = status
        self.openedBy = openedBy
        self.openedAt = openedAt
    }
}
