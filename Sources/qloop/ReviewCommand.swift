import ArgumentParser
import Foundation
import Governance
import QualityCore
import Storage

/// `qloop review …`: onboarding reviews, their decisions, and regulator list imports.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Open and decide onboarding reviews (入驻审核); import regulator lists.",
        subcommands: [Open.self, Decide.self, Show.self, ImportList.self, Blacklist.self])

    /// `qloop review open`.
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a review of a party; print what the rules found.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Option(help: "Party id.") var party: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let review = try await service.openReview(of: party, by: actor)
                    if json {
                        try Output.json(review)
                    } else {
                        print("review \(review.id) of party \(party) opened")
                        for line in GovernanceText.findings(review.evaluation) { print(line) }
                    }
                }
            }
        }
    }

    /// `qloop review decide`.
    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide a review: approve, reject, request_changes or veto (the decision goes into the ledger).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Option(help: "Review id.") var review: Int64
        @Option(help: "approve, reject, request_changes or veto.") var outcome: String
        @Option(help: "Why; required to override a rule, to refuse and to veto.") var reason: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            guard let outcome = ReviewDecision.Outcome(rawValue: outcome.lowercased()) else {
                throw QualityError.invalid(
                    "unknown_outcome", "unknown outcome '\(outcome)'; expected approve, reject, request_changes or veto"
                )
            }
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let decision = try await service.decide(review, outcome: outcome, reason: reason, by: actor)
                    if json {
                        try Output.json(decision)
                    } else {
                        let overridden =
                            decision.overriddenRules.isEmpty
                            ? "" : " overriding \(decision.overriddenRules.joined(separator: ", "))"
                        print("review \(review): \(decision.outcome.rawValue) by \(decision.decidedBy)\(overridden)")
                    }
                }
            }
        }
    }

    /// `qloop review show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a review, its findings and its decisions.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Argument(help: "Review id.") var review: Int64
        @Flag(help: "Print JSON.") var json = false

        /// The JSON shape.
        struct Shown: Encodable {
            let review: OnboardingReview
            let decisions: [ReviewDecision]
        }

        func run() async throws {
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let shown = Shown(
                        review: try await service.review(review, for: actor),
                        decisions: try await service.decisions(of: review, for: actor))
                    if json {
                        try Output.json(shown)
                    } else {
                        print("review \(review) of party \(shown.review.partyID): \(shown.review.status.rawValue)")
                        for line in GovernanceText.findings(shown.review.evaluation) { print(line) }
                        for decision in shown.decisions {
                            print("\(decision.outcome.rawValue)\t\(decision.decidedBy)\t\(decision.reason ?? "")")
                        }
                    }
                }
            }
        }
    }

    /// `qloop review import-list`.
    struct ImportList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-list",
            abstract: "Import a serious-violation / business-abnormality list (CSV); all rows or none.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Argument(help: "CSV file: credit_code,name,list,listed_on,removed_on,authority,reason.") var file: String
        @Flag(help: "Print JSON.") var json = false

        /// The JSON shape.
        struct Imported: Encodable { let imported: Int }

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw QualityError.invalid("unreadable_file", "cannot read \(file) as UTF-8 text")
            }
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let count = try await service.importViolationList(csv: text, by: actor)
                    if json { try Output.json(Imported(imported: count)) } else { print("\(count) new list entries") }
                }
            }
        }
    }

    /// `qloop review blacklist`.
    struct Blacklist: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Blacklist a party or credit code (CQO only), or lift an entry with --lift.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Option(help: "Party id.") var party: Int64?
        @Option(name: .customLong("credit-code"), help: "Credit code, also for entities not registered.")
        var creditCode: String?
        @Option(help: "Why.") var reason: String?
        @Option(help: "The evidence: a penalty decision or case number.") var evidence: String?
        @Option(help: "Term in years.") var years = 3
        @Option(help: "Lift this entry id instead.") var lift: Int64?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let entry: BlacklistEntry
                    if let lift {
                        entry = try await service.liftBlacklistEntry(lift, by: actor)
                    } else {
                        entry = try await service.blacklist(
                            partyID: party, creditCode: creditCode, reason: reason ?? "", evidence: evidence ?? "",
                            years: years, by: actor)
                    }
                    if json {
                        try Output.json(entry)
                    } else {
                        print("blacklist entry \(entry.id) \(entry.status.rawValue) until \(entry.endsOn)")
                    }
                }
            }
        }
    }
}
