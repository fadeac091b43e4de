import Foundation
import Passport
import QualityCore

/// A scan read back from its stored columns, the same on both backends: verdict and client are
/// stored by name, the location as two nullable numbers.
enum StoredScan {
    /// The scan of a unit from its columns; throws `CorruptRow` for names this code does not
    /// know or an impossible location.
    static func record(
        unit: UnitKey, scannedAt: Date, verdict verdictName: String, latitude: Double?, longitude: Double?,
        client clientName: String
    ) throws -> ScanRecord {
        guard let verdict = VerdictKind(rawValue: verdictName), let client = ScanClient(rawValue: clientName) else {
            throw CorruptRow(table: "scans", problem: "unknown verdict '\(verdictName)' or client '\(clientName)'")
        }
        var location: ScanLocation?
        if let latitude, let longitude {
            do { location = try ScanLocation(latitude: latitude, longitude: longitude) } catch {
                throw CorruptRow(table: "scans", problem: "impossible location \(latitude), \(longitude)")
            }
        }
        return ScanRecord(
            gtin: unit.gtin, lot: unit.lot, serial: unit.serial, scannedAt: scannedAt, verdict: verdict,
            location: location, client: client)
    }
}
