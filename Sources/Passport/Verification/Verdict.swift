public import Foundation

/// The full answer to a scan: the verdict word, every check with its explanation, and the facts a
/// buyer wants to see (product, batch, producer, scan history).
public struct Verdict: Sendable, Codable {
    /// The verdict word.
    public var verdict: VerdictKind
    /// Why, in English: the messages of the checks that failed or warned (or a confirmation).
    public var reasons: [String]
    /// Why, in Chinese.
    public var reasonsZH: [String]
    /// Every check that ran, in order.
    public var checks: [VerdictCheck]
    /// The code as scanned, in canonical form.
    public var uri: String
    /// The GTIN-14.
    public var gtin: String
    /// The lot, if the code has one.
    public var lot: String?
    /// The serial, if the code has one.
    public var serial: String?
    /// The product, when registered.
    public var product: Product?
    /// The batch, when registered.
    public var batch: Batch?
    /// The producer's name, when known.
    public var producer: String?
    /// How many times this unit has been scanned, this scan included.
    public var scanCount: Int
    /// When the unit was first scanned.
    public var firstScanAt: Date?
    /// The latest scans before this one, newest first.
    public var recentScans: [ScanRecord]
    /// When this verdict was given.
    public var checkedAt: Date

    /// Creates a verdict value.
    public init(
        verdict: VerdictKind, checks: [VerdictCheck], uri: String, gtin: String, lot: String?, serial: String?,
        product: Product?, batch: Batch?, producer: String?, scanCount: Int, firstScanAt: Date?,
        recentScans: [ScanRecord], checkedAt: Date
    ) {
        self.verdict = verdict
        let decisive = checks.filter { $0.outcome == .failed || $0.outcome == .warning }
        let shown = decisive.isEmpty ? checks.filter { $0.outcome == .passed } : decisive
        self.reasons = shown.map(\.message)
        self.reasonsZH = shown.map(\.messageZH)
        self.checks = checks
        self.uri = uri
        self.gtin = gtin
        self.lot = lot
        self.serial = serial
        self.product = product
        self.batch = batch
        self.producer = producer
        self.scanCount = scanCount
        self.firstScanAt = firstScanAt
        self.recentScans = recentScans
        self.checkedAt = checkedAt
    }

    enum CodingKeys: String, CodingKey {
        case verdict, reasons, checks, uri, gtin, lot, serial, product, batch, producer
        case reasonsZH = "reasons_zh"
        case scanCount = "scan_count"
        case firstScanAt = "first_scan_at"
        case recentScans = "recent_scans"
        case checkedAt = "checked_at"
    }
}
