public import QualityCore

/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
/// `0-9A-Z` without I, O, S, V and Z, the last a check character over the first 17.
public struct CreditCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 18 characters, upper case.
    public let text: String

    /// The 31 characters of the code's alphabet, in value order.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// The weights of positions 1–17 (3^i mod 31).
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Parses and checks a code.
    public init(_ text: String) throws(QualityError) {
        let upper = Array(text.uppercased().utf8)
        guard upper.count == 18 else {
            throw .invalid("bad_credit_code", "a unified social credit code has 18 characters; got '\(text)'")
        }
        var values: [Int] = []
        for byte in upper {
            guard let value = Self.alphabet.firstIndex(of: byte) else {
                throw .invalid("bad_credit_code", "'\(text)' holds a character outside the credit-code alphabet")
            }
            values.append(value)
        }
        let sum = zip(values.prefix(17), Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        guard values[17] == check else {
            throw .invalid(
                "bad_credit_code",
                "'\(text)' fails its check character; expected \(Character(UnicodeScalar(Self.alphabet[check])))")
        }
        self.text = String(decoding: upper, as: UTF8.self)
    }

    /// The code.
    public var description: String { text }

    /// Decodes and checks a code.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the code as text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
