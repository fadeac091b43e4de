/// A content check ("linter") that the GS1 syntax dictionary attaches to an AI component.
///
/// Case names are the dictionary's own linter names. Every linter that can affect a GS1
/// Digital Link is enforced; `packagetype`, `couponcode` and `couponposoffer` check code
/// lists and North American coupon structures that this module does not carry, so for them
/// only the character set and length of the component are checked.
public enum GS1Linter: String, Sendable, Hashable, CaseIterable {
    /// GS1 mod-10 check digit in the last position.
    case csum
    /// GS1 alphanumeric check character pair in the last two positions.
    case csumalpha
    /// Starts with a GS1 Company Prefix: at least four leading digits.
    case gcppos1
    /// A GS1 Company Prefix from the second position: at least four digits after the first.
    case gcppos2
    /// Date `YYMMDD`; day `00` means "end of month" and is allowed.
    case yymmd0
    /// Date `YYMMDD` with a real day.
    case yymmdd
    /// Date `YYYYMMDD` with a real day.
    case yyyymmdd
    /// Hour `00`–`23`.
    case hh
    /// Minute `00`–`59`.
    case mi
    /// Second `00`–`59`.
    case ss
    /// Time `HHMI`.
    case hhmi
    /// `0` or `1`.
    case yesno
    /// Exactly `0`.
    case zero
    /// Not all zeros.
    case nonzero
    /// Winding direction `0`, `1` or `9`.
    case winding
    /// `PPTT`: piece number not above the total, neither zero.
    case pieceoftotal
    /// `position/total` without leading zeros, position not above total.
    case posinseqslash
    /// Exactly `-`.
    case hyphen
    /// ISO 3166-1 numeric country code.
    case iso3166
    /// ISO 3166-1 numeric country code, or `999`.
    case iso3166999
    /// ISO 3166-1 alpha-2 country code.
    case iso3166alpha2
    /// ISO 4217 numeric currency code.
    case iso4217
    /// ISO/IEC 5218 sex code: `0`, `1`, `2` or `9`.
    case iso5218
    /// Latitude as ten digits, at most `1800000000`.
    case latitude
    /// Longitude as ten digits, at most `3600000000`.
    case longitude
    /// Valid percent-encoding: every `%` followed by two hexadecimal digits.
    case pcenc
    /// International Bank Account Number with a valid mod-97 check.
    case iban
    /// GS1 UIC importer index: one character of `- 0-9 A-Z _ a-z`.
    case importeridx
    /// AIDC media type: `01`–`10` or `80`–`99`.
    case mediatype
    /// Does not start with `0`.
    case nozeroprefix
    /// Contains at least one character that is not a digit.
    case hasnondigit
    /// UN/ECE Recommendation 21 package type code (not enforced).
    case packagetype
    /// North American coupon code structure (not enforced).
    case couponcode
    /// North American positive offer file coupon structure (not enforced).
    case couponposoffer

    /// Why a component failed this linter, or `nil` when it passes.
    ///
    /// The character set has already been checked, so numeric linters may assume digits.
    func failure(in data: UnsafeBufferPointer<UInt8>) -> GS1LintFailure? {
        switch self {
        case .csum:
            guard data.count >= 2 else { return .init(.badLength, "is too short for a check digit") }
            let payload = UnsafeBufferPointer(rebasing: data[..<(data.count - 1)])
            let expected = GS1CheckDigit.mod10Digit(payload)
            if data[data.count - 1] == expected { return nil }
            return .init(.badCheckDigit, "has a bad check digit: expected \(Character(Unicode.Scalar(expected)))")
        case .csumalpha:
            return GS1CheckDigit.alphaCheckPairFailure(data)
        case .gcppos1:
            return Self.startsWithCompanyPrefix(data, from: 0)
        case .gcppos2:
            return Self.startsWithCompanyPrefix(data, from: 1)
        case .yymmd0, .yymmdd:
            guard data.count == 6 else { return .init(.badDate, "is not a YYMMDD date") }
            let year = Self.number(data, 0, 2)
            return Self.dateFailure(
                year: year, leap: year % 4 == 0, month: Self.number(data, 2, 2), day: Self.number(data, 4, 2),
                dayZeroAllowed: self == .yymmd0)
        case .yyyymmdd:
            guard data.count == 8 else { return .init(.badDate, "is not a YYYYMMDD date") }
            let year = Self.number(data, 0, 4)
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return Self.dateFailure(year: year, leap: leap, month: Self.number(data, 4, 2), day: Self.number(data, 6, 2), dayZeroAllowed: false)
        case .hh:
            return data.count == 2 && Self.number(data, 0, 2) < 24 ? nil : .init(.badDate, "is not an hour 00-23")
        case .mi, .ss:
            return data.count == 2 && Self.number(data, 0, 2) < 60 ? nil : .init(.badDate, "is not a minute or second 00-59")
        case .hhmi:
            let ok = data.count == 4 && Self.number(data, 0, 2) < 24 && Self.number(data, 2, 2) < 60
            return ok ? nil : .init(.badDate, "is not a time HHMI")
        case .yesno:
            return Self.isOneOf(data, "01") ? nil : .init(.badValue, "must be 0 or 1")
        case .zero:
            return data.count == 1 && data[0] == UInt8(ascii: "0") ? nil : .init(.badValue, "must be 0")
        case .nonzero:
            return data.contains(where: { $0 != UInt8(ascii: "0") }) ? nil : .init(.badValue, "must not be zero")
        case .winding:
            return Self.isOneOf(data, "019") ? nil : .init(.badValue, "must be a winding direction 0, 1 or 9")
        case .iso5218:
            return Self.isOneOf(data, "0129") ? nil : .init(.badValue, "must be an ISO/IEC 5218 code 0, 1, 2 or 9")
        case .hyphen:
            return data.count == 1 && data[0] == UInt8(ascii: "-") ? nil : .init(.badValue, "must be a hyphen")
        case .pieceoftotal:
            return Self.pieceOfTotalFailure(data)
        case .posinseqslash:
            return Self.positionInSequenceFailure(data)
        case .iso3166, .iso3166999, .iso3166alpha2, .iso4217:
            return ISOCodeList.failure(for: self, data)
        case .latitude:
            return data.count == 10 && Self.number(data, 0, 10) <= 1_800_000_000 ? nil : .init(.badValue, "is not a latitude")
        case .longitude:
            return data.count == 10 && Self.number(data, 0, 10) <= 3_600_000_000 ? nil : .init(.badValue, "is not a longitude")
        case .pcenc:
            if PercentCoding.firstBadSequence(in: data) == nil { return nil }
            return .init(.badPercentEncoding, "has a % not followed by two hexadecimal digits")
        case .iban:
            return ISOCodeList.ibanFailure(data)
        case .importeridx:
            let ok = data.count == 1 && (ASCIISet.cset64.contains(data[0]))
            return ok ? nil : .init(.badValue, "must be one importer index character")
        case .mediatype:
            let code = data.count == 2 ? Self.number(data, 0, 2) : 0
            return (1...10).contains(code) || (80...99).contains(code) ? nil : .init(.badValue, "is not an AIDC media type")
        case .nozeroprefix:
            return data.first == UInt8(ascii: "0") ? .init(.badValue, "must not start with 0") : nil
        case .hasnondigit:
            return data.contains(where: { !ASCIISet.digits.contains($0) }) ? nil : .init(.badValue, "must contain a non-digit")
        case .packagetype, .couponcode, .couponposoffer:
            return nil
        }
    }

