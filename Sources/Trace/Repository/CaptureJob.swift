public import Foundation

/// A capture of one document or event: who sent it, when, and what became of it. A document is
/// accepted whole or rejected whole, so a job either stored every new event or none.
public struct CaptureJob: Sendable, Equatable, Codable {
    /// The job's id, e.g. `cap_3f1c…`.
    public var id: String
    /// The organisation that sent the capture; `nil` for a local import.
    public var organisationID: Int64?
    /// When the capture was received.
    public var createdAt: Date
    /// When it finished.
    public var finishedAt: Date?
    /// Whether every event was stored (or already there).
    public var success: Bool
    /// Events in the capture.
    public var eventCount: Int
    /// Events stored by this capture.
    public var acceptedCount: Int
    /// Events that were stored already (same event hash), by an earlier capture or earlier in this one.
    public var duplicateCount: Int
    /// Why the capture was rejected: every error found, with its path.
    public var errors: [EPCISProblem]

    /// Creates a job.
    public init(
        id: String, organisationID: Int64?, createdAt: Date, finishedAt: Date?, success: Bool, eventCount: Int,
        acceptedCount: Int = 0, duplicateCount: Int = 0, errors: [EPCISProblem] = []
    ) {
        self.id = id
        self.organisationID = organisationID
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.success = success
        self.eventCount = eventCount
        self.acceptedCount = acceptedCount
        self.duplicateCount = duplicateCount
        self.errors = errors
    }

    /// A new random job id: `cap_` and 24 hexadecimal digits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = Array("cap_".utf8)
        for _ in 0..<24 { text.append(digits[Int(generator.next() % 16)]) }
        return String(decoding: text, as: UTF8.self)
    }
}
