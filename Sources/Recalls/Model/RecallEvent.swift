public import Foundation

/// One change to a recall, as the audit trail keeps it: what changed, who changed it, when and
/// why, with the change's particulars. Each event is appended to the ledger (the opening as
/// `recall`, every later one as `recall_status`) with the SHA-256 of its canonical JSON.
public struct RecallEvent: Sendable, Hashable, Codable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The recall was opened and the batch's sale stopped.
        case opened
        /// A milestone of the legal clock was recorded.
        case milestone
        /// The recall was withdrawn and the batch's recall lifted.
        case lifted
        /// Notices were created for supplied orders.
        case noticesAdded = "notices_added"
        /// A notice moved on or got the buyer's response.
        case noticeUpdated = "notice_updated"
        /// Returned or corrected units were reported.
        case returnsRecorded = "returns_recorded"
    }

    /// The store-assigned identifier (0 before it is stored).
    public var id: Int64
    /// The recall it belongs to.
    public var recallID: Int64
    /// What changed.
    public var kind: Kind
    /// Who changed it, e.g. `organisation:3`.
    public var actor: String
    /// When.
    public var at: Date
    /// Why, in the actor's words, if given.
    public var note: String?
    /// The change's particulars, e.g. `{"milestone": "plan_filed", "on": "2026-10-09"}`.
    public var detail: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, kind, actor, at, note, detail
        case recallID = "recall_id"
    }

    /// Creates an event value.
    public init(
        id: Int64 = 0, recallID: Int64, kind: Kind, actor: String, at: Date, note: String?, detail: [String: String]
    ) {
        self.id = id
        self.recallID = recallID
        self.kind = kind
        self.actor = actor
        self.at = at
        self.note = note
        self.detail = detail
    }
}
