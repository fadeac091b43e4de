import Foundation
import QualityCore
import Testing

/// The working-day calendar against the project's shared holiday data, its Python check, an
/// independent day-by-day reading of the same file, and days picked by hand from the notices.
@Suite("Working-day calendar")
struct WorkingDayCalendarTests {
    /// The shared calendar file, when the shared data folder is there.
    static var sharedFile: URL? { SharedTestData.root?.appendingPathComponent("calendar/cn-holidays.json") }

    func day(_ text: String) throws -> CalendarDay { try CalendarDay(text) }

    @Test("the shipped copy carries the same years as the shared file", .enabled(if: SharedTestData.isAvailable))
    func shippedCopyMatchesShared() throws {
        let shared = try WorkingDayCalendar.load(contentsOf: try #require(Self.sharedFile))
        let shipped = try WorkingDayCalendar.bundled()

        #expect(shipped.years == shared.years)
        #expect(shipped.coveredYears == [2024, 2025, 2026])
    }

    @Test(
        "every year has as many working days as the shared check_workdays.py counts",
        .enabled(if: SharedTestData.isAvailable))
    func yearTotalsMatchThePythonCheck() async throws {
        let file = try #require(Self.sharedFile)
        let script = file.deletingLastPathComponent().appendingPathComponent("check_workdays.py")
        let python = ProcessInfo.processInfo.environment["QUALITYLOOP_PYTHON"] ?? "/usr/bin/python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check_workdays.py failed: \(output)")

        let calendar = try WorkingDayCalendar.load(contentsOf: file)
        var checked = 0
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), let year = Int(line[..<colon]),
                let total = line.split(separator: "=").last.flatMap({ Int($0) })
            else { continue }
            #expect(try calendar.workingDays(in: year) == total, "\(year)")
            checked += 1
        }
        #expect(checked == calendar.coveredYears.count)
    }

    @Test(
        "adding working days agrees with a day-by-day reading of the shared file for every start day",
        .enabled(if: SharedTestData.isAvailable))
    func agreesWithNaiveReading() throws {
        let file = try #require(Self.sharedFile)
        let reference = try NaiveCalendar(file: file)
        let calendar = try WorkingDayCalendar.load(contentsOf: file)
        var start = try day("2024-01-01")
        let end = try day("2026-12-31")
        var compared = 0
        while start <= end {
            for count in [0, 1, 3, 5, 15] {
                let expected = reference.adding(count, to: start)
                let actual: String
                do { actual = try calendar.addingWorkingDays(count, to: start).description } catch {
                    actual = "not covered \(error.year)"
                }
                #expect(actual == expected, "\(count) working days after \(start)")
                compared += 1
            }
            start = start.adding(days: 1)
        }
        #expect(compared == 1096 * 5)
    }

    @Test("Spring Festival 2025: the holiday week is skipped and the make-up Sunday counts")
    func springFestival() throws {
        let calendar = try WorkingDayCalendar.bundled()

        // Friday 24 January; Sunday 26 January is a make-up working day, 28 January to
        // 4 February are off, so the fifth working day is Friday 7 February.
        #expect(try calendar.addingWorkingDays(5, to: day("2025-01-24")) == day("2025-02-07"))
        #expect(try calendar.isWorkingDay(day("2025-01-26")))
        #expect(try !calendar.isWorkingDay(day("2025-01-29")))
        // 2024's notice only encouraged a day off on New Year's Eve (9 February): officially it
        // is a working day.
        #expect(try calendar.isWorkingDay(day("2024-02-09")))
        #expect(try calendar.addingWorkingDays(3, to: day("2024-02-08")) == day("2024-02-19"))
    }

    @Test("National Day golden week 2025 and its make-up Saturday")
    func goldenWeek() throws {
        let calendar = try WorkingDayCalendar.bundled()

        // Sunday 28 September is worked: three working days after Friday 26 September end on
        // Tuesday 30 September.
        #expect(try calendar.addingWorkingDays(3, to: day("2025-09-26")) == day("2025-09-30"))
        // 1–8 October are off and Saturday 11 October is worked.
        #expect(try calendar.addingWorkingDays(5, to: day("2025-09-30")) == day("2025-10-14"))
        #expect(try calendar.isWorkingDay(day("2025-10-11")))
        #expect(try !calendar.isWorkingDay(day("2025-10-08")))
        #expect(try calendar.firstWorkingDay(onOrAfter: day("2025-10-01")) == day("2025-10-09"))
    }

    @Test("a deadline running into a year no notice covers is flagged with that year, not guessed")
    func uncoveredYear() throws {
        let calendar = try WorkingDayCalendar.bundled()

        let runsInto2027 = #expect(throws: YearNotCovered.self) {
            try calendar.addingWorkingDays(5, to: day("2026-12-28"))
        }
        let before2024 = #expect(throws: YearNotCovered.self) { try calendar.isWorkingDay(day("2023-06-01")) }

        #expect(runsInto2027?.year == 2027)
        #expect(before2024?.year == 2023)
        #expect(runsInto2027?.qualityError.code == "calendar_year_not_covered")
        // Three working days still fit in 2026.
        #expect(try calendar.addingWorkingDays(3, to: day("2026-12-28")) == day("2026-12-31"))
    }

    @Test("malformed calendar data is refused, naming the problem")
    func malformedData() throws {
        let cases: [(String, String)] = [
            (
                #"{"years": {"2025": {"document": "d", "published": "2024-11-12", "source": "s", "workdays": ["2025-01-27"], "holidays": []}}}"#,
                "not a weekend day"
            ),
            (
                #"{"years": {"2025": {"document": "d", "published": "2024-11-12", "source": "s", "workdays": [], "holidays": [{"name": "a", "from": "2025-01-01", "to": "2025-01-03"}, {"name": "b", "from": "2025-01-03", "to": "2025-01-04"}]}}}"#,
                "two holiday ranges"
            ),
            (
                #"{"years": {"2025": {"document": "d", "published": "2024-11-12", "source": "s", "workdays": [], "holidays": [{"name": "a", "from": "2024-12-31", "to": "2025-01-01"}]}}}"#,
                "not a range inside 2025"
            ),
            (
                #"{"years": {"2025": {"document": "d", "published": "2024-11-12", "source": "s", "workdays": ["2025-02-08"], "holidays": [{"name": "a", "from": "2025-02-08", "to": "2025-02-09"}]}}}"#,
                "inside a holiday"
            ),
            (
                #"{"years": {"25": {"document": "d", "published": "2024-11-12", "source": "s", "workdays": [], "holidays": []}}}"#,
                "is not a year"
            ),
            (#"{"years": []}"#, "shape"),
        ]
        for (json, problem) in cases {
            let error = #expect(throws: QualityError.self, "\(problem)") {
                try WorkingDayCalendar.load(from: Data(json.utf8))
            }
            #expect(error?.code == "bad_calendar")
            #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
        }
    }

    @Test("calendar months end on the corresponding day, or the month's last day when it has none")
    func addingMonths() throws {
        #expect(try day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(try day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(try day("2025-11-15").adding(months: 3) == day("2026-02-15"))
        #expect(try day("2026-03-31").adding(months: -1) == day("2026-02-28"))
        #expect(try day("2026-10-09").isoWeekday == 5)
        #expect(try day("1969-12-28").isoWeekday == 7)
    }
}

