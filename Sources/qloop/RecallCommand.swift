import ArgumentParser
import Passport
import QualityCore
import Storage

/// `qloop recall`: recall a batch.
struct RecallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recall", abstract: "Recall a batch.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Acting organisation: the owner (default) or a regulator.") var org: String?
    @Option(help: "The product's GTIN.") var gtin: String
    @Option(help: "Lot number.") var lot: String
    @Option(help: "Reason shown to buyers.") var reason: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let gtin = try GTIN(checking: gtin)
        try await database.withStores { stores in
            let organisation = try await stores.actingOrganisation(org, gtin: gtin)
            let batch = try await PassportService(stores: stores).recall(gtin: gtin, lot: lot, reason: reason, by: organisation)
            if json { try Output.json(batch) } else { print("recalled \(gtin.gtin14) lot \(lot)") }
        }
    }
}
