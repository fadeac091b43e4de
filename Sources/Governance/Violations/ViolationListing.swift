public import QualityCore

/// An entity on a regulator's list, imported from a file: the serious-violation list
/// (严重违法失信名单) or the business-abnormality list (经营异常名录).
public struct ViolationListing: Sendable, Hashable, Codable {
    /// Which list.
    public enum List: String, Sendable, Hashable, Codable, CaseIterable {
        /// 严重违法失信名单.
        case seriousViolation = "serious_violation"
        /// 经营异常名录.
        case abnormalOperation = "abnormal_operation"
    }

    /// The listed entity's credit code.
    public var creditCode: CreditCode
    /// The entity's name as the list gives it.
    public var name: String
    /// Which list.
    public var list: List
    /// The day it was listed.
    public var listedOn: CalendarDay
    /// The day it was removed from the list, if it was.
    public var removedOn: CalendarDay?
    /// The deciding authority.
    public var authority: String
    /// The reason given.
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case name, list, authority, reason
        case creditCode = "credit_code"
        case listedOn = "listed_on"
        case removedOn = "removed_on"
    }

    /// Creates a listing.
    public init(
        creditCode: CreditCode, name: String, list: List, listedOn: CalendarDay, removedOn: CalendarDay?,
        authority: String, reason: String
    ) {
        self.creditCode = creditCode
        self.name = name
        self.list = list
        self.listedOn = listedOn
        self.removedOn = removedOn
        self.authority = authority
        self.reason = reason
    }

    /// Whether the entity is on the list on a day.
    public func isListed(on day: CalendarDay) -> Bool {
        listedOn <= day && (removedOn.map { day < $0 } ?? true)
    }
}
