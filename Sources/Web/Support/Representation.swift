import Foundation
public import Hummingbird

/// What representation a client asked for with `Accept` (RFC 9110 §12.5.1), reduced to the
/// three the resolver offers. Quality values decide; on a tie the more specific range wins;
/// a missing header or `*/*` alone means the HTML page.
public enum Representation: String, Sendable, CaseIterable {
    /// The scan page.
    case html = "text/html"
    /// The JSON verdict.
    case json = "application/json"
    /// An RFC 9264 linkset.
    case linkset = "application/linkset+json"

    /// The representation that best matches an `Accept` header value.
    public static func preferred(accept: String?) -> Representation {
        guard let accept, !accept.isEmpty else { return .html }
        // The values apps and scripts send nearly always, answered without parsing.
        switch accept {
        case "application/json": return .json
        case "*/*": return .html
        case Linkset.mediaType: return .linkset
        default: break
        }
        var best: (representation: Representation, quality: Double, specificity: Int) = (.html, -1, -1)
        for range in accept.split(separator: ",") {
            let parameters = range.split(separator: ";")
            guard let first = parameters.first else { continue }
            let type = first.trimmingCharacters(in: .whitespaces).lowercased()
            var quality = 1.0
            for parameter in parameters.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]) {
                    quality = min(max(value, 0), 1)
                }
            }
            guard quality > 0 else { continue }
            for representation in Representation.allCases {
                guard let specificity = representation.matches(type) else { continue }
                if quality > best.quality || (quality == best.quality && specificity > best.specificity) {
                    best = (representation, quality, specificity)
                }
            }
        }
        return best.quality < 0 ? .html : best.representation
    }

    /// The representation named by a `?format=` value: `html`, `json` or `linkset`.
    public static func named(_ name: String) -> Representation? {
        switch name.lowercased() {
        case "html": .html
        case "json": .json
        case "linkset": .linkset
        default: nil
        }
    }

    /// How specifically a media range names this representation: 2 exactly, 1 by `type/*`
    /// (or `application/ld+json`-like JSON), 0 by `*/*`; `nil` when it does not match.
    private func matches(_ range: String) -> Int? {
        if range == rawValue { return 2 }
        switch (self, range) {
        case (.json, "application/ld+json"), (.json, "application/*"): return 1
        case (.html, "text/*"), (.html, "application/xhtml+xml"): return 1
        case (.html, "*/*"): return 0
        default: return nil
        }
    }

    /// The representation a request asks for: `?linkType=linkset` (or `all`) first, as the GS1
    /// resolver standard says, then `?format=html|json|linkset` (so a plain link can ask for
    /// JSON), then `Accept`.
    public static func requested(by request: Request) -> Representation {
        if let query = request.uri.query, !query.isEmpty {
            let parameters = request.uri.queryParameters
            if let linkType = parameters["linkType"], linkType == "linkset" || linkType == "all" {
                return .linkset
            }
            if let format = parameters["format"], let chosen = Representation.named(String(format)) {
                return chosen
            }
        }
        return preferred(accept: request.headers[.accept])
    }
}
