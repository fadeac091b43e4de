public import QualityCore

/// A range of serial numbers (AI 21) within a batch, inclusive at both ends; either end may be
/// open.
///
/// Serials are compared numerically when both are all digits (`"9" < "10"`, and `"007"`
/// equals `"7"`), byte by byte in UTF-8 otherwise (`"10" < "9A"`, `"A10" < "A9"`). Numeric
/// order is what a producer means by "serials 1000 to 1999" when its serials are counters;
/// byte order is the only order that holds for GS1's 82-character set, where serials such as
/// passport codes are not numbers. The two orders agree on digit strings of equal length.
public struct SerialRange: Sendable, Equatable {
    /// The first serial in the range, or `nil` for no lower bound.
    public let from: String?
    /// The last serial in the range, or `nil` for no upper bound.
    public let to: String?

    /// A range; an empty bound, a bound that is not a valid serial, or a range whose start
    /// comes after its end is an `invalid` error.
    public init(from: String?, to: String?) throws(QualityError) {
        for (name, bound) in [("serialFrom", from), ("serialTo", to)] {
            guard let bound else { continue }
            guard !bound.isEmpty else { throw .invalid("bad_serial_range", "\(name) is empty") }
            do {
                try GS1Value.check(bound, ai: "21")
            } catch {
                throw .invalid("bad_serial_range", "\(name) '\(bound)' is not a serial number: \(error.message)")
            }
        }
        if let from, let to, Self.compare(from, to) > 0 {
            throw .invalid(
                "inverted_serial_range", "serialFrom '\(from)' comes after serialTo '\(to)'; the range would be empty")
        }
        self.from = from
        self.to = to
    }

    /// The whole batch.
    public static let all = try! SerialRange(from: nil, to: nil)

    /// Whether the range has no bound.
    public var isAll: Bool { from == nil && to == nil }

    /// Whether a serial lies in the range.
    public func contains(_ serial: String) -> Bool {
        if let from, Self.compare(serial, from) < 0 { return false }
        if let to, Self.compare(serial, to) > 0 { return false }
        return true
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b` (see the type's description).
    public static func compare(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        if !x.isEmpty, !y.isEmpty, x.allSatisfy(isDigit), y.allSatisfy(isDigit) {
            let p = x.drop { $0 == UInt8(ascii: "0") }
            let q = y.drop { $0 == UInt8(ascii: "0") }
            if p.count != q.count { return p.count < q.count ? -1 : 1 }
            return bytewise(p, q)
        }
        return bytewise(x[...], y[...])
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func bytewise(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>) -> Int {
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}
