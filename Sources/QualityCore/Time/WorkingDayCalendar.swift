/// China's working days (工作日) for the years the State Council's holiday notices cover: a day is
/// a working day when it is a Monday to Friday outside every official holiday range, or a weekend
/// day a notice declares a make-up working day (调休上班). Every other day is a rest day.
///
/// A year no notice covers is unknown, not guessed: plain Monday-to-Friday counting is wrong for
/// every year (it would count the Spring Festival week). Every question that needs a day of such a
/// year throws `YearNotCovered`, so a deadline that runs into it can be flagged.
///
/// The data is the project's `cn-holidays.json` (see `bundled()`); its format and sources are
/// described in that file's README.
public struct WorkingDayCalendar: Sendable, Hashable {
    /// The arrangement one notice makes for a year.
    public struct Year: Sendable, Hashable, Codable {
        /// The notice's number, e.g. `国办发明电〔2024〕12号`.
        public var document: String
        /// The day the notice was published.
        public var published: CalendarDay
        /// The holiday ranges (放假), inclusive, as the notice states them.
        public var holidays: [Holiday]
        /// Weekend days declared working days (调休上班).
        public var workdays: [CalendarDay]
        /// Where the notice was published.
        public var source: String

        /// Creates a year's arrangement.
        public init(
            document: String, published: CalendarDay, holidays: [Holiday], workdays: [CalendarDay], source: String
        ) {
            self.document = document
            self.published = published
            self.holidays = holidays
            self.workdays = workdays
            self.source = source
        }
    }

    /// One holiday range of a notice.
    public struct Holiday: Sendable, Hashable, Codable {
        /// The holiday's name, e.g. `春节`.
        public var name: String
        /// The first day off.
        public var from: CalendarDay
        /// The last day off.
        public var to: CalendarDay

        /// Creates a holiday range.
        public init(name: String, from: CalendarDay, to: CalendarDay) {
            self.name = name
            self.from = from
            self.to = to
        }
    }

    /// The arrangements, by year.
    public let years: [Int: Year]
    /// Every holiday day, as days since 1970.
    private let holidayDays: Set<Int>
    /// Every make-up working day, as days since 1970.
    private let makeUpDays: Set<Int>

    /// A calendar of checked arrangements; `invalid` (`bad_calendar`) names the first problem: a
    /// range outside its year or backwards, two ranges overlapping, a make-up day that is not a
    /// weekend day or lies inside a holiday.
    public init(years: [Int: Year]) throws(QualityError) {
        var holidayDays: Set<Int> = []
        var makeUpDays: Set<Int> = []
        for (year, arrangement) in years.sorted(by: { $0.key < $1.key }) {
            for holiday in arrangement.holidays {
                guard holiday.from <= holiday.to, holiday.from.year == year, holiday.to.year == year else {
                    throw Self.problem(
                        "\(year) \(holiday.name): \(holiday.from)..\(holiday.to) is not a range inside \(year)")
                }
                for day in holiday.from.daysSinceEpoch...holiday.to.daysSinceEpoch {
                    guard holidayDays.insert(day).inserted else {
                        throw Self.problem("\(year): \(CalendarDay(daysSinceEpoch: day)) lies in two holiday ranges")
                    }
                }
            }
            for day in arrangement.workdays {
                guard day.year == year, day.isWeekend else {
                    throw Self.problem("\(year): make-up working day \(day) is not a weekend day of \(year)")
                }
                guard !holidayDays.contains(day.daysSinceEpoch) else {
                    throw Self.problem("\(year): make-up working day \(day) lies inside a holiday")
                }
                makeUpDays.insert(day.daysSinceEpoch)
            }
        }
        self.years = years
        self.holidayDays = holidayDays
        self.makeUpDays = makeUpDays
    }

    /// The years the calendar covers, in order.
    public var coveredYears: [Int] { years.keys.sorted() }

    /// Whether a notice covers a year.
    public func covers(year: Int) -> Bool { years[year] != nil }

    /// Whether a day is a working day; `YearNotCovered` for a day of a year no notice covers.
    public func isWorkingDay(_ day: CalendarDay) throws(YearNotCovered) -> Bool {
        guard covers(year: day.year) else { throw YearNotCovered(year: day.year) }
        let number = day.daysSinceEpoch
        if makeUpDays.contains(number) { return true }
        return !day.isWeekend && !holidayDays.contains(number)
    }

    /// The day a number of working days after `day`, counted as the Civil Code counts a period
    /// (《民法典》第二百零一条: the day it starts from is not counted): the `count`-th working day
    /// after `day`; `day` itself for 0. Every day walked must lie in a covered year, otherwise
    /// `YearNotCovered` names the first one that does not.
    public func addingWorkingDays(_ count: Int, to day: CalendarDay) throws(YearNotCovered) -> CalendarDay {
        precondition(count >= 0, "a number of working days is not negative")
        var current = day
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The first working day on or after `day`: where a period's last day is a rest day, the
    /// period ends on the next working day (《民法典》第二百零三条).
    public func firstWorkingDay(onOrAfter day: CalendarDay) throws(YearNotCovered) -> CalendarDay {
        var current = day
        while try !isWorkingDay(current) { current = current.adding(days: 1) }
        return current
    }

    /// The number of working days in a covered year.
    public func workingDays(in year: Int) throws(YearNotCovered) -> Int {
        guard covers(year: year), let first = try? CalendarDay(year: year, month: 1, day: 1),
            let last = try? CalendarDay(year: year, month: 12, day: 31)
        else { throw YearNotCovered(year: year) }
        var count = 0
        for number in first.daysSinceEpoch...last.daysSinceEpoch {
            if try isWorkingDay(CalendarDay(daysSinceEpoch: number)) { count += 1 }
        }
        return count
    }

    /// The error for malformed calendar data.
    static func problem(_ message: String) -> QualityError {
        .invalid("bad_calendar", "the working-day calendar is malformed: \(message)")
    }
}

/// A question about a day of a year the working-day calendar does not cover: the answer is
/// unknown, and a deadline that needs it is flagged rather than guessed.
public struct YearNotCovered: Error, Sendable, Hashable, CustomStringConvertible {
    /// The first year needed that no holiday notice covers.
    public let year: Int

    /// Creates the error for a year.
    public init(year: Int) { self.year = year }

    /// The explanation.
    public var description: String {
        "the working-day calendar does not cover \(year): no State Council holiday notice for \(year) is loaded"
    }

    /// The same as a domain error (`conflict`, `calendar_year_not_covered`), for interfaces that
    /// must refuse rather than flag.
    public var qualityError: QualityError {
        .conflict("calendar_year_not_covered", description)
    }
}

extension WorkingDayCalendar: Decodable {
    private enum CodingKeys: String, CodingKey {
        case years
    }

    /// Decodes the `cn-holidays.json` format: `{"years": {"2025": {document, published,
    /// holidays: [{name, from, to}], workdays: [...], source}}}`, then checks it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let byText = try container.decode([String: Year].self, forKey: .years)
        var years: [Int: Year] = [:]
        for (text, year) in byText {
            guard text.utf8.count == 4, let number = Int(text) else {
                throw Self.problem("'\(text)' is not a year")
            }
            years[number] = year
        }
        try self.init(years: years)
    }
}
