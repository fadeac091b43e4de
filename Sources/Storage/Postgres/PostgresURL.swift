import Foundation
import PostgresNIO
public import QualityCore

/// A parsed PostgreSQL connection URL, in the libpq form
/// `postgres://user:password@host:port/database?sslmode=disable`.
///
/// `postgresql://` works too; user and password may be percent-encoded; the port defaults to
/// 5432 and the database to the user name. `?host=/path` connects through the Unix socket in that
/// directory. `sslmode` is `disable`, `prefer` (the default) or `require`.
public struct PostgresURL: Sendable, Hashable {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// The host name or address, or the socket directory when it starts with `/`.
    public var host: String
    /// The TCP port (also names the Unix socket file).
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The password, if any.
    public var password: String?
    /// The database to open.
    public var database: String
    /// How TLS is used.
    public var tls: TLSMode

    /// Parses a URL, saying exactly what is wrong with a bad one.
    public init(parsing text: String) throws(QualityError) {
        guard PostgresURL.looksLikeURL(text) else {
            throw Self.bad("a PostgreSQL URL starts with postgres:// or postgresql://")
        }
        guard let components = URLComponents(string: text) else {
            throw Self.bad("it is not a well-formed URL (percent-encode special characters in the password)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw Self.bad("it names no user: use postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(libpqSSLMode: item.value ?? "") else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Self.bad("sslmode '\(item.value ?? "")' is not supported; use one of \(modes)")
                }
                tls = mode
            case "host":
                host = item.value ?? ""
            default:
                throw Self.bad("unknown parameter '\(item.name)'; only sslmode and host are understood")
            }
        }
        guard !host.isEmpty else {
            throw Self.bad("it names no host: use postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw Self.bad("port \(port) is outside 1–65535")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else {
            throw Self.bad("the path must be a single database name; got '\(path)'")
        }
        self.host = host
        self.port = port
        self.username = user
        self.password = components.password
        self.database = path.isEmpty ? user : path
        self.tls = tls
    }

    /// Whether a text is meant as a PostgreSQL URL rather than a file path.
    public static func looksLikeURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// The URL with the password replaced by `***`, for logs and messages.
    public var redacted: String { text(password: password == nil ? nil : "***") }

    /// The URL in full, password included, with `sslmode` spelled out.
    public var absoluteString: String { text(password: password) }

    /// The URL with a given password text.
    private func text(password: String?) -> String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.password = password
        if host.hasPrefix("/") {
            components.host = ""
            components.queryItems = [URLQueryItem(name: "host", value: host)]
        } else {
            components.host = host.contains(":") ? "[\(host)]" : host
        }
        components.port = port
        components.path = "/" + database
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "sslmode", value: tls.rawValue)]
        return components.string ?? "postgres://\(username)@\(host):\(port)/\(database)"
    }

    /// The same server and credentials with another database.
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The path of the Unix socket when `host` is a directory.
    private var socketPath: String {
        host.hasSuffix("/") ? "\(host).s.PGSQL.\(port)" : "\(host)/.s.PGSQL.\(port)"
    }

    /// The PostgresNIO client configuration for this URL.
    var clientConfiguration: PostgresClient.Configuration {
        if host.hasPrefix("/") {
            return PostgresClient.Configuration(
                unixSocketPath: socketPath, username: username, password: password, database: database)
        }
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(.makeClientConfiguration())
        case .require: mode = .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
    }

    /// The settings for a single direct connection, used to check the server before the pool
    /// starts (creating a TLS context can fail, hence `throws`).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if host.hasPrefix("/") {
            return PostgresConnection.Configuration(
                unixSocketPath: socketPath, username: username, password: password, database: database)
        }
        let mode: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
    }

    /// The error for a URL that cannot be used.
    private static func bad(_ reason: String) -> QualityError {
        .invalid("bad_database_url", "bad PostgreSQL URL: \(reason)")
    }
}

extension PostgresURL.TLSMode {
    /// Maps libpq's `sslmode` values onto the modes PostgresNIO offers: `allow` behaves as
    /// `prefer`, and the verifying modes as `require` (which verifies the certificate).
    init?(libpqSSLMode text: String) {
        switch text {
        case "disable": self = .disable
        case "allow", "prefer": self = .prefer
        case "require", "verify-ca", "verify-full": self = .require
        default: return nil
        }
    }
}
