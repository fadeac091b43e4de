import Foundation
import GRDB
public import Passport
public import QualityCore

extension SQLiteStore: PassportStore {
    /// Appends scans and bumps each unit's counters in one write transaction, returning after
    /// commit (durable against a process crash; see the type's note on `synchronous`) with each
    /// scan's unit history as it stood before it.
    ///
    /// This is the hot path of the scan page: the units' histories are read inside the write
    /// transaction (one primary-key lookup per unit, one index range for a unit with scans), then
    /// two cached prepared statements per scan, bound positionally, and one commit per call
    /// however many scans it carries.
    public func recordScans(
        _ scans: [ScanRecord], recent: Int, finish: @escaping @Sendable (ScanRecord, ScanHistory) -> ScanRecord
    ) async throws -> [ScanHistory] {
        guard !scans.isEmpty else { return [] }
        return try await pool.write { db in
            var stored: [UnitKey: ScanHistory] = [:]
            for unit in ScanSequence.units(of: scans) {
                if let history = try Self.history(of: unit, recent: recent, in: db) { stored[unit] = history }
            }
            let sequenced = ScanSequence.finish(scans, histories: stored, recent: recent, using: finish)
            let insertScan = try SQLiteRawStatement(
                db,
                sql: """
                    INSERT INTO scans (gtin, lot, serial, scanned_at, verdict, latitude, longitude, client)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let countUnit = try SQLiteRawStatement(
                db,
                sql: """
                    INSERT INTO units (gtin, lot, serial, scan_count, first_scan_at, last_scan_at)
                    VALUES (?, ?, ?, 1, ?, ?)
                    ON CONFLICT (gtin, lot, serial) DO UPDATE SET
                        scan_count = scan_count + 1,
                        first_scan_at = min(coalesce(first_scan_at, excluded.first_scan_at), excluded.first_scan_at),
                        last_scan_at = max(coalesce(last_scan_at, excluded.last_scan_at), excluded.last_scan_at)
                    """)
            for scan in sequenced.records {
                let gtin = scan.gtin.gtin14
                let at = scan.scannedAt.microsecondsSince1970
                insertScan.bind(gtin, at: 1)
                insertScan.bind(scan.lot, at: 2)
                insertScan.bind(scan.serial, at: 3)
                insertScan.bind(at, at: 4)
                insertScan.bind(scan.verdict.rawValue, at: 5)
                insertScan.bind(scan.location?.latitude, at: 6)
                insertScan.bind(scan.location?.longitude, at: 7)
                insertScan.bind(scan.client.rawValue, at: 8)
                try insertScan.execute()
                countUnit.bind(gtin, at: 1)
                countUnit.bind(scan.lot, at: 2)
                countUnit.bind(scan.serial, at: 3)
                countUnit.bind(at, at: 4)
                countUnit.bind(at, at: 5)
                try countUnit.execute()
            }
            return sequenced.histories
        }
    }

    /// The unit's scan count and first scan (from `units`) and its latest scans, newest first
    /// (from `scans` through `scans_by_unit`), read in one snapshot.
    public func scanHistory(gtin: GTIN, lot: String, serial: String, recent: Int) async throws -> ScanHistory {
        let unit = UnitKey(gtin: gtin, lot: lot, serial: serial)
        return try await pool.read { db in try Self.history(of: unit, recent: recent, in: db) ?? .none }
    }

    /// A unit's history as stored, or `nil` when it has never been scanned.
    static func history(of unit: UnitKey, recent: Int, in db: Database) throws -> ScanHistory? {
        let gtin = unit.gtin.gtin14
        let units = try SQLiteRawStatement(
            db, sql: "SELECT scan_count, first_scan_at FROM units WHERE gtin = ? AND lot = ? AND serial = ?")
        units.bind(gtin, at: 1)
        units.bind(unit.lot, at: 2)
        units.bind(unit.serial, at: 3)
        var found: (count: Int64, first: Int64?)?
        try units.forEachRow { found = (units.int64(0), units.optionalInt64(1)) }
        guard let found else { return nil }
        var latest: [ScanRecord] = []
        if recent > 0 {
            let scans = try SQLiteRawStatement(
                db,
                sql: """
                    SELECT scanned_at, verdict, latitude, longitude, client FROM scans
                    WHERE gtin = ? AND lot = ? AND serial = ?
                    ORDER BY scanned_at DESC, id DESC LIMIT ?
                    """)
            scans.bind(gtin, at: 1)
            scans.bind(unit.lot, at: 2)
            scans.bind(unit.serial, at: 3)
            scans.bind(Int64(recent), at: 4)
            try scans.forEachRow {
                latest.append(
                    try StoredScan.record(
                        unit: unit, scannedAt: Date(microsecondsSince1970: scans.int64(0)), verdict: scans.text(1),
                        latitude: scans.optionalDouble(2), longitude: scans.optionalDouble(3), client: scans.text(4)))
            }
        }
        return ScanHistory(
            count: Int(found.count), firstScanAt: found.first.map(Date.init(microsecondsSince1970:)), recent: latest)
    }
}
