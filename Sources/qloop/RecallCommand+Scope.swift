import ArgumentParser
import Storage
import Trace

extension RecallCommand {
    /// `qloop recall scope`: every unit, container, location, order and downstream lot a recall
    /// of a batch reaches, from the stored EPCIS events (as the operator: all events).
    struct Scope: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scope",
            abstract: "List the units, containers, locations, orders and downstream lots a recall of a batch reaches.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The product's GTIN.") var gtin: String
        @Option(help: "Lot number.") var lot: String
        @Option(name: .customLong("serial-from"), help: "First serial of a range (inclusive).") var serialFrom: String?
        @Option(name: .customLong("serial-to"), help: "Last serial of a range (inclusive).") var serialTo: String?
        @Flag(help: "Print JSON: units, containers, locations, orders, lots and counts.") var json = false

        func run() async throws {
            let serials = try SerialRange(from: serialFrom, to: serialTo)
            let scope = try await database.withStores { stores in
                try await RecallScopeSearch(store: stores.recallScope).scope(
                    gtin: gtin, lot: lot, serials: serials, visibleTo: nil)
            }
            if json {
                try Output.json(scope)
                return
            }
            let counts = scope.counts
            print(
                "recall of \(scope.gtin) lot \(scope.lot): \(counts.units) units, \(counts.containers) containers, "
                    + "\(counts.locations) locations, \(counts.orders) orders, \(counts.lots) lots")
            for (title, list) in [
                ("lots", scope.lots), ("containers", scope.containers), ("locations", scope.locations),
                ("orders", scope.orders),
            ] where !list.isEmpty {
                print("\(title):")
                for item in list { print("  \(item)") }
            }
        }
    }
}
