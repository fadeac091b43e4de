/// How a fired rule weighs on a decision.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// Worth a reviewer's attention; a reviewer may approve over it with a reason.
    case warn
    /// Stops approval; only the chief quality officer may override it, with a reason.
    case block

    /// `warn` < `block`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warn && rhs == .block }
}
