import Foundation

/// A text in Chinese and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a text.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text with every `{name}` replaced by its value.
    func filling(_ values: [String: String]) -> LocalizedText {
        var filled = self
        for (name, value) in values {
            filled.zh = filled.zh.replacingAll("{\(name)}", with: value)
            filled.en = filled.en.replacingAll("{\(name)}", with: value)
        }
        return filled
    }
}

extension String {
    /// The string with every occurrence of a non-empty target replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
