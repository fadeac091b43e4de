public import Foundation
public import QualityCore

/// How a scan reached us: what a verdict and the scan history may say about the client, and
/// nothing more personal.
public enum ScanClient: String, Sendable, Codable, CaseIterable {
    /// A phone or desktop browser opening the scan page.
    case browser
    /// An app or integration asking for JSON.
    case api
    /// The command-line tool.
    case cli
}

/// A coarse location offered by the client, rounded to 0.1° (about 11 km) before it is stored,
/// so that a scan never pinpoints a person.
public struct ScanLocation: Sendable, Hashable, Codable {
    /// Latitude in degrees, rounded to one decimal.
    public let latitude: Double
    /// Longitude in degrees, rounded to one decimal.
    public let longitude: Double

    /// Creates a location, rounding to 0.1° and rejecting impossible coordinates.
    public init(latitude: Double, longitude: Double) throws(QualityError) {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else {
            throw .invalid("bad_location", "a location needs latitude in [-90, 90] and longitude in [-180, 180]")
        }
        self.latitude = (latitude * 10).rounded() / 10
        self.longitude = (longitude * 10).rounded() / 10
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    public func kilometres(to other: ScanLocation) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371.0 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}

/// One recorded scan of a unit code.
public struct ScanRecord: Sendable, Hashable, Codable {
    /// The product's GTIN.
    public var gtin: GTIN
    /// The batch's lot.
    public var lot: String
    /// The unit's serial as scanned.
    public var serial: String
    /// When the scan happened.
    public var scannedAt: Date
    /// The verdict given for it.
    public var verdict: VerdictKind
    /// The coarse location, if the client offered one.
    public var location: ScanLocation?
    /// The kind of client.
    public var client: ScanClient

    enum CodingKeys: String, CodingKey {
        case gtin, lot, serial, verdict, location, client
        case scannedAt = "scanned_at"
    }

    /// Creates a scan record.
    public init(
        gtin: GTIN, lot: String, serial: String, scannedAt: Date, verdict: VerdictKind,
        location: ScanLocation?, client: ScanClient
    ) {
        self.gtin = gtin
        self.lot = lot
        self.serial = serial
        self.scannedAt = scannedAt
        self.verdict = verdict
        self.location = location
        self.client = client
    }
}

/// What is known about a unit's earlier scans when a new one arrives.
public struct ScanHistory: Sendable, Hashable, Codable {
    /// How many scans were recorded before.
    public var count: Int
    /// When the first one happened.
    public var firstScanAt: Date?
    /// The most recent scans, newest first.
    public var recent: [ScanRecord]

    enum CodingKeys: String, CodingKey {
        case count, recent
        case firstScanAt = "first_scan_at"
    }

    /// Creates a history value.
    public init(count: Int, firstScanAt: Date?, recent: [ScanRecord]) {
        self.count = count
        self.firstScanAt = firstScanAt
        self.recent = recent
    }

    /// A unit never scanned before.
    public static let none = ScanHistory(count: 0, firstScanAt: nil, recent: [])
}
