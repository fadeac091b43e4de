import Foundation
import QualityCore

/// A minimal JSON writer on bytes for the one hot response, the scan verdict: a profile of the
/// scan path showed Foundation's `JSONEncoder` taking a quarter of the server's CPU. It writes
/// what `JSONCoding` would (ISO 8601 dates in UTC to the second, unescaped slashes), and a test
/// compares the two outputs for every verdict.
struct JSONWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// Creates an empty writer.
    init(capacity: Int = 2_048) { bytes.reserveCapacity(capacity) }

    /// Writes `{`, the members `body` adds, and `}`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes `[`, the elements `body` adds, and `]`.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a member name; the next value written is its value.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value; text without characters to escape (nearly all) is copied whole.
    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var utf8 = value.utf8
        if utf8.withContiguousStorageIfAvailable({ _ in () }) == nil {
            var copy = value
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
        }
        let needsEscape = utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        if !needsEscape {
            bytes.append(contentsOf: utf8)
        } else {
            for byte in utf8 { escape(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func escape(_ byte: UInt8) {
        let hex: StaticString = "0123456789abcdef"
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            bytes.append(92)
            bytes.append(byte)
        case 0x0A: bytes.append(92); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(92); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(92); bytes.append(UInt8(ascii: "t"))
        case 0..<0x20:
            bytes.append(92)
            bytes.append(UInt8(ascii: "u"))
            bytes.append(48)
            bytes.append(48)
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 15)])
            }
        default: bytes.append(byte)
        }
    }

    /// Writes an integer value.
    mutating func integer(_ value: some BinaryInteger) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Writes a number value the way `JSONEncoder` does (integral values without a fraction).
    mutating func number(_ value: Double) {
        separate()
        if value.rounded() == value, abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
        needsComma = true
    }

    /// Writes a time as ISO 8601 in UTC to the second, e.g. `2026-11-29T17:01:50Z`.
    mutating func date(_ value: Date) {
        let seconds = Int(value.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let day = CalendarDay(daysSinceEpoch: days)
        string("\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z")
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
