public import QualityCore

/// A GS1 company prefix (6–12 digits, in GTIN-13 form) licensed to an organisation; the
/// organisation may register GTINs only under its prefixes.
public struct CompanyPrefix: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The digits of the prefix.
    public let digits: String

    /// Parses and checks a company prefix.
    public init(_ text: String) throws(QualityError) {
        guard (6...12).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw .invalid("bad_company_prefix", "a GS1 company prefix is 6 to 12 digits; got '\(text)'")
        }
        digits = text
    }

    /// Whether a GTIN lies under this prefix.
    public func contains(_ gtin: GTIN) -> Bool { gtin.belongs(toCompanyPrefix: digits) }

    /// The digits.
    public var description: String { digits }
}
