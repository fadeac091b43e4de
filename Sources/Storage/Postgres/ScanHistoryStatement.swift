import PostgresNIO

/// The statement behind `PostgresStore.scanHistory`, prepared once per connection: every
/// verification reads a unit's history, and the lateral join is worth planning only once.
///
/// The unit's counters come from `units`; its latest scans from `scans`, walking the primary key
/// (gtin, lot, serial, scanned_at, id) backwards. One statement reads both in one snapshot. A unit
/// without scans joins to one row whose scan columns are NULL; no row means no unit.
struct ScanHistoryStatement: PostgresPreparedStatement {
    /// Count, first scan, then the scan columns (NULL for a unit without scans).
    typealias Row = (Int64, PostgresInstant?, PostgresInstant?, String?, Double?, Double?, String?)

    /// The statement: `$1` GTIN-14, `$2` lot, `$3` serial, `$4` how many recent scans.
    static let sql = """
        SELECT u.scan_count, u.first_scan_at, s.scanned_at, s.verdict, s.latitude, s.longitude, s.client
        FROM units u
        LEFT JOIN LATERAL (
            SELECT id, scanned_at, verdict, latitude, longitude, client FROM scans
            WHERE gtin = u.gtin AND lot = u.lot AND serial = u.serial
            ORDER BY scanned_at DESC, id DESC LIMIT $4
        ) s ON true
        WHERE u.gtin = $1 AND u.lot = $2 AND u.serial = $3
        ORDER BY s.scanned_at DESC, s.id DESC
        """

    /// The unit's GTIN-14.
    var gtin: String
    /// The unit's lot.
    var lot: String
    /// The unit's serial.
    var serial: String
    /// The most recent scans to return.
    var limit: Int64

    /// The parameters, in order.
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(gtin)
        bindings.append(lot)
        bindings.append(serial)
        bindings.append(limit)
        return bindings
    }

    /// Decodes one joined row.
    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}
