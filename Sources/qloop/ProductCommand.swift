import Access
import ArgumentParser
import Ledger
import Passport
import QualityCore
import Storage

/// `qloop product …`: register and list products.
struct ProductCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Register and list products.", subcommands: [Add.self, List.self])

    /// `qloop product add`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a product for a producer.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Producer organisation name.") var org: String
        @Option(help: "GTIN (8, 12, 13 or 14 digits).") var gtin: String
        @Option(help: "Product name.") var name: String
        @Option(help: "food, cosmetics, apparel, electronics, children or other.") var category: String
        @Option(help: "Brand.") var brand: String?
        @Option(help: "Place of origin.") var origin: String?
        @Option(help: "Composition or ingredients.") var composition: String?
        @Option(help: "Specification (size, weight, model).") var specification: String?
        @Option(help: "Product standard, e.g. GB 19298-2014.") var standard: String?
        @OptionGroup var ledger: LedgerWriteOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let draft = ProductDraft(
                gtin: gtin, name: name, brand: brand, category: category, specification: specification,
                standard: standard, composition: composition, origin: origin)
            try await database.withStores { stores in
                try await ledger.withService(stores) { service in
                    let organisation = try await stores.access.named(org)
                    let product = try await service.registerProduct(draft, by: organisation)
                    if json { try Output.json(product) } else { print("product \(product.gtin.gtin14) \(product.name)") }
                }
            }
        }
    }

    /// `qloop product list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an organisation's products.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Organisation name.") var org: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                let organisation = try await stores.access.named(org)
                let products = try await stores.passport.products(ownedBy: organisation.id)
                if json {
                    try Output.json(products)
                } else {
                    for product in products { print("\(product.gtin.gtin14)\t\(product.category.rawValue)\t\(product.name)") }
                }
            }
        }
    }
}

extension PassportService {
    /// The service over opened stores with the stem from `QUALITYLOOP_RESOLVER_STEM` (default
    /// the local server).
    init(stores: Stores, stem: String? = nil, ledger: Ledger? = nil) {
        let environment = ProcessInfo.processInfo.environment
        self.init(
            store: stores.passport, access: stores.access,
            stem: stem ?? environment["QUALITYLOOP_RESOLVER_STEM"] ?? "http://127.0.0.1:8080", ledger: ledger)
    }
}

import Foundation
