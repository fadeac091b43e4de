/// Why a text is not a usable EPC URN.
public struct EPCURNError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// Whether the text is a well-formed EPC URN of a scheme that is not a GS1 key (such as
    /// `gid` or `usdod`), which is valid but has no Digital Link form.
    public let isUnconvertibleScheme: Bool

    /// Creates an error.
    init(_ message: String, unconvertible: Bool = false) {
        self.message = message
        isUnconvertibleScheme = unconvertible
    }

    /// The message.
    public var description: String { message }
}
