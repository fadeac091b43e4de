import PostgresNIO

/// The statement that reads the scan histories of a set of units, prepared once per connection:
/// every recorded batch of scans and every history lookup runs it.
///
/// The units' counters come from `units`; their latest scans from `scans`, walking the primary
/// key (gtin, lot, serial, scanned_at, id) backwards. One statement reads both in one snapshot. A
/// unit without scans joins to one row whose scan columns are NULL; a unit never scanned has no
/// row at all.
struct ScanHistoryStatement: PostgresPreparedStatement {
    /// One joined row: a unit, its counters, and one of its latest scans (if any).
    struct Row {
        var gtin: String
        var lot: String
        var serial: String
        var count: Int64
        var firstScanAt: PostgresInstant?
        var scannedAt: PostgresInstant?
        var verdict: String?
        var latitude: Double?
        var longitude: Double?
        var client: String?
    }

    /// The statement: `$1…$3` the units' GTIN-14s, lots and serials, `$4` how many recent scans.
    static let sql = """
        SELECT u.gtin, u.lot, u.serial, u.scan_count, u.first_scan_at,
               s.scanned_at, s.verdict, s.latitude, s.longitude, s.client
        FROM unnest($1::text[], $2::text[], $3::text[]) AS k(gtin, lot, serial)
        JOIN units u ON u.gtin = k.gtin AND u.lot = k.lot AND u.serial = k.serial
        LEFT JOIN LATERAL (
            SELECT id, scanned_at, verdict, latitude, longitude, client FROM scans
            WHERE gtin = u.gtin AND lot = u.lot AND serial = u.serial
            ORDER BY scanned_at DESC, id DESC LIMIT $4
        ) s ON true
        ORDER BY u.gtin, u.lot, u.serial, s.scanned_at DESC, s.id DESC
        """

    /// The units' GTIN-14s.
    var gtins: [String] = []
    /// The units' lots.
    var lots: [String] = []
    /// The units' serials.
    var serials: [String] = []
    /// The most recent scans to return per unit.
    var limit: Int64 = 0

    /// The parameters, in order.
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(gtins)
        bindings.append(lots)
        bindings.append(serials)
        bindings.append(limit)
        return bindings
    }

    /// Decodes one joined row.
    func decodeRow(_ row: PostgresRow) throws -> Row {
        let (gtin, lot, serial, count, firstScanAt, scannedAt, verdict, latitude, longitude, client) = try row.decode(
            (String, String, String, Int64, PostgresInstant?, PostgresInstant?, String?, Double?, Double?, String?).self)
        return Row(
            gtin: gtin, lot: lot, serial: serial, count: count, firstScanAt: firstScanAt, scannedAt: scannedAt,
            verdict: verdict, latitude: latitude, longitude: longitude, client: client)
    }
}
