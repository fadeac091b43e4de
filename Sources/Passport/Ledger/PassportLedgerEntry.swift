import Foundation
public import Ledger
public import QualityCore

/// The ledger entries of passport writes other than issuances: a product or batch registered
/// (`passport_change`), a recall ordered (`recall`) and a recall lifted (`recall_status`). Each
/// entry names its record (`products` / GTIN-14, `batches` / GTIN-14 `/` lot) and carries the
/// SHA-256 of the record's canonical JSON: keys sorted, no insignificant space, slashes
/// unescaped, times as whole microseconds since 1970.
public enum PassportLedgerEntry {
    /// The entry of a registered product.
    public static func product(_ product: Product) throws -> LedgerEntry {
        LedgerEntry(
            kind: .passportChange, record: LedgerRecordReference(table: "products", key: product.gtin.gtin14),
            time: product.createdAt, actor: "organisation:\(product.ownerID)", payloadDigest: try LedgerHash.canonicalJSON(of: product))
    }

    /// The entry of a registered batch, by the organisation that registered it.
    public static func batch(_ batch: Batch, by organisationID: Int64) throws -> LedgerEntry {
        LedgerEntry(
            kind: .passportChange, record: batchReference(gtin: batch.gtin, lot: batch.lot), time: batch.createdAt,
            actor: "organisation:\(organisationID)", payloadDigest: try LedgerHash.canonicalJSON(of: batch))
    }

    /// The entry of a recall ordered (or amended) on a batch.
    public static func recall(_ recall: Recall, gtin: GTIN, lot: String) throws -> LedgerEntry {
        LedgerEntry(
            kind: .recall, record: batchReference(gtin: gtin, lot: lot), time: recall.recalledAt,
            actor: "organisation:\(recall.byOrganisationID)",
            payloadDigest: try LedgerHash.canonicalJSON(of: RecallStatus(gtin: gtin.gtin14, lot: lot, status: "ordered", recall: recall)))
    }

    /// The entry of a recall lifted from a batch; `recall` records who lifted it, when and why.
    public static func recallLifted(_ recall: Recall, gtin: GTIN, lot: String) throws -> LedgerEntry {
        LedgerEntry(
            kind: .recallStatus, record: batchReference(gtin: gtin, lot: lot), time: recall.recalledAt,
            actor: "organisation:\(recall.byOrganisationID)",
            payloadDigest: try LedgerHash.canonicalJSON(of: RecallStatus(gtin: gtin.gtin14, lot: lot, status: "lifted", recall: recall)))
    }

    /// The reference to a batch: its GTIN-14, a slash and its lot (unambiguous, as a GTIN-14
    /// always has 14 digits).
    public static func batchReference(gtin: GTIN, lot: String) -> LedgerRecordReference {
        LedgerRecordReference(table: "batches", key: "\(gtin.gtin14)/\(lot)")
    }

    /// A recall's state change as its digest covers it.
    struct RecallStatus: Encodable {
        let gtin: String
        let lot: String
        let status: String
        let recall: Recall
    }
}
