/// ISO country and currency code lists used by the GS1 linters, and the IBAN check.
///
/// The lists themselves are generated into `ISOCodeList+Data.swift`.
enum ISOCodeList {
    private static let countries = Set(countryNumeric)
    private static let alpha2 = Set(countryAlpha2)
    private static let currencies = Set(currencyNumeric)

    /// Why `data` is not a code of the list that `linter` names, or `nil` when it is.
    static func failure(for linter: GS1Linter, _ data: UnsafeBufferPointer<UInt8>) -> GS1LintFailure? {
        let code = String(decoding: data, as: UTF8.self)
        switch linter {
        case .iso3166:
            return countries.contains(code) ? nil : .init(.badValue, "has \(code), not an ISO 3166-1 numeric country code")
        case .iso3166999:
            return code == "999" || countries.contains(code) ? nil : .init(.badValue, "has \(code), not an ISO 3166-1 numeric country code or 999")
        case .iso3166alpha2:
            return alpha2.contains(code) ? nil : .init(.badValue, "has \(code), not an ISO 3166-1 alpha-2 country code")
        default:
            return currencies.contains(code) ? nil : .init(.badValue, "has \(code), not an ISO 4217 numeric currency code")
        }
    }

    /// Why `data` is not a well-formed IBAN (ISO 13616), or `nil` when it is.
    static func ibanFailure(_ data: UnsafeBufferPointer<UInt8>) -> GS1LintFailure? {
        let malformed = GS1LintFailure(.badValue, "is not an IBAN")
        guard data.count >= 5, data.count <= 34 else { return malformed }
        let country = String(decoding: UnsafeBufferPointer(rebasing: data[..<2]), as: UTF8.self)
        guard alpha2.contains(country), ASCIISet.digits.contains(data[2]), ASCIISet.digits.contains(data[3]) else { return malformed }
        // Move the first four characters to the end, letters become 10...35, then mod 97 must be 1.
        var remainder = 0
        for offset in 0..<data.count {
            let byte = data[(offset + 4) % data.count]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                remainder = (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            default:
                return malformed
            }
        }
        return remainder == 1 ? nil : .init(.badCheckDigit, "has a bad IBAN check")
    }
}
