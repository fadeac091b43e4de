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
