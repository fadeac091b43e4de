import ArgumentParser
import Passport
import QualityCore
import Storage

/// `qloop verify`: the verdict for a scanned code, as the server gives it.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Verify a unit code and record the scan.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A GS1 Digital Link URI.") var uri: String
    @Flag(name: .customLong("no-record"), help: "Do not record this as a scan.") var noRecord = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await database.withStores { stores in
            let verdict = try await PassportService(stores: stores).verify(
                uri, context: ScanContext(client: .cli, records: !noRecord))
            if json {
                try Output.json(verdict)
            } else {
                print("\(verdict.verdict.rawValue) (\(verdict.verdict.chinese))")
                for reason in verdict.reasons { print("  - \(reason)") }
                if let product = verdict.product { print("product: \(product.name) [\(verdict.gtin)]") }
                if let producer = verdict.producer { print("producer: \(producer)") }
                print("scans: \(verdict.scanCount)")
            }
        }
    }
}
