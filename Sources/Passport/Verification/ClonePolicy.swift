public import Foundation
import QualityCore

/// When a genuine-looking unit is treated as a suspected clone: a real unit is scanned a few
/// times by a few people, in one place at a time. Thresholds are configuration.
public struct ClonePolicy: Sendable, Hashable, Codable {
    /// More scans than this (this scan included) make the unit suspect.
    public var maximumScans: Int
    /// Two consecutive scans that would need travel faster than this (km/h) make it suspect.
    public var maximumSpeedKilometresPerHour: Double
    /// Scans closer than this (km) never count as travel: coarse locations are ~11 km cells.
    public var minimumDistanceKilometres: Double

    /// Creates a policy.
    public init(maximumScans: Int = 20, maximumSpeedKilometresPerHour: Double = 900, minimumDistanceKilometres: Double = 50) {
        self.maximumScans = maximumScans
        self.maximumSpeedKilometresPerHour = maximumSpeedKilometresPerHour
        self.minimumDistanceKilometres = minimumDistanceKilometres
    }

    /// The default policy: 20 scans, airliner speed, 50 km.
    public static let standard = ClonePolicy()
}

extension ClonePolicy {
    /// What the clone check finds about a unit's history plus this scan.
    enum Finding {
        /// More scans than a unit plausibly gets.
        case tooManyScans(total: Int)
        /// A move from the previous located scan faster than travel allows.
        case impossibleTravel(kilometres: Double, hours: Double, speed: Double)
        /// Nothing suspicious in an earlier history.
        case plausible(total: Int, firstScanAt: Date)
        /// No earlier scan: nothing to say.
        case firstScan

        /// Whether the finding makes the unit a suspected clone.
        var suspicious: Bool {
            switch self {
            case .tooManyScans, .impossibleTravel: true
            case .plausible, .firstScan: false
            }
        }
    }

    /// The clone check's finding, without words: cheap enough for the write transaction.
    func finding(history: ScanHistory, location: ScanLocation?, counting: Bool, at time: Date) -> Finding {
        let total = history.count + (counting ? 1 : 0)
        if total > maximumScans { return .tooManyScans(total: total) }
        if let here = location,
            let last = history.recent.first(where: { $0.location != nil }), let there = last.location
        {
            let distance = here.kilometres(to: there)
            let hours = max(time.timeIntervalSince(last.scannedAt) / 3600, 1.0 / 60)
            let speed = distance / hours
            if distance >= minimumDistanceKilometres && speed > maximumSpeedKilometresPerHour {
                return .impossibleTravel(kilometres: distance, hours: hours, speed: speed)
            }
        }
        return history.count > 0 ? .plausible(total: total, firstScanAt: history.firstScanAt ?? time) : .firstScan
    }

    /// The clone check on a unit's history plus this scan (when `counting` it), or `nil` when
    /// there is nothing to say.
    public func check(history: ScanHistory, location: ScanLocation?, counting: Bool, at time: Date) -> VerdictCheck? {
        switch finding(history: history, location: location, counting: counting, at: time) {
        case .tooManyScans(let total):
            return .init(id: "unit.scan_count", outcome: .failed,
                message: "Scanned \(total) times; a single unit is rarely scanned more than \(maximumScans) times, so this code may have been copied.",
                messageZH: "已被扫描 \(total) 次，超过单品合理次数（\(maximumScans) 次），可能被复制。")
        case .impossibleTravel(let distance, let hours, let speed):
            return .init(id: "unit.travel", outcome: .failed,
                message: "Scanned \(Int(distance)) km from the previous scan \(Int(hours * 60)) minutes earlier (\(Int(speed)) km/h, more than \(Int(maximumSpeedKilometresPerHour)) km/h), so this code may have been copied.",
                messageZH: "与上次扫码相距 \(Int(distance)) 公里、仅隔 \(Int(hours * 60)) 分钟（约 \(Int(speed)) 公里/小时，超过 \(Int(maximumSpeedKilometresPerHour)) 公里/小时），可能被复制。")
        case .plausible(let total, let firstScanAt):
            let first = CalendarDay(chinaDayOf: firstScanAt.timeIntervalSince1970)
            return .init(id: "unit.scan_count", outcome: .passed,
                message: "Scanned \(total) times, first on \(first).", messageZH: "共扫码 \(total) 次，首次扫码于 \(first)。")
        case .firstScan:
            return nil
        }
    }

    /// A scan's stored form after the clone check on the unit's history before it: a genuine
    /// verdict becomes a suspected clone when the check finds it suspicious.
    public func finish(_ scan: ScanRecord, history: ScanHistory) -> ScanRecord {
        guard scan.verdict == .genuine,
            finding(history: history, location: scan.location, counting: true, at: scan.scannedAt).suspicious
        else { return scan }
        var suspect = scan
        suspect.verdict = .suspectedClone
        return suspect
    }
}
