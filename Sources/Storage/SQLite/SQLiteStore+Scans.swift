import Foundation
import GRDB
public import Passport
public import QualityCore

extension SQLiteStore: PassportStore {
    /// Appends scans and bumps each unit's counters in one write transaction, returning after
    /// commit (durable against a process crash; see the type's note on `synchronous`).
    ///
    /// This is the hot path of the scan page: two cached prepared statements per scan, bound
    /// positionally, and one commit per call however many scans it carries.
    public func recordScans(_ scans: [ScanRecord]) async throws {
        guard !scans.isEmpty else { return }
        try await pool.write { db in
            let insertScan = try db.cachedStatement(
                sql: """
                    INSERT INTO scans (gtin, lot, serial, scanned_at, verdict, latitude, longitude, client)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let countUnit = try db.cachedStatement(
                sql: """
                    INSERT INTO units (gtin, lot, serial, scan_count, first_scan_at, last_scan_at)
                    VALUES (?, ?, ?, 1, ?, ?)
                    ON CONFLICT (gtin, lot, serial) DO UPDATE SET
                        scan_count = scan_count + 1,
                        first_scan_at = min(coalesce(first_scan_at, excluded.first_scan_at), excluded.first_scan_at),
                        last_scan_at = max(coalesce(last_scan_at, excluded.last_scan_at), excluded.last_scan_at)
                    """)
            for scan in scans {
                let gtin = scan.gtin.gtin14
                let at = scan.scannedAt.microsecondsSince1970
                try insertScan.execute(arguments: [
                    gtin, scan.lot, scan.serial, at, scan.verdict.rawValue,
                    scan.location?.latitude, scan.location?.longitude, scan.client.rawValue,
                ])
                try countUnit.execute(arguments: [gtin, scan.lot, scan.serial, at, at])
            }
        }
    }

    /// The unit's scan count and first scan (from `units`) and its latest scans, newest first
    /// (from `scans` through `scans_by_unit`), read in one snapshot.
    public func scanHistory(gtin: GTIN, lot: String, serial: String, recent: Int) async throws -> ScanHistory {
        let arguments: StatementArguments = [gtin.gtin14, lot, serial]
        let limit = max(0, recent)
        return try await pool.read { db in
            let units = try db.cachedStatement(
                sql: "SELECT scan_count, first_scan_at FROM units WHERE gtin = ? AND lot = ? AND serial = ?")
            guard let unit = try Row.fetchOne(units, arguments: arguments) else { return .none }
            let firstScanAt: Int64? = try unit.decode(forColumn: "first_scan_at")
            let scans = try db.cachedStatement(
                sql: """
                    SELECT \(Self.scanColumnList) FROM scans
                    WHERE gtin = ? AND lot = ? AND serial = ?
                    ORDER BY scanned_at DESC, id DESC LIMIT ?
                    """)
            let latest = try Row.fetchAll(scans, arguments: arguments + [limit]).map(Self.scan)
            return ScanHistory(
                count: try unit.decode(forColumn: "scan_count"),
                firstScanAt: firstScanAt.map(Date.init(microsecondsSince1970:)), recent: latest)
        }
    }
}
