public import Foundation

/// One leaf of the log: a canonical record that something happened — what kind of thing, which
/// record it concerns, when, who did it, and the digest of the record's content. Its leaf data is
/// `canonicalEncoding()` (see docs/ledger.md), its leaf hash SHA-256(0x00 ‖ that encoding).
public struct LedgerEntry: Sendable, Hashable, Codable {
    /// What the entry records.
    public var kind: LedgerEntryKind
    /// The record it concerns.
    public var record: LedgerRecordReference
    /// When it happened, in whole microseconds since 1970-01-01T00:00:00Z: the precision both
    /// stores keep, so an entry read back encodes to the same bytes.
    public var microsecondsSince1970: Int64
    /// Who did it, e.g. `organisation:12`, `user:7` or `system`.
    public var actor: String
    /// SHA-256 of the record's canonical content.
    public var payloadDigest: LedgerHash

    /// An entry with its time in microseconds.
    public init(
        kind: LedgerEntryKind, record: LedgerRecordReference, microsecondsSince1970: Int64, actor: String,
        payloadDigest: LedgerHash
    ) {
        self.kind = kind
        self.record = record
        self.microsecondsSince1970 = microsecondsSince1970
        self.actor = actor
        self.payloadDigest = payloadDigest
    }

    /// An entry whose time is a `Date`, rounded to the nearest microsecond.
    public init(
        kind: LedgerEntryKind, record: LedgerRecordReference, time: Date, actor: String, payloadDigest: LedgerHash
    ) {
        self.init(
            kind: kind, record: record,
            microsecondsSince1970: Int64((time.timeIntervalSince1970 * 1_000_000).rounded()),
            actor: actor, payloadDigest: payloadDigest)
    }

    /// The entry's time.
    public var time: Date { Date(timeIntervalSince1970: Double(microsecondsSince1970) / 1_000_000) }
}
