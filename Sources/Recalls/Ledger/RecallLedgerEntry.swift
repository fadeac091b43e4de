import Foundation
public import Ledger

/// The ledger entries of recall records: the opening (`recall`) and every later change
/// (`recall_status`), each naming its event (`recall_events` / `{recall}/{event}`), its actor and
/// time, with the SHA-256 of the event's canonical JSON; the opening's digest covers the record
/// as opened too. The batch's own recall state change is entered separately, as the passport
/// enters it (see `PassportLedgerEntry`).
public enum RecallLedgerEntry {
    /// The entry of a record opened.
    public static func opened(_ record: RecallRecord, event: RecallEvent) throws -> LedgerEntry {
        LedgerEntry(
            kind: .recall, record: reference(event), time: event.at, actor: event.actor,
            payloadDigest: try LedgerHash.canonicalJSON(of: Opening(record: record, event: event)))
    }

    /// The entry of a later change.
    public static func change(_ event: RecallEvent) throws -> LedgerEntry {
        LedgerEntry(
            kind: .recallStatus, record: reference(event), time: event.at, actor: event.actor,
            payloadDigest: try LedgerHash.canonicalJSON(of: event))
    }

    /// The reference to an event.
    public static func reference(_ event: RecallEvent) -> LedgerRecordReference {
        LedgerRecordReference(table: "recall_events", key: "\(event.recallID)/\(event.id)")
    }

    /// What the opening's digest covers.
    struct Opening: Encodable {
        let record: RecallRecord
        let event: RecallEvent
    }
}
