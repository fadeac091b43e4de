/// The database could not be reached or refused the login: the server is down, the address or
/// port is wrong, or the credentials or database name are. Not a domain error; interfaces report
/// it as a service failure.
public struct DatabaseUnavailable: Error, Sendable, CustomStringConvertible {
    /// The database, with any password hidden.
    public let location: String
    /// What the driver or the server said.
    public let reason: String

    /// Creates the error.
    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    /// "cannot use the database at …: …".
    public var description: String { "cannot use the database at \(location): \(reason)" }
}