    /// The decimal value of `length` digits starting at `offset`.
    static func number(_ data: UnsafeBufferPointer<UInt8>, _ offset: Int, _ length: Int) -> Int {
        var value = 0
        for index in offset..<(offset + length) { value = value * 10 + Int(data[index] &- UInt8(ascii: "0")) }
        return value
    }

    private static func isOneOf(_ data: UnsafeBufferPointer<UInt8>, _ allowed: StaticString) -> Bool {
        guard data.count == 1 else { return false }
        let candidates = UnsafeBufferPointer(start: allowed.utf8Start, count: allowed.utf8CodeUnitCount)
        return candidates.contains(data[0])
    }

    private static func startsWithCompanyPrefix(_ data: UnsafeBufferPointer<UInt8>, from start: Int) -> GS1LintFailure? {
        guard data.count >= start + 4 else { return .init(.badLength, "is too short to hold a GS1 Company Prefix") }
        for index in start..<(start + 4) where !ASCIISet.digits.contains(data[index]) {
            return .init(.badValue, "must start with a GS1 Company Prefix (digits)")
        }
        return nil
    }

    private static func dateFailure(year: Int, leap: Bool, month: Int, day: Int, dayZeroAllowed: Bool) -> GS1LintFailure? {
        guard (1...12).contains(month) else { return .init(.badDate, "has month \(month), not 01-12") }
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if day == 0 && dayZeroAllowed { return nil }
        guard (1...days).contains(day) else { return .init(.badDate, "has day \(day), not a day of month \(month)") }
        return nil
    }

    private static func pieceOfTotalFailure(_ data: UnsafeBufferPointer<UInt8>) -> GS1LintFailure? {
        guard data.count % 2 == 0, !data.isEmpty else { return .init(.badValue, "is not a piece/total pair") }
        let half = data.count / 2
        let piece = number(data, 0, half)
        let total = number(data, half, half)
        if piece == 0 || total == 0 { return .init(.badValue, "has a zero piece number or total") }
        return piece <= total ? nil : .init(.badValue, "has piece \(piece) beyond total \(total)")
    }

    private static func positionInSequenceFailure(_ data: UnsafeBufferPointer<UInt8>) -> GS1LintFailure? {
        let malformed = GS1LintFailure(.badValue, "is not a position/total such as 1/3")
        guard let slash = data.firstIndex(of: UInt8(ascii: "/")), slash > 0, slash < data.count - 1 else { return malformed }
        let position = UnsafeBufferPointer(rebasing: data[..<slash])
        let total = UnsafeBufferPointer(rebasing: data[(slash + 1)...])
        guard position.allSatisfy(ASCIISet.digits.contains), total.allSatisfy(ASCIISet.digits.contains) else { return malformed }
        if position[0] == UInt8(ascii: "0") || total[0] == UInt8(ascii: "0") {
            return .init(.badValue, "has a zero or zero-prefixed number")
        }
        // Without leading zeros, a longer number is larger; equal lengths compare digit by digit.
        let beyond = position.count > total.count || (position.count == total.count && total.lexicographicallyPrecedes(position))
        return beyond ? .init(.badValue, "has a position beyond the total") : nil
    }
}

/// Why a value failed a linter: the error code and a phrase completing "AI (nn) value … ".
struct GS1LintFailure: Sendable {
    /// The error code to report.
    let code: GS1Error.Code
    /// What is wrong, phrased to follow the value, e.g. "has a bad check digit: expected 7".
    let reason: String

    /// Creates a failure.
    init(_ code: GS1Error.Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }
}
