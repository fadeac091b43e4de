/// One check a verdict ran, with its outcome explained in English and Chinese: verdicts are
/// explainable by construction.
public struct VerdictCheck: Sendable, Hashable, Codable {
    /// How a check came out.
    public enum Outcome: String, Sendable, Codable {
        /// The check passed.
        case passed
        /// The check failed and decided the verdict.
        case failed
        /// The check raised a concern without failing.
        case warning
        /// The check could not run because an earlier one failed.
        case skipped
    }

    /// A stable id, e.g. `serial.authentic`.
    public var id: String
    /// The outcome.
    public var outcome: Outcome
    /// The explanation in English.
    public var message: String
    /// The explanation in Chinese.
    public var messageZH: String

    /// Creates a check result.
    public init(id: String, outcome: Outcome, message: String, messageZH: String) {
        self.id = id
        self.outcome = outcome
        self.message = message
        self.messageZH = messageZH
    }

    enum CodingKeys: String, CodingKey {
        case id, outcome, message
        case messageZH = "message_zh"
    }
}
