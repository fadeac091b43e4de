/// A Global Trade Item Number, held in its 14-digit form.
///
/// GTIN-8, GTIN-12 (UPC-A) and GTIN-13 (EAN-13) are accepted and padded with leading zeros,
/// as GS1 writes them in AI (01) and in Digital Link URIs.
public struct GTIN: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The GTIN as 14 digits, e.g. `09506000134352`.
    public let gtin14: String

    /// Validates 8, 12, 13 or 14 digits with a correct mod-10 check digit.
    public init(_ string: String) throws(GS1Error) {
        let length = string.utf8.count
        guard length == 8 || length == 12 || length == 13 || length == 14 else {
            throw GS1Error(.badLength, "GTIN '\(string)' has \(length) characters, expected 8, 12, 13 or 14 digits", ai: "01")
        }
        if let bad = string.utf8.firstIndex(where: { !ASCIISet.digits.contains($0) }) {
            let character = GS1ApplicationIdentifier.describe(string.utf8[bad])
            throw GS1Error(.invalidCharacter, "GTIN '\(string)' contains \(character); only digits are allowed", ai: "01")
        }
        guard GS1CheckDigit.hasValidMod10(string) else {
            let expected = GS1CheckDigit.mod10(for: String(string.dropLast())).map { String($0) } ?? "?"
            throw GS1Error(.badCheckDigit, "GTIN '\(string)' has a bad check digit: expected \(expected)", ai: "01")
        }
        gtin14 = String(repeating: "0", count: 14 - length) + string
    }

    /// The indicator digit (packaging level), the first of the 14 digits.
    public var indicatorDigit: Character { gtin14.first! }

    /// Whether this GTIN was allocated under a GS1 Company Prefix.
    ///
    /// `prefix` is written in its GTIN-13 form: the digits after the indicator digit. A UPC
    /// company prefix therefore carries a leading `0` (`0614141`), and a GS1-8 prefix for
    /// GTIN-8 is written with its five leading zeros. A prefix with non-digits, or shorter
    /// than four digits, matches nothing.
    public func belongs(toCompanyPrefix prefix: String) -> Bool {
        guard prefix.utf8.count >= 4, prefix.utf8.count <= 13, prefix.utf8.allSatisfy(ASCIISet.digits.contains) else { return false }
        return gtin14.utf8.dropFirst().starts(with: prefix.utf8)
    }

    /// The 14 digits.
    public var description: String { gtin14 }

    /// Decodes the GTIN from a JSON string, validating it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(container.decode(String.self))
    }

    /// Encodes the 14 digits as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(gtin14)
    }
}
