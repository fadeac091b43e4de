import Foundation
import QualityCore

/// Times as pages show them: China Standard Time (UTC+8, no daylight saving), to the minute,
/// computed without a date formatter so rendering stays cheap and thread-safe.
enum ChinaTime {
    /// `YYYY-MM-DD HH:mm` in UTC+8.
    static func minute(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let day = CalendarDay(chinaDayOf: seconds)
        let shifted = Int((seconds + 8 * 3600).rounded(.down))
        let secondOfDay = ((shifted % 86_400) + 86_400) % 86_400
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        return "\(day) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
