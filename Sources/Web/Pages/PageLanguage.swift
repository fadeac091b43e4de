import Foundation
public import Hummingbird

/// The language a page is shown in: Chinese unless the client asks for English with `?lang=en`
/// or prefers English in `Accept-Language`.
public enum PageLanguage: String, Sendable {
    /// 简体中文, the default.
    case chinese = "zh"
    /// English.
    case english = "en"

    /// The `lang` attribute of the page.
    public var htmlTag: String { self == .chinese ? "zh-CN" : "en" }

    /// The other language, for the switch link.
    public var other: PageLanguage { self == .chinese ? .english : .chinese }

    /// The text in this language.
    public func pick(_ chinese: String, _ english: String) -> String {
        self == .chinese ? chinese : english
    }

    /// The language a request asks for.
    public static func requested(by request: Request) -> PageLanguage {
        if let lang = request.uri.queryParameters["lang"] {
            return lang.lowercased().hasPrefix("en") ? .english : .chinese
        }
        return preferred(acceptLanguage: request.headers[.acceptLanguage])
    }

    /// The language an `Accept-Language` value prefers between Chinese and English; Chinese
    /// when neither is named or they tie.
    public static func preferred(acceptLanguage: String?) -> PageLanguage {
        guard let acceptLanguage else { return .chinese }
        var chinese = -1.0
        var english = -1.0
        for range in acceptLanguage.split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0] == "q", let value = Double(pair[1]) { quality = value }
            }
            if tag == "zh" || tag.hasPrefix("zh-") { chinese = max(chinese, quality) }
            if tag == "en" || tag.hasPrefix("en-") { english = max(english, quality) }
        }
        return english > chinese ? .english : .chinese
    }
}
