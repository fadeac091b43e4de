import Foundation
public import Passport
import PostgresNIO
public import QualityCore

extension PostgresStore: PassportStore {
    /// Appends scans and bumps each unit's counters in one prepared statement (hence one
    /// transaction and one round trip), returning after commit. See `RecordScansStatement`.
    public func recordScans(_ scans: [ScanRecord]) async throws {
        guard !scans.isEmpty else { return }
        var statement = RecordScansStatement()
        for scan in scans {
            statement.gtins.append(scan.gtin.gtin14)
            statement.lots.append(scan.lot)
            statement.serials.append(scan.serial)
            statement.times.append(PostgresInstant(scan.scannedAt))
            statement.verdicts.append(scan.verdict.rawValue)
            statement.latitudes.append(scan.location?.latitude ?? .nan)
            statement.longitudes.append(scan.location?.longitude ?? .nan)
            statement.clients.append(scan.client.rawValue)
        }
        for try await _ in try await client.execute(statement, logger: logger) {}
    }

    /// The unit's scan count and first scan (from `units`) and its latest scans, newest first,
    /// in one prepared statement and hence one snapshot. See `ScanHistoryStatement`.
    ///
    /// Not optimised: the Swift 6.3.1 release compiler crashes splitting this coroutine (its
    /// loop over a typed row tuple); the function is I/O-bound, so nothing is lost.
    @_optimize(none)
    public func scanHistory(gtin: GTIN, lot: String, serial: String, recent: Int) async throws -> ScanHistory {
        let statement = ScanHistoryStatement(gtin: gtin.gtin14, lot: lot, serial: serial, limit: Int64(max(0, recent)))
        var history = ScanHistory.none
        for try await (count, firstScanAt, scannedAt, verdict, latitude, longitude, client)
            in try await client.execute(statement, logger: logger)
        {
            history.count = Int(count)
            history.firstScanAt = firstScanAt?.date
            guard let scannedAt, let verdict, let client else { continue }
            history.recent.append(
                try Self.scan(
                    gtin: gtin, lot: lot, serial: serial, scannedAt: scannedAt, verdict: verdict,
                    latitude: latitude, longitude: longitude, client: client))
        }
        return history
    }
}
