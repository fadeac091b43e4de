public import QualityCore

/// How well a recall reaches its units: per level and in all, the units affected (the units the
/// recall covered at that level when it started), returned and corrected, and the correction
/// rate, corrected ÷ affected; with the overall rate's history, one point per day that units
/// were reported.
public struct RecallEffectiveness: Sendable, Hashable, Codable {
    /// One level's figures.
    public struct Level: Sendable, Hashable, Codable {
        /// The level.
        public var level: SupplyLevel
        /// Units the recall covered there.
        public var affected: Int64
        /// Units handed back from there.
        public var returned: Int64
        /// Units corrected there.
        public var corrected: Int64
        /// corrected ÷ affected, `nil` when nothing there was affected.
        public var rate: Double?
    }

    /// The overall rate at the end of a day.
    public struct Point: Sendable, Hashable, Codable {
        /// The day.
        public var day: CalendarDay
        /// Units corrected up to and including that day.
        public var corrected: Int64
        /// Those ÷ all affected units.
        public var rate: Double
    }

    /// The figures per level, in chain order.
    public var levels: [Level]
    /// Affected units in all.
    public var affected: Int64
    /// Returned units in all.
    public var returned: Int64
    /// Corrected units in all.
    public var corrected: Int64
    /// corrected ÷ affected in all.
    public var rate: Double
    /// The overall rate after each day units were reported, in day order.
    public var history: [Point]

    /// The effectiveness of a record given its reported returns. Reports are counted on the day
    /// they name; the rate is always taken against the record's current affected units.
    public init(affected counts: UnitCounts, returns: [RecallReturn]) {
        var returned = UnitCounts.zero
        var corrected = UnitCounts.zero
        for report in returns {
            returned[report.level] += report.returned
            corrected[report.level] += report.corrected
        }
        levels = SupplyLevel.allCases.map { level in
            Level(
                level: level, affected: counts[level], returned: returned[level], corrected: corrected[level],
                rate: counts[level] > 0 ? Double(corrected[level]) / Double(counts[level]) : nil)
        }
        affected = counts.total
        self.returned = returned.total
        self.corrected = corrected.total
        rate = counts.total > 0 ? Double(corrected.total) / Double(counts.total) : 0
        var byDay: [CalendarDay: Int64] = [:]
        for report in returns { byDay[report.on, default: 0] += report.corrected }
        var running: Int64 = 0
        history = byDay.keys.sorted().map { day in
            running += byDay[day] ?? 0
            return Point(
                day: day, corrected: running, rate: counts.total > 0 ? Double(running) / Double(counts.total) : 0)
        }
    }
}
