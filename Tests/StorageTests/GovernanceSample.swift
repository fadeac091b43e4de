import Access
import Foundation
import Governance
import QualityCore
import Storage

/// Governance test data: credit codes that pass their check character, a platform, days.
enum GovernanceSample {
    /// Made-up codes with valid check characters.
    static let merchantCode = "91330106MA2B00001Y"
    static let operatorCode = "91310000MA1K00002C"
    static let agencyCode = "91440300MA5F00003G"

    /// A code.
    static func code(_ text: String) throws -> CreditCode { try CreditCode(text) }

    /// The platform every party belongs to.
    static func platform(_ stores: Stores, name: String = "Jade Market") async throws -> Organisation {
        try await stores.access.createOrganisation(name: name, role: .platform)
    }

    /// A merchant registered straight in the store.
    static func merchant(_ stores: Stores, platform: Organisation, categories: [String] = []) async throws -> Party {
        try await stores.governance.createParty(
            platformID: platform.id, kind: .merchant, name: "Sunny Meadow Shop", creditCode: try code(merchantCode),
            categories: categories, parentID: nil, at: Sample.instant)
    }

    /// A document draft valid between two days.
    static func document(_ kind: DocumentKind, from start: String = "2024-01-01", until end: String? = "2030-12-31")
        throws -> DocumentDraft
    {
        DocumentDraft(
            kind: kind, issuer: "杭州市市场监督管理局", number: "330106000123456", validFrom: try CalendarDay(start),
            validUntil: try end.map { try CalendarDay($0) })
    }

    /// An evaluation with one finding of a severity.
    static func evaluation(_ severity: Severity?) -> RuleEvaluation {
        let findings = severity.map { severity in
            [
                Finding(
                    rule: Rule(
                        id: RuleID.documentMissing, severity: severity, category: "documents",
                        explanation: LocalizedText(zh: "缺少 {document}", en: "missing {document}"), basis: "电子商务法"),
                    subject: "food_business_licence", values: ["document": "food_business_licence"])
            ]
        }
        return RuleEvaluation(ruleSetVersion: "2026.1", findings: findings ?? [])
    }
}
