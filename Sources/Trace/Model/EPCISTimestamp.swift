import QualityCore

/// An EPCIS date-time such as `2019-10-21T14:58:56.591+02:00`: the text as written and, when it
/// is a valid `xsd:dateTimeStamp`, the instant it names.
///
/// EPCIS requires the UTC offset; a text without one is kept (and reported by validation) with
/// the instant read as UTC. Fractions beyond microseconds are truncated, as common date
/// libraries do, and the event hash then rounds to milliseconds.
public struct EPCISTimestamp: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    /// Microseconds since 1970-01-01T00:00:00Z, or `nil` when the text is not a date-time.
    public let microsecondsSince1970: Int64?
    /// The offset from UTC in minutes as written (`Z` is 0), or `nil` when absent or invalid.
    public let offsetMinutes: Int?

    /// Reads `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`.
    public init(_ text: String) {
        self.text = text
        if let parsed = Self.parse(Array(text.utf8)) {
            microsecondsSince1970 = parsed.micros
            offsetMinutes = parsed.offset
        } else {
            microsecondsSince1970 = nil
            offsetMinutes = nil
        }
    }

    /// Whether the text is a date-time (with or without an offset).
    public var isDateTime: Bool { microsecondsSince1970 != nil }

    /// Whether the text is a complete `xsd:dateTimeStamp`: a date-time with a UTC offset.
    public var isValid: Bool { microsecondsSince1970 != nil && offsetMinutes != nil }

    /// The text.
    public var description: String { text }

    /// The instant in UTC at millisecond precision, `YYYY-MM-DDThh:mm:ss.sssZ`, rounding a
    /// sub-millisecond remainder of half a millisecond or more up (CBV 2.0 event hash rule).
    public var canonicalUTC: String? {
        guard let micros = microsecondsSince1970 else { return nil }
        let millis = Self.floorDivide(micros + 500, 1000)
        return Self.format(millisecondsSince1970: millis)
    }

    /// `YYYY-MM-DDThh:mm:ss.sssZ` for an instant.
    static func format(millisecondsSince1970 millis: Int64) -> String {
        let days = floorDivide(millis, 86_400_000)
        let rest = Int(millis - days * 86_400_000)
        let day = CalendarDay(daysSinceEpoch: Int(days))
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 24)
        func put(_ value: Int, at offset: Int, width: Int) {
            var value = value
            for position in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[position] = UInt8(48 + value % 10)
                value /= 10
            }
        }
        put(day.year, at: 0, width: 4)
        put(day.month, at: 5, width: 2)
        put(day.day, at: 8, width: 2)
        put(rest / 3_600_000, at: 11, width: 2)
        put(rest / 60_000 % 60, at: 14, width: 2)
        put(rest / 1000 % 60, at: 17, width: 2)
        put(rest % 1000, at: 20, width: 3)
        bytes[4] = UInt8(ascii: "-")
        bytes[7] = UInt8(ascii: "-")
        bytes[10] = UInt8(ascii: "T")
        bytes[13] = UInt8(ascii: ":")
        bytes[16] = UInt8(ascii: ":")
        bytes[19] = UInt8(ascii: ".")
        bytes[23] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Floor division, for instants before 1970.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The instant and offset, or `nil` when the bytes are not a date-time.
    private static func parse(_ bytes: [UInt8]) -> (micros: Int64, offset: Int?)? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            hour < 24, minute < 60, second < 60,
            let day = try? CalendarDay(year: year, month: month, day: dayOfMonth)
        else { return nil }
        var index = 19
        var micros: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 6 { micros = micros * 10 + Int64(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { micros *= 10 }
        }
        var offset: Int?
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"):
                guard index + 1 == bytes.count else { return nil }
                offset = 0
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                    let hours = number((index + 1)..<(index + 3)), let minutes = number((index + 4)..<(index + 6)),
                    hours <= 14, minutes < 60, hours < 14 || minutes == 0
                else { return nil }
                let magnitude = hours * 60 + minutes
                offset = bytes[index] == UInt8(ascii: "-") ? -magnitude : magnitude
            default:
                return nil
            }
        }
        let seconds =
            Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64((offset ?? 0) * 60)
        return (seconds * 1_000_000 + micros, offset)
    }
}
