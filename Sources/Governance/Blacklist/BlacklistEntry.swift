public import Foundation
public import QualityCore

/// A platform's blacklist entry (黑名单) against a party or a credit code, with a fixed term.
/// Due process (notice, response period, appeal, early removal) builds on these fields.
public struct BlacklistEntry: Sendable, Hashable, Codable, Identifiable {
    /// Whether the entry is in force or was lifted.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// In force for its term.
        case active
        /// Lifted before its term ended (credit repair, appeal upheld).
        case lifted
    }

    /// The store-assigned identifier.
    public var id: Int64
    /// The platform that keeps the entry.
    public var platformID: Int64
    /// The listed party, when it is registered on the platform.
    public var partyID: Int64?
    /// The listed credit code, so that the entry also catches the entity re-registering.
    public var creditCode: CreditCode?
    /// Why the party is listed.
    public var reason: String
    /// The evidence the listing rests on (a case number, a penalty decision).
    public var evidence: String
    /// The first day of the term.
    public var startsOn: CalendarDay
    /// The last day of the term (default three years).
    public var endsOn: CalendarDay
    /// Whether it is in force or was lifted.
    public var status: Status
    /// Who listed it, e.g. `organisation:3/cqo`.
    public var addedBy: String
    /// When it was listed.
    public var addedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, reason, evidence, status
        case platformID = "platform_id"
        case partyID = "party_id"
        case creditCode = "credit_code"
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case addedBy = "added_by"
        case addedAt = "added_at"
    }

    /// Creates an entry value.
    public init(
        id: Int64, platformID: Int64, partyID: Int64?, creditCode: CreditCode?, reason: String, evidence: String,
        startsOn: CalendarDay, endsOn: CalendarDay, status: Status, addedBy: String, addedAt: Date
    ) {
        self.id = id
        self.platformID = platformID
        self.partyID = partyID
        self.creditCode = creditCode
        self.reason = reason
        self.evidence = evidence
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.status = status
        self.addedBy = addedBy
        self.addedAt = addedAt
    }

    /// Whether the entry is in force on a day.
    public func isInForce(on day: CalendarDay) -> Bool {
        status == .active && startsOn <= day && day <= endsOn
    }

    /// Whether the entry names a party, by id or by credit code.
    public func names(_ party: Party) -> Bool {
        (partyID == party.id && platformID == party.platformID)
            || (creditCode != nil && creditCode == party.creditCode)
    }
}
