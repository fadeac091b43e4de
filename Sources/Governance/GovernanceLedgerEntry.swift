public import Foundation
public import Ledger

/// The ledger entries of governance writes: a review decision (`review_decision`, record
/// `review_decisions` / `{review}/{decision}`) and a blacklist change (`blacklist_change`,
/// record `blacklist_entries` / id). Each carries the SHA-256 of the record's canonical JSON
/// (keys sorted, slashes unescaped, times as whole microseconds since 1970).
public enum GovernanceLedgerEntry {
    /// The entry of a decision.
    public static func decision(_ decision: ReviewDecision) throws -> LedgerEntry {
        LedgerEntry(
            kind: .reviewDecision,
            record: LedgerRecordReference(table: "review_decisions", key: "\(decision.reviewID)/\(decision.id)"),
            time: decision.decidedAt, actor: decision.decidedBy, payloadDigest: try LedgerHash.canonicalJSON(of: decision))
    }

    /// The entry of a blacklist entry added or lifted, by an actor at a time.
    public static func blacklist(_ entry: BlacklistEntry, by actor: String, at time: Date) throws -> LedgerEntry {
        LedgerEntry(
            kind: .blacklistChange, record: LedgerRecordReference(table: "blacklist_entries", key: String(entry.id)),
            time: time, actor: actor, payloadDigest: try LedgerHash.canonicalJSON(of: entry))
    }
}