/// An independent reading of `cn-holidays.json` for comparison: every day's status straight from
/// the file's lists, through Foundation's calendar rather than `CalendarDay`.
struct NaiveCalendar {
    /// Days off, as `YYYY-MM-DD`.
    var off: Set<String> = []
    /// Make-up working days.
    var worked: Set<String> = []
    /// Years the file has.
    var years: Set<Int> = []
    /// A Gregorian calendar in UTC.
    let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    init(file: URL) throws {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let entries = root?["years"] as? [String: [String: Any]] ?? [:]
        for (year, entry) in entries {
            years.insert(Int(year) ?? 0)
            for holiday in entry["holidays"] as? [[String: String]] ?? [] {
                var current = date(holiday["from"] ?? "")
                let last = date(holiday["to"] ?? "")
                while current <= last {
                    off.insert(text(current))
                    current = gregorian.date(byAdding: .day, value: 1, to: current)!
                }
            }
            worked.formUnion(entry["workdays"] as? [String] ?? [])
        }
    }

    func date(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
    }

    func text(_ date: Date) -> String {
        let parts = gregorian.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The `count`-th working day after `start`, or `not covered YEAR`.
    func adding(_ count: Int, to start: CalendarDay) -> String {
        var current = date(start.description)
        var remaining = count
        while remaining > 0 {
            current = gregorian.date(byAdding: .day, value: 1, to: current)!
            let year = gregorian.component(.year, from: current)
            guard years.contains(year) else { return "not covered \(year)" }
            let weekday = gregorian.component(.weekday, from: current)  // 1 = Sunday, 7 = Saturday
            let name = text(current)
            if worked.contains(name) || (weekday != 1 && weekday != 7 && !off.contains(name)) { remaining -= 1 }
        }
        return text(current)
    }
}
