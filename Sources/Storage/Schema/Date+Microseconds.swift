import Foundation

extension Date {
    /// Microseconds since 1970-01-01T00:00:00Z, rounded to the nearest: the precision both
    /// backends keep (PostgreSQL's `timestamptz` has no finer one), so an instant read back from
    /// either store is the same `Date`.
    var microsecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1_000_000).rounded()) }

    /// The instant a number of microseconds after 1970-01-01T00:00:00Z.
    ///
    /// Dividing the exact integer (rather than adding seconds to another epoch) gives back the
    /// very `Date` that was stored whenever it was a whole number of microseconds after 1970.
    init(microsecondsSince1970 value: Int64) {
        self.init(timeIntervalSince1970: Double(value) / 1_000_000)
    }
}
