/// The declaration that an earlier event was in error; an event carrying it is the original
/// event re-sent with this block, so it has the same event hash (the block is not hashed).
public struct ErrorDeclaration: Sendable, Equatable {
    /// When the error was declared.
    public var declarationTime: EPCISTimestamp?
    /// Why: a CBV error reason (`did_not_occur`, `incorrect_data`) as URI, or a user URI.
    public var reason: String?
    /// Events that correct the erroneous one.
    public var correctiveEventIDs: [String]
    /// Extension fields, in document order.
    public var extensions: [EPCISExtension]

    /// Creates a declaration.
    public init(
        declarationTime: EPCISTimestamp?, reason: String? = nil, correctiveEventIDs: [String] = [],
        extensions: [EPCISExtension] = []
    ) {
        self.declarationTime = declarationTime
        self.reason = reason
        self.correctiveEventIDs = correctiveEventIDs
        self.extensions = extensions
    }
}
