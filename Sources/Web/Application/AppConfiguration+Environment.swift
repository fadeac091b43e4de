import Foundation
import Logging
import Passport
public import QualityCore
import Storage

extension AppConfiguration {
    /// Reads the configuration from environment variables (names in the table on
    /// `AppConfiguration`); a variable that is absent keeps the default, one that cannot be read
    /// is an error naming the variable.
    public init(environment: [String: String]) throws(QualityError) {
        self.init()
        let reader = EnvironmentReader(environment: environment)
        host = reader.string("QUALITYLOOP_HOST") ?? host
        port = try reader.integer("QUALITYLOOP_PORT", in: 0...65_535) ?? port
        database = DatabaseLocation.resolve(db: nil, databaseURL: nil, environment: environment)
        resolverStem = reader.string("QUALITYLOOP_RESOLVER_STEM") ?? resolverStem
        clonePolicy.maximumScans =
            try reader.integer("QUALITYLOOP_CLONE_MAX_SCANS", in: 1...1_000_000) ?? clonePolicy.maximumScans
        clonePolicy.maximumSpeedKilometresPerHour =
            try reader.double("QUALITYLOOP_CLONE_MAX_SPEED_KMH") ?? clonePolicy.maximumSpeedKilometresPerHour
        clonePolicy.minimumDistanceKilometres =
            try reader.double("QUALITYLOOP_CLONE_MIN_DISTANCE_KM") ?? clonePolicy.minimumDistanceKilometres
        scanRateLimitPerMinute =
            try reader.integer("QUALITYLOOP_SCAN_RATE_LIMIT", in: 0...10_000_000) ?? scanRateLimitPerMinute
        maximumBodySize = try reader.integer("QUALITYLOOP_MAX_BODY_BYTES", in: 1024...(1 << 30)) ?? maximumBodySize
        bulkVerifyLimit = try reader.integer("QUALITYLOOP_BULK_VERIFY_LIMIT", in: 1...1_000_000) ?? bulkVerifyLimit
        epcisCaptureLimit =
            try reader.integer("QUALITYLOOP_EPCIS_CAPTURE_LIMIT", in: 1...10_000_000) ?? epcisCaptureLimit
        epcisCaptureFileSizeLimit =
            try reader.integer("QUALITYLOOP_EPCIS_CAPTURE_MAX_BYTES", in: 1024...(1 << 31)) ?? epcisCaptureFileSizeLimit
        idleTimeoutSeconds = try reader.double("QUALITYLOOP_IDLE_TIMEOUT") ?? idleTimeoutSeconds
        if let level = reader.string("QUALITYLOOP_REQUEST_LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw .invalid(
                    "bad_configuration",
                    "QUALITYLOOP_REQUEST_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical; got '\(level)'"
                )
            }
            requestLogLevel = parsed
        }
        serverName = reader.string("QUALITYLOOP_SERVER_NAME") ?? serverName
        ledgerKeyPath = reader.string("QUALITYLOOP_LEDGER_KEY") ?? ledgerKeyPath
        governanceRulesPath = reader.string("QUALITYLOOP_GOVERNANCE_RULES") ?? governanceRulesPath
        calendarPath = reader.string("QUALITYLOOP_CALENDAR") ?? calendarPath
    }
}

/// Typed reads of environment variables with errors that name the variable.
private struct EnvironmentReader {
    /// The variables read.
    let environment: [String: String]

    /// A variable's trimmed text, `nil` when absent or blank.
    func string(_ key: String) -> String? {
        guard let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A whole number within `range`, or an error naming the variable.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(QualityError) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .invalid(
                "bad_configuration",
                "\(key) must be a whole number in \(range.lowerBound)...\(range.upperBound); got '\(text)'")
        }
        return value
    }

    /// A positive number, or an error naming the variable.
    func double(_ key: String) throws(QualityError) -> Double? {
        guard let text = string(key) else { return nil }
        guard let value = Double(text), value.isFinite, value > 0 else {
            throw .invalid("bad_configuration", "\(key) must be a positive number; got '\(text)'")
        }
        return value
    }
}
