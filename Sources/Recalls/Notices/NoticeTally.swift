/// How a recall's notices stand: how many in each status, how many buyers gave each response,
/// and the units the notices cover.
public struct NoticeTally: Sendable, Hashable, Codable {
    /// Notices per status; every status is present.
    public var byStatus: [NoticeStatus: Int64]
    /// Notices per response given; responses nobody gave are absent.
    public var byResponse: [BuyerResponse: Int64]
    /// The units of every notice.
    public var units: Int64

    enum CodingKeys: String, CodingKey {
        case units
        case byStatus = "by_status"
        case byResponse = "by_response"
    }

    /// A tally.
    public init(byStatus: [NoticeStatus: Int64], byResponse: [BuyerResponse: Int64], units: Int64) {
        var complete = byStatus
        for status in NoticeStatus.allCases where complete[status] == nil { complete[status] = 0 }
        self.byStatus = complete
        self.byResponse = byResponse
        self.units = units
    }

    /// No notices.
    public static let empty = NoticeTally(byStatus: [:], byResponse: [:], units: 0)

    /// Every notice.
    public var total: Int64 { byStatus.values.reduce(0, +) }

    /// Encodes the maps with their names as keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            Dictionary(uniqueKeysWithValues: byStatus.map { ($0.key.rawValue, $0.value) }), forKey: .byStatus)
        try container.encode(
            Dictionary(uniqueKeysWithValues: byResponse.map { ($0.key.rawValue, $0.value) }), forKey: .byResponse)
        try container.encode(units, forKey: .units)
    }

    /// Decodes the maps from their names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let statuses = try container.decode([String: Int64].self, forKey: .byStatus)
        let responses = try container.decode([String: Int64].self, forKey: .byResponse)
        self.init(
            byStatus: Dictionary(
                uniqueKeysWithValues: statuses.compactMap { key, value in
                    NoticeStatus(rawValue: key).map { ($0, value) }
                }),
            byResponse: Dictionary(
                uniqueKeysWithValues: responses.compactMap { key, value in
                    BuyerResponse(rawValue: key).map { ($0, value) }
                }),
            units: try container.decode(Int64.self, forKey: .units))
    }
}
