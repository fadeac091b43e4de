public import QualityCore

/// What an organisation is in the quality loop; it decides what the organisation may do.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Registers products and batches, issues unit codes, runs recalls.
    case producer
    /// Runs a trading platform: reviews merchants and listings, verifies codes in bulk.
    case platform
    /// Issues test reports and certificates.
    case lab
    /// Market regulator: reads everything, orders recalls.
    case regulator

    /// Parses a role name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let role = Role(rawValue: text.lowercased()) else {
            let names = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_role", "unknown role '\(text)'; expected one of \(names)")
        }
        self = role
    }
}
