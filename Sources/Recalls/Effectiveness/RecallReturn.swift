public import Foundation
public import QualityCore

/// Units brought back or corrected at one level, reported on a day. A unit is *returned* when it
/// is handed back along the chain, and *corrected* when its hazard is removed: repaired, replaced,
/// or refunded and taken out of use. The correction rate counts corrected units.
public struct RecallReturn: Sendable, Hashable, Codable {
    /// The store-assigned identifier.
    public var id: Int64
    /// The level the units were at.
    public var level: SupplyLevel
    /// Units handed back.
    public var returned: Int64
    /// Units whose hazard was removed.
    public var corrected: Int64
    /// The day the units came back or were corrected.
    public var on: CalendarDay
    /// Who reported it.
    public var recordedBy: String
    /// When it was reported.
    public var recordedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, level, returned, corrected, on
        case recordedBy = "recorded_by"
        case recordedAt = "recorded_at"
    }

    /// Creates a return value.
    public init(
        id: Int64, level: SupplyLevel, returned: Int64, corrected: Int64, on: CalendarDay, recordedBy: String,
        recordedAt: Date
    ) {
        self.id = id
        self.level = level
        self.returned = returned
        self.corrected = corrected
        self.on = on
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Checks reported counts: neither negative, not both zero, each at most a billion.
    public static func checkCounts(returned: Int64, corrected: Int64) throws(QualityError) {
        guard (0...1_000_000_000).contains(returned), (0...1_000_000_000).contains(corrected),
            returned + corrected > 0
        else {
            throw .invalid(
                "bad_units", "returned and corrected are counts from 0 to 1000000000, and at least one is above 0")
        }
    }
}
