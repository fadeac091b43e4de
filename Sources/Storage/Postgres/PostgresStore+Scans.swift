import Foundation
public import Passport
import PostgresNIO
public import QualityCore

extension PostgresStore: PassportStore {
    /// Reads the units' histories (one prepared statement), finishes the scans from them
    /// (`ScanSequence`), then appends the scans and bumps each unit's counters in one prepared
    /// statement (one transaction, one round trip), returning after commit. See
    /// `RecordScansStatement`.
    ///
    /// The read and the write are two statements: a scan of the same unit committed by another
    /// server instance in between is counted, but not seen by this batch's clone check.
    public func recordScans(
        _ scans: [ScanRecord], recent: Int, finish: @escaping @Sendable (ScanRecord, ScanHistory) -> ScanRecord
    ) async throws -> [ScanHistory] {
        guard !scans.isEmpty else { return [] }
        let stored = try await histories(of: ScanSequence.units(of: scans), recent: recent)
        let sequenced = ScanSequence.finish(scans, histories: stored, recent: recent, using: finish)
        var statement = RecordScansStatement()
        for scan in sequenced.records {
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
        return sequenced.histories
    }

    /// The unit's scan count and first scan (from `units`) and its latest scans, newest first,
    /// in one prepared statement and hence one snapshot. See `ScanHistoryStatement`.
    public func scanHistory(gtin: GTIN, lot: String, serial: String, recent: Int) async throws -> ScanHistory {
        let unit = UnitKey(gtin: gtin, lot: lot, serial: serial)
        return try await histories(of: [unit], recent: recent)[unit] ?? .none
    }

    /// The stored histories of units; a unit never scanned is missing from the result.
    func histories(of units: [UnitKey], recent: Int) async throws -> [UnitKey: ScanHistory] {
        var statement = ScanHistoryStatement(limit: Int64(max(0, recent)))
        for unit in units {
            statement.gtins.append(unit.gtin.gtin14)
            statement.lots.append(unit.lot)
            statement.serials.append(unit.serial)
        }
        var rows: [ScanHistoryStatement.Row] = []
        for try await row in try await client.execute(statement, logger: logger) { rows.append(row) }
        return try Self.histories(rows)
    }

    /// Folds joined rows (ordered by unit, newest scan first) into histories.
    static func histories(_ rows: [ScanHistoryStatement.Row]) throws -> [UnitKey: ScanHistory] {
        var histories: [UnitKey: ScanHistory] = [:]
        for row in rows {
            let unit = UnitKey(gtin: try gtin(row.gtin, table: "units"), lot: row.lot, serial: row.serial)
            var history = histories[unit] ?? ScanHistory(count: Int(row.count), firstScanAt: row.firstScanAt?.date, recent: [])
            if let scannedAt = row.scannedAt, let verdict = row.verdict, let client = row.client {
                history.recent.append(
                    try StoredScan.record(
                        unit: unit, scannedAt: scannedAt.date, verdict: verdict, latitude: row.latitude,
                        longitude: row.longitude, client: client))
            }
            histories[unit] = history
        }
        return histories
    }
}
