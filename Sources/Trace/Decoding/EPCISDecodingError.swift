/// Why a document could not be read at all (malformed JSON or XML).
public struct EPCISDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The syntax that was expected.
    public let format: EPCISDocument.Format
    /// What is wrong, with a position where known.
    public let message: String

    /// Creates an error.
    public init(format: EPCISDocument.Format, message: String) {
        self.format = format
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
