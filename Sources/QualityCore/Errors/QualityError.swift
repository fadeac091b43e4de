/// A failure the domain can name: what kind of failure, a stable machine-readable code and a
/// human message. The web layer maps `kind` to an HTTP status in one place; the CLI prints the
/// message and exits non-zero.
public struct QualityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure, which decides how an interface reports it.
    public enum Kind: String, Sendable, Equatable {
        /// The caller sent something malformed or inconsistent.
        case invalid
        /// The named resource does not exist (or is not visible to the caller).
        case notFound
        /// The caller is known but may not do this.
        case forbidden
        /// The caller did not prove who it is.
        case unauthorized
        /// The request collides with existing state (a duplicate, a wrong state).
        case conflict
        /// The request is larger than the service accepts.
        case tooLarge
    }

    /// The class of failure.
    public var kind: Kind
    /// A stable, machine-readable code such as `gtin_not_registered`.
    public var code: String
    /// A message for people, naming what is wrong and, where possible, how to fix it.
    public var message: String

    /// Creates an error of a kind with a code and a message.
    public init(_ kind: Kind, code: String, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// The message, so that `print(error)` is readable.
    public var description: String { message }
}

extension QualityError {
    /// A malformed or inconsistent input.
    public static func invalid(_ code: String, _ message: String) -> QualityError {
        QualityError(.invalid, code: code, message: message)
    }

    /// A missing resource.
    public static func notFound(_ code: String, _ message: String) -> QualityError {
        QualityError(.notFound, code: code, message: message)
    }

    /// A known caller doing something it may not do.
    public static func forbidden(_ code: String, _ message: String) -> QualityError {
        QualityError(.forbidden, code: code, message: message)
    }

    /// A collision with existing state.
    public static func conflict(_ code: String, _ message: String) -> QualityError {
        QualityError(.conflict, code: code, message: message)
    }
}
