extension CalendarDay {
    /// The day a number of days later (earlier when negative).
    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The day of the week, 1 (Monday) to 7 (Sunday), as ISO 8601 numbers them.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (daysSinceEpoch + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The day some calendar months later, counted as the Civil Code counts a period in months
    /// (《民法典》第二百零二条): the same day of the month the period ends in, or that month's last
    /// day when it has no such day (31 January + 1 month is 28 or 29 February). Throws
    /// `bad_date` when the result falls outside the years 1 to 9999.
    public func adding(months: Int) throws(QualityError) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let targetYear = index >= 0 ? index / 12 : (index - 11) / 12
        let targetMonth = index - targetYear * 12 + 1
        let lastDay = CalendarDay.daysIn(month: targetMonth, year: targetYear)
        return try CalendarDay(year: targetYear, month: targetMonth, day: min(day, lastDay))
    }
}
