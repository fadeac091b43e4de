/// The answer to "is this unit what it claims to be?", one of six words.
public enum VerdictKind: String, Sendable, Codable, CaseIterable {
    /// Issued by the producer, in date, not recalled, scanned plausibly.
    case genuine
    /// Well-formed, but never issued: the serial does not authenticate or lies outside every issuance.
    case forged
    /// No such product or batch is registered.
    case unknown
    /// Issued, but scanned too often or from places too far apart too quickly.
    case suspectedClone = "suspected_clone"
    /// Issued, but its batch is recalled.
    case recalled
    /// Issued, but past its expiry date.
    case expired

    /// The Chinese word shown on the scan page.
    public var chinese: String {
        switch self {
        case .genuine: "正品"
        case .forged: "伪造码"
        case .unknown: "未知产品"
        case .suspectedClone: "疑似克隆码"
        case .recalled: "已召回"
        case .expired: "已过期"
        }
    }
}
