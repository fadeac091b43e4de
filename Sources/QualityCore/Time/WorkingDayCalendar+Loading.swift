// The one file of QualityCore that uses Foundation: reading the calendar's JSON data file,
// shipped with the module as a resource, or a newer one named by the operator.
public import Foundation

extension WorkingDayCalendar {
    /// The environment variable naming a calendar file that replaces the shipped one.
    public static let environmentKey = "QUALITYLOOP_CALENDAR"

    /// Reads a calendar from `cn-holidays.json` data; `invalid` (`bad_calendar`) names the problem.
    public static func load(from data: Data) throws(QualityError) -> WorkingDayCalendar {
        do {
            return try JSONDecoder().decode(WorkingDayCalendar.self, from: data)
        } catch let error as QualityError {
            throw error
        } catch {
            throw problem("not JSON of the cn-holidays.json shape: \(error)")
        }
    }

    /// Reads a calendar file.
    public static func load(contentsOf url: URL) throws(QualityError) -> WorkingDayCalendar {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalid(
                "bad_calendar", "cannot read the working-day calendar at \(url.path): \(error.localizedDescription)")
        }
        return try load(from: data)
    }

    /// Where the shipped calendar lies (`Sources/QualityCore/Resources/cn-holidays.json`).
    public static var bundledURL: URL? { Bundle.module.url(forResource: "cn-holidays", withExtension: "json") }

    /// The calendar shipped with this build.
    public static func bundled() throws(QualityError) -> WorkingDayCalendar {
        guard let bundledURL else {
            throw .invalid("bad_calendar", "the bundled cn-holidays.json is missing from the build")
        }
        return try load(contentsOf: bundledURL)
    }

    /// The calendar file at `path` when one is named, else the one shipped with the build.
    public static func load(path: String?) throws(QualityError) -> WorkingDayCalendar {
        guard let path, !path.isEmpty else { return try bundled() }
        return try load(contentsOf: URL(fileURLWithPath: path))
    }
}
