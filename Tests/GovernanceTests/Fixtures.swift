import Access
import Foundation
import Governance
import QualityCore

/// Parties, documents and days the governance tests share.
enum Fixtures {
    /// Published unified social credit codes, an independent check of the check-character rule.
    static let publishedCodes = ["914403001922038216", "91330100716105852F", "911100007109310534"]
    /// Well-formed codes made up for the tests.
    static let merchantCode = "91330106MA2B00001Y"
    static let operatorCode = "91310000MA1K00002C"

    /// The day the tests review on.
    static let today = day("2026-06-15")

    /// A day from `YYYY-MM-DD`.
    static func day(_ text: String) -> CalendarDay {
        do { return try CalendarDay(text) } catch { fatalError("bad test day \(text)") }
    }

    /// The platform the parties belong to.
    static let platform = Organisation(
        id: 7, name: "Jade Market", role: .platform, createdAt: Date(timeIntervalSince1970: 1_780_000_000))

    /// A merchant declaring categories.
    static func merchant(id: Int64 = 1, categories: [String] = [], standing: PartyStanding = .pending) -> Party {
        Party(
            id: id, platformID: platform.id, kind: .merchant, name: "Sunny Meadow Shop",
            creditCode: try? CreditCode(merchantCode), categories: categories, parentID: nil, standing: standing,
            createdAt: Date(timeIntervalSince1970: 1_780_000_000))
    }

    /// A document of a party valid between two days.
    static func document(
        _ kind: DocumentKind, of party: Party, from start: String = "2024-01-01", until end: String? = "2030-12-31"
    ) -> QualificationDocument {
        QualificationDocument(
            id: Int64(kind.hashValue & 0xffff), partyID: party.id, kind: kind, issuer: "杭州市市场监督管理局",
            number: "No.\(kind.rawValue)", validFrom: day(start), validUntil: end.map(day),
            filedAt: Date(timeIntervalSince1970: 1_780_000_000))
    }

    /// Facts with the given records, reviewed on `today`.
    static func facts(
        _ party: Party, documents: [QualificationDocument], blacklist: [BlacklistEntry] = [],
        listings: [ViolationListing] = [], parent: Party? = nil, today: CalendarDay = Fixtures.today
    ) -> OnboardingFacts {
        OnboardingFacts(
            party: party, documents: documents, blacklistEntries: blacklist, listings: listings, parent: parent,
            today: today)
    }

    /// The bundled rule set.
    static let rules: RuleSet = {
        do { return try RuleSet.bundled() } catch { fatalError("bundled rules: \(error)") }
    }()

    /// An actor of the platform (or another organisation) with a duty.
    static func actor(_ duty: GovernanceDuty, organisation: Organisation = platform) -> GovernanceActor {
        GovernanceActor(organisation: organisation, duty: duty)
    }
}
