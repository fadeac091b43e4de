public import QualityCore

/// The kinds of qualification documents a party files at onboarding.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Business licence (营业执照).
    case businessLicence = "business_licence"
    /// Food business licence (食品经营许可证).
    case foodBusinessLicence = "food_business_licence"
    /// Cosmetics filing or registration (化妆品备案/注册).
    case cosmeticsFiling = "cosmetics_filing"
    /// China Compulsory Certification certificate (CCC认证证书).
    case cccCertificate = "ccc_certificate"
    /// A test report from a lab (检验检测报告).
    case testReport = "test_report"
    /// A host's identity document (身份证明), checked by the platform; only its number is kept.
    case identityDocument = "identity_document"

    /// Parses a kind name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let kind = DocumentKind(rawValue: text.lowercased()) else {
            let names = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_document_kind", "unknown document kind '\(text)'; expected one of \(names)")
        }
        self = kind
    }
}
