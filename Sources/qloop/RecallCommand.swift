import ArgumentParser
import Passport
import QualityCore
import Storage

/// `qloop recall`: recall a batch or lift its recall (`recall order`, the default, so
/// `qloop recall --gtin … --lot … --reason …` still works), or find what a recall reaches
/// (`recall scope`).
struct RecallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall", abstract: "Recall a batch, lift a recall, find a recall's scope, or keep a recall record.",
        subcommands: [Order.self, Scope.self, RecallRecordCommand.self], defaultSubcommand: Order.self)

    /// `qloop recall order` (the default): recall a batch, or lift its recall.
    struct Order: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "order", abstract: "Recall a batch (or lift its recall with --lift).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Acting organisation: the owner (default) or a regulator.") var org: String?
        @Option(help: "The product's GTIN.") var gtin: String
        @Option(help: "Lot number.") var lot: String
        @Option(help: "Reason shown to buyers.") var reason: String
        @Flag(help: "Lift the recall in force instead of ordering one.") var lift = false
        @OptionGroup var ledger: LedgerWriteOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let gtin = try GTIN(checking: gtin)
            try await database.withStores { stores in
                try await ledger.withService(stores) { service in
                    let organisation = try await stores.actingOrganisation(org, gtin: gtin)
                    let batch =
                        lift
                        ? try await service.liftRecall(gtin: gtin, lot: lot, reason: reason, by: organisation)
                        : try await service.recall(gtin: gtin, lot: lot, reason: reason, by: organisation)
                    if json {
                        try Output.json(batch)
                    } else {
                        print("\(lift ? "recall lifted for" : "recalled") \(gtin.gtin14) lot \(lot)")
                    }
                }
            }
        }
    }
}
