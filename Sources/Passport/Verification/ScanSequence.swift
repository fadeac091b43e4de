public import QualityCore

/// A unit as scan records name it: GTIN, lot and serial.
public struct UnitKey: Hashable, Sendable {
    /// The product's GTIN.
    public let gtin: GTIN
    /// The batch's lot.
    public let lot: String
    /// The unit's serial.
    public let serial: String

    /// Creates a unit key.
    public init(gtin: GTIN, lot: String, serial: String) {
        self.gtin = gtin
        self.lot = lot
        self.serial = serial
    }
}

extension ScanRecord {
    /// The unit this scan is of.
    public var unit: UnitKey { UnitKey(gtin: gtin, lot: lot, serial: serial) }
}

extension ScanHistory {
    /// The history after one more scan, keeping at most `recent` latest scans, newest first.
    public func adding(_ scan: ScanRecord, keeping recent: Int) -> ScanHistory {
        var latest = self.recent
        let position = latest.firstIndex { $0.scannedAt <= scan.scannedAt } ?? latest.endIndex
        latest.insert(scan, at: position)
        if latest.count > recent { latest.removeLast(latest.count - recent) }
        let first = firstScanAt.map { min($0, scan.scannedAt) } ?? scan.scannedAt
        return ScanHistory(count: count + 1, firstScanAt: first, recent: latest)
    }
}

/// How a batch of scans is written: in arrival order, each scan first sees its unit's history
/// as it stood just before it — including the scans ahead of it in the same batch — and is
/// *finished* from that history (the clone check may turn a genuine verdict into a suspected
/// clone) before it is stored.
///
/// Stores load the histories of the batch's units once, call `sequence`, and insert the
/// finished records in the same transaction, so a scan costs no read of its own.
public enum ScanSequence {
    /// Finishes each scan from its unit's history, returning the records to store and, for each
    /// scan, the history it was finished from. `histories` holds what is stored for the units
    /// (a unit missing from it has never been scanned).
    public static func finish(
        _ scans: [ScanRecord], histories: [UnitKey: ScanHistory], recent: Int,
        using finish: (ScanRecord, ScanHistory) -> ScanRecord
    ) -> (records: [ScanRecord], histories: [ScanHistory]) {
        var current = histories
        var records: [ScanRecord] = []
        var before: [ScanHistory] = []
        records.reserveCapacity(scans.count)
        before.reserveCapacity(scans.count)
        for scan in scans {
            let unit = scan.unit
            let history = current[unit] ?? .none
            let record = finish(scan, history)
            records.append(record)
            before.append(history)
            current[unit] = history.adding(record, keeping: recent)
        }
        return (records, before)
    }

    /// The distinct units of a batch of scans, in first-seen order.
    public static func units(of scans: [ScanRecord]) -> [UnitKey] {
        var seen: Set<UnitKey> = []
        return scans.compactMap { seen.insert($0.unit).inserted ? $0.unit : nil }
    }
}
