import Access
import ArgumentParser
import Foundation
import Governance
import Ledger
import QualityCore
import Storage

/// Who a governance command acts as, under which rules, appending to which ledger. The command
/// line reaches the database directly, so the duty is stated rather than proved; the service
/// still holds the duty to its limits (a reviewer cannot override a block).
struct GovernanceOptions: ParsableArguments {
    @Option(help: "Acting organisation (a platform, or a regulator to read).") var org: String
    @Option(
        name: .customLong("as"),
        help: "Duty acted with: reviewer, cqo, merchant, live_room_operator, host, agency, regulator.")
    var duty: String
    @Option(help: "A governance rule-set JSON file (default QUALITYLOOP_GOVERNANCE_RULES or the shipped one).")
    var rules: String?
    @OptionGroup var ledger: LedgerWriteOptions

    /// Runs a body with the service and the acting party, signing a ledger checkpoint afterwards.
    func withService<T>(
        _ stores: Stores, _ body: (GovernanceService, GovernanceActor) async throws -> T
    ) async throws -> T {
        let duty = try GovernanceDuty(parsing: duty)
        let organisation = try await stores.access.named(org)
        let path =
            rules
            ?? ProcessInfo.processInfo.environment["QUALITYLOOP_GOVERNANCE_RULES"].flatMap { $0.isEmpty ? nil : $0 }
        let ruleSet = try path.map { try RuleSet.load(contentsOf: URL(fileURLWithPath: $0)) } ?? RuleSet.bundled()
        let log = Ledger(store: stores.ledger, signer: try ledger.file.loadOrCreate())
        let service = GovernanceService(store: stores.governance, rules: ruleSet, ledger: log)
        let result = try await body(service, GovernanceActor(organisation: organisation, duty: duty))
        try await log.close()
        return result
    }
}

/// Lines for people describing governance records.
enum GovernanceText {
    /// One line per finding, or a line saying nothing fired.
    static func findings(_ evaluation: RuleEvaluation) -> [String] {
        guard !evaluation.findings.isEmpty else { return ["no rule fired (rule set \(evaluation.ruleSetVersion))"] }
        return evaluation.findings.map { finding in
            "\(finding.severity.rawValue.uppercased())\t\(finding.ruleID)\t\(finding.explanation.zh) / \(finding.explanation.en)"
        } + ["rule set \(evaluation.ruleSetVersion)"]
    }
}
