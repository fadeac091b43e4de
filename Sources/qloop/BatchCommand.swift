import Access
import ArgumentParser
import Passport
import QualityCore
import Storage

/// `qloop batch …`: register batches.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Register and list batches.", subcommands: [Add.self, List.self])

    /// `qloop batch add`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a batch of a product.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Acting organisation (default: the product's owner).") var org: String?
        @Option(help: "The product's GTIN.") var gtin: String
        @Option(help: "Lot number (AI 10).") var lot: String
        @Option(help: "Production date, YYYY-MM-DD.") var produced: String
        @Option(help: "Expiry date, YYYY-MM-DD.") var expires: String?
        @Option(help: "Units made.") var quantity: Int64?
        @Option(name: .customLong("factory-gln"), help: "Factory GLN (13 digits).") var factoryGLN: String?
        @Option(name: .customLong("lab-report"), help: "Lab report reference.") var labReport: String?
        @OptionGroup var ledger: LedgerWriteOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let draft = BatchDraft(
                gtin: gtin, lot: lot, produced: produced, expires: expires, factoryGLN: factoryGLN,
                quantity: quantity, labReport: labReport)
            try await database.withStores { stores in
                try await ledger.withService(stores) { service in
                    let organisation = try await stores.actingOrganisation(org, gtin: try draft.validatedGTIN())
                    let batch = try await service.registerBatch(draft, by: organisation)
                    if json { try Output.json(batch) } else { print("batch \(batch.gtin.gtin14) lot \(batch.lot)") }
                }
            }
        }
    }

    /// `qloop batch list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a product's batches.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The product's GTIN.") var gtin: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let gtin = try GTIN(checking: gtin)
            try await database.withStores { stores in
                let batches = try await stores.passport.batches(gtin: gtin)
                if json {
                    try Output.json(batches)
                } else {
                    for batch in batches {
                        let recall = batch.recall.map { " RECALLED: \($0.reason)" } ?? ""
                        print("\(batch.lot)\tproduced \(batch.producedOn)\texpires \(batch.expiresOn?.description ?? "-")\(recall)")
                    }
                }
            }
        }
    }
}

extension Stores {
    /// The organisation a command acts for: the one named, or else the owner of the product.
    func actingOrganisation(_ name: String?, gtin: GTIN) async throws -> Organisation {
        if let name { return try await access.named(name) }
        guard let product = try await passport.product(gtin: gtin) else {
            throw QualityError.notFound("product_not_found", "no product is registered with GTIN \(gtin.gtin14)")
        }
        guard let owner = try await access.organisation(id: product.ownerID) else {
            throw QualityError.notFound("organisation_not_found", "the owner of \(gtin.gtin14) no longer exists")
        }
        return owner
    }
}
