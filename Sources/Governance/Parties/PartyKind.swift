public import QualityCore

/// What a party on a platform is.
public enum PartyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A merchant (经营者) selling on the platform.
    case merchant
    /// A live room (直播间), run by an operator merchant.
    case liveRoom = "live_room"
    /// A host (主播) presenting in live rooms.
    case host
    /// An agency (MCN机构) that signs hosts.
    case agency

    /// Parses a kind name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let kind = PartyKind(rawValue: text.lowercased()) else {
            let names = PartyKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_party_kind", "unknown party kind '\(text)'; expected one of \(names)")
        }
        self = kind
    }

    /// Whether parties of this kind are organisations that hold a unified social credit code.
    public var holdsCreditCode: Bool { self != .host }
}
