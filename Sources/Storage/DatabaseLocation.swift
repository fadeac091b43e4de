/// Where the stores keep their data: an SQLite file (the embedded default) or a PostgreSQL
/// database named by a `postgres://` URL.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file, created on first use.
    case sqlite(path: String)
    /// A PostgreSQL database, as `postgres://user:password@host:port/database?sslmode=disable`.
    case postgres(url: String)

    /// The SQLite file used when nothing else is configured.
    public static let defaultSQLitePath = "./qualityloop.sqlite"
    /// The environment variable that selects PostgreSQL when no option is given.
    public static let environmentKey = "QUALITYLOOP_DATABASE_URL"

    /// Picks the database from the command line first, then the environment, then the default.
    ///
    /// - Parameters:
    ///   - db: `--db PATH`, an SQLite file (a `postgres://` URL here is taken as one).
    ///   - databaseURL: `--database-url URL`, a PostgreSQL URL; it wins over `db`.
    ///   - environment: the process environment; `QUALITYLOOP_DATABASE_URL` is read when neither
    ///     option is given.
    public static func resolve(db: String?, databaseURL: String?, environment: [String: String]) -> DatabaseLocation {
        if let databaseURL = nonEmpty(databaseURL) {
            return .postgres(url: databaseURL)
        }
        if let db = nonEmpty(db) {
            return PostgresURL.looksLikeURL(db) ? .postgres(url: db) : .sqlite(path: db)
        }
        if let url = nonEmpty(environment[environmentKey]) {
            return .postgres(url: url)
        }
        return .sqlite(path: defaultSQLitePath)
    }

    /// The location for logs and messages, with any password hidden.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            return (try? PostgresURL(parsing: url).redacted) ?? "postgres (unparsable URL)"
        }
    }

    /// The text, unless it is missing or only blanks.
    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }
}
