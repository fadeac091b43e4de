public import Logging
public import Passport
public import Storage

/// Everything the web server can be told, as one typed value. Every key reads from the
/// environment variable named beside it (see `init(environment:)`); the command line may then
/// override any field.
///
/// | field | environment | type | default |
/// | --- | --- | --- | --- |
/// | `host` | `QUALITYLOOP_HOST` | String | `127.0.0.1` |
/// | `port` | `QUALITYLOOP_PORT` | Int | `8080` |
/// | `database` | `QUALITYLOOP_DATABASE_URL` (or `--db`/`--database-url`) | DatabaseLocation | `sqlite:./qualityloop.sqlite` |
/// | `resolverStem` | `QUALITYLOOP_RESOLVER_STEM` | String? | `http://{host}:{port}`: the server is its own resolver |
/// | `clonePolicy.maximumScans` | `QUALITYLOOP_CLONE_MAX_SCANS` | Int | `20` |
/// | `clonePolicy.maximumSpeedKilometresPerHour` | `QUALITYLOOP_CLONE_MAX_SPEED_KMH` | Double | `900` |
/// | `clonePolicy.minimumDistanceKilometres` | `QUALITYLOOP_CLONE_MIN_DISTANCE_KM` | Double | `50` |
/// | `scanRateLimitPerMinute` | `QUALITYLOOP_SCAN_RATE_LIMIT` | Int | `600` (0 turns the limit off) |
/// | `maximumBodySize` | `QUALITYLOOP_MAX_BODY_BYTES` | Int | `8388608` (8 MiB) |
/// | `bulkVerifyLimit` | `QUALITYLOOP_BULK_VERIFY_LIMIT` | Int | `10000` |
/// | `epcisCaptureLimit` | `QUALITYLOOP_EPCIS_CAPTURE_LIMIT` | Int | `10000` |
/// | `epcisCaptureFileSizeLimit` | `QUALITYLOOP_EPCIS_CAPTURE_MAX_BYTES` | Int | `16777216` (16 MiB) |
/// | `idleTimeoutSeconds` | `QUALITYLOOP_IDLE_TIMEOUT` | Double | `15` |
/// | `requestLogLevel` | `QUALITYLOOP_REQUEST_LOG_LEVEL` | Logger.Level | `info` |
/// | `serverName` | `QUALITYLOOP_SERVER_NAME` | String | `QualityLoop` |
/// | `ledgerKeyPath` | `QUALITYLOOP_LEDGER_KEY` (or `--ledger-key`) | String | `./qualityloop-ledger.key` |
/// | `governanceRulesPath` | `QUALITYLOOP_GOVERNANCE_RULES` | String? | `nil`: the rule set shipped in the build |
/// | `calendarPath` | `QUALITYLOOP_CALENDAR` | String? | `nil`: the working-day calendar shipped in the build |
public struct AppConfiguration: Sendable {
    /// The address to listen on. Default `127.0.0.1`.
    public var host: String
    /// The TCP port to listen on; 0 picks a free one. Default `8080`.
    public var port: Int
    /// Where the stores keep their data. Default: the embedded SQLite file `./qualityloop.sqlite`.
    public var database: DatabaseLocation
    /// The resolver stem printed in unit URIs and used to read scanned paths, e.g.
    /// `https://id.example.cn`. Default `nil`, meaning `http://{host}:{port}`.
    public var resolverStem: String?
    /// When a unit counts as a suspected clone. Default: 20 scans, 900 km/h, 50 km.
    public var clonePolicy: ClonePolicy
    /// Public scans (resolver, QR, badge) one client address may make per minute, as a token
    /// bucket of that size refilled evenly; 0 disables the limit. Default `600`.
    public var scanRateLimitPerMinute: Int
    /// The largest request body accepted, in bytes; larger bodies get 413. Default 8 MiB.
    public var maximumBodySize: Int
    /// The most URIs one `POST /api/v1/verify` may carry. Default `10000`.
    public var bulkVerifyLimit: Int
    /// The most events one EPCIS capture may hold (`GS1-EPCIS-Capture-Limit`). Default `10000`.
    public var epcisCaptureLimit: Int = 10_000
    /// The largest EPCIS capture body, in bytes (`GS1-EPCIS-Capture-File-Size-Limit`). Default 16 MiB.
    public var epcisCaptureFileSizeLimit: Int = 16 * 1024 * 1024
    /// Seconds a connection may stay idle (or stalled mid-request) before it is closed. Default `15`.
    public var idleTimeoutSeconds: Double
    /// The level at which every request is logged. Default `info`.
    public var requestLogLevel: Logger.Level
    /// The name sent in the `Server` header and shown in the resolver description. Default `QualityLoop`.
    public var serverName: String
    /// The file holding the ledger's Ed25519 signing key, outside the database; created (mode
    /// 0600) on first run. Default `./qualityloop-ledger.key`.
    public var ledgerKeyPath: String
    /// A governance rule-set JSON file (see docs/governance.md), read at start; a malformed file
    /// stops the start. Default `nil`: the rule set shipped in the build.
    public var governanceRulesPath: String? = nil
    /// A working-day calendar file in the `cn-holidays.json` format, read at start, for a newer
    /// holiday notice than the build carries; a malformed file stops the start. Default `nil`:
    /// the calendar shipped in the build.
    public var calendarPath: String? = nil

    /// Creates a configuration; every parameter has the documented default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseLocation = .sqlite(path: DatabaseLocation.defaultSQLitePath),
        resolverStem: String? = nil,
        clonePolicy: ClonePolicy = .standard,
        scanRateLimitPerMinute: Int = 600,
        maximumBodySize: Int = 8 * 1024 * 1024,
        bulkVerifyLimit: Int = 10_000,
        idleTimeoutSeconds: Double = 15,
        requestLogLevel: Logger.Level = .info,
        serverName: String = "QualityLoop",
        ledgerKeyPath: String = "./qualityloop-ledger.key"
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.resolverStem = resolverStem
        self.clonePolicy = clonePolicy
        self.scanRateLimitPerMinute = scanRateLimitPerMinute
        self.maximumBodySize = maximumBodySize
        self.bulkVerifyLimit = bulkVerifyLimit
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.requestLogLevel = requestLogLevel
        self.serverName = serverName
        self.ledgerKeyPath = ledgerKeyPath
    }

    /// The stem in effect: `resolverStem` without a trailing slash, or `http://{host}:{port}`.
    public var effectiveResolverStem: String {
        if let stem = resolverStem, !stem.isEmpty {
            return stem.hasSuffix("/") ? String(stem.dropLast()) : stem
        }
        let printable = host.contains(":") ? "[\(host)]" : host
        return "http://\(printable):\(port)"
    }
}
