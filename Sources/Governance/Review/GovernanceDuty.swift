public import QualityCore

/// What a person acting in governance does; together with their organisation it decides what
/// they may do. Organisation roles (`Access.Role`) say what an organisation is; duties say what
/// someone in it does.
public enum GovernanceDuty: String, Sendable, Hashable, Codable, CaseIterable {
    /// A platform's reviewer: opens reviews and decides them, overriding `warn` rules with a reason.
    case reviewer
    /// A platform's chief quality officer (首席质量官): may also override `block` rules and veto.
    case cqo
    /// A merchant (经营者) on the platform.
    case merchant
    /// A live-room operator.
    case liveRoomOperator = "live_room_operator"
    /// A host (主播).
    case host
    /// An agency (MCN).
    case agency
    /// A market regulator: reads everything, changes nothing.
    case regulator

    /// Parses a duty name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let duty = GovernanceDuty(rawValue: text.lowercased()) else {
            let names = GovernanceDuty.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_duty", "unknown duty '\(text)'; expected one of \(names)")
        }
        self = duty
    }

    /// Whether the duty decides reviews for its platform.
    public var reviews: Bool { self == .reviewer || self == .cqo }
}
