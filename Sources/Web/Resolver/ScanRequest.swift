import Foundation
import HTTPTypes
public import Hummingbird
public import Passport
public import QualityCore

/// What the resolver reads from a request besides the representation: whether its path is a
/// Digital Link at all, the full URI to parse, and the coarse location the client offers.
public enum ScanRequest {
    /// The AIs that can start a Digital Link path (`01`, `00`, `414`, …), from the GS1 syntax
    /// dictionary, each as its digits' number plus 10,000 times its length (so `01` and `001`
    /// differ): the path test runs on every request, and this keeps it free of allocation.
    static let primaryKeys: Set<Int> = Set(GS1AIDictionary.standard.primaryKeys.compactMap { aiKey($0.ai.utf8) })

    /// The lookup key of a 2–4 digit AI, or `nil` when the text is not one.
    static func aiKey(_ text: some Collection<UInt8>) -> Int? {
        guard (2...4).contains(text.count) else { return nil }
        var value = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value + text.count * 10_000
    }

    /// Whether a path is meant as a Digital Link: some segment is a primary-key AI and a value
    /// follows it. Such paths belong to the resolver (which answers 400 when they are malformed);
    /// any other unknown path is a plain 404.
    public static func isDigitalLinkPath(_ path: String) -> Bool {
        let bytes = path.utf8
        var start = bytes.startIndex
        var previousWasKey = false
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            let segment = bytes[start..<end]
            if previousWasKey, !segment.isEmpty, start != bytes.startIndex { return true }
            previousWasKey = aiKey(segment).map(primaryKeys.contains) ?? false
            guard end != bytes.endIndex else { return false }
            start = bytes.index(after: end)
        }
    }

    /// Whether a request counts as a scan of the unit: a `GET`, and not the scan page's own
    /// language switch (`?lang=`), which shows again what the same person has just scanned.
    public static func isNewScan(_ request: Request) -> Bool {
        guard request.method == .get else { return false }
        guard let query = request.uri.query, !query.isEmpty else { return true }
        return request.uri.queryParameters["lang"] == nil
    }

    /// The full URI of the request as the resolver's own: the configured stem's origin, then
    /// the raw (still percent-encoded) path and query.
    public static func absoluteURI(of request: Request, origin: String) -> String {
        let path = request.uri.path
        guard let query = request.uri.query, !query.isEmpty else { return origin + path }
        return origin + path + "?" + query
    }

    /// The scan location from `?lat=…&lon=…`, or from the header `X-Scan-Location: lat,lon`;
    /// `nil` when neither is present; 400 `bad_location` when one is present but wrong.
    public static func location(of request: Request) throws(QualityError) -> ScanLocation? {
        var latitude: Substring?
        var longitude: Substring?
        if let text = request.uri.query, !text.isEmpty {
            let query = request.uri.queryParameters
            latitude = query["lat"]
            longitude = query["lon"]
        }
        if latitude == nil, longitude == nil, let header = request.headers[ScanRequest.locationHeader] {
            let parts = header.split(separator: ",", maxSplits: 1)
            latitude = parts.first
            longitude = parts.count > 1 ? parts[1] : nil
        }
        if latitude == nil, longitude == nil { return nil }
        guard let latText = latitude, let lonText = longitude,
            let lat = Double(latText.trimmingCharacters(in: .whitespaces)),
            let lon = Double(lonText.trimmingCharacters(in: .whitespaces))
        else {
            throw .invalid(
                "bad_location", "a scan location needs both lat and lon as decimal degrees, e.g. ?lat=31.23&lon=121.47")
        }
        return try ScanLocation(latitude: lat, longitude: lon)
    }

    /// `X-Scan-Location`, the header a scanning app may use instead of query parameters.
    static let locationHeader = HTTPField.Name("X-Scan-Location")!

    /// The origin (`scheme://host[:port]`) of a stem, which may carry a path prefix.
    public static func origin(ofStem stem: String) -> String {
        guard let schemeEnd = stem.range(of: "://") else { return stem }
        let rest = stem[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return stem }
        return String(stem[..<slash])
    }
}
