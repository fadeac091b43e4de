import ArgumentParser
import Foundation
import Storage
import Trace

extension Bench {
    /// `qloop bench recall-scope`: the recall scope of one lot of a generated world (units
    /// commissioned with ILMD, packed into cases, cases onto pallets, pallets shipped on orders
    /// and received, beside a second lot of the same GTIN), beside reading the lot's unit
    /// identities alone, the least any answer must do.
    struct RecallScopeBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recall-scope",
            abstract: "Time the recall scope of a lot of generated units packed into cases and pallets.")
        @Option(help: "Units in the lot recalled.") var units = 1_000_000
        @Option(name: .customLong("per-case"), help: "Units per case.") var perCase = 24
        @Option(name: .customLong("per-pallet"), help: "Cases per pallet.") var perPallet = 50
        @Option(name: .customLong("other-units"), help: "Units of a second lot of the same GTIN.") var otherUnits =
            100_000
        @Option(help: "Runs (the median is reported).") var runs = 5
        @Option(help: "SQLite file: reused when it exists (built by the same command), else built and kept.")
        var db: String?
        @Option(name: .customLong("database-url"), help: "An empty PostgreSQL database to use instead.")
        var databaseURL: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            guard units > 0, perCase > 0, perPallet > 0, runs > 0, otherUnits >= 0 else {
                throw ValidationError("sizes and runs must be positive")
            }
            let temporary = NSTemporaryDirectory() + "qloop-bench-recall-\(UUID().uuidString).sqlite"
            let path = db ?? (databaseURL == nil ? temporary : nil)
            let reuse = path.map { FileManager.default.fileExists(atPath: $0) } ?? false
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
            let stores = try await Stores.open(
                DatabaseLocation.resolve(db: path, databaseURL: databaseURL, environment: [:]),
                logger: CommandLogger.make())
            do {
                let cases = (units + perCase - 1) / perCase
                let pallets = (cases + perPallet - 1) / perPallet
                if !reuse {
                    let start = ContinuousClock.now
                    try await build(stores.events, cases: cases, pallets: pallets)
                    let built = ContinuousClock.now
                    let indexed = try await stores.recallScope.indexLots()
                    Output.error(
                        "world: \(units + otherUnits) units, \(cases) cases, \(pallets) pallets; stored in "
                            + "\(String(format: "%.1f", (built - start).seconds)) s, lot index of \(indexed) events in "
                            + "\(String(format: "%.1f", (ContinuousClock.now - built).seconds)) s")
                } else {
                    try await stores.recallScope.indexLots()
                }
                let search = RecallScopeSearch(store: stores.recallScope)
                var seconds: [Double] = []
                var peerSeconds: [Double] = []
                var cpuSeconds: [Double] = []
                // One run first, outside the clock, so every timed run finds the pages cached.
                _ = try await search.scope(gtin: BenchWorld.gtin, lot: BenchWorld.lot, visibleTo: nil)
                for _ in 0..<runs {
                    var start = ContinuousClock.now
                    let cpu = BenchWorld.processCPUSeconds()
                    let scope = try await search.scope(gtin: BenchWorld.gtin, lot: BenchWorld.lot, visibleTo: nil)
                    seconds.append((ContinuousClock.now - start).seconds)
                    cpuSeconds.append(BenchWorld.processCPUSeconds() - cpu)
                    guard scope.counts.units == units, scope.counts.containers == cases + pallets,
                        scope.counts.orders == pallets, scope.counts.lots == 1
                    else { throw ValidationError("unexpected scope: \(scope.counts)") }
                    // Peer: reading the lot's unit identities alone, in the same store.
                    start = ContinuousClock.now
                    let read = try await stores.recallScope.lotUnits(
                        gtin: BenchWorld.gtin, lot: BenchWorld.lot, visibleTo: nil)
                    peerSeconds.append((ContinuousClock.now - start).seconds)
                    guard read.count == units else { throw ExitCode(2) }
                }
                await stores.close()
                Output.error("recall scope: median \(String(format: "%.3f", median(seconds))) s wall, \(String(format: "%.3f", median(cpuSeconds))) s CPU")
                let rate = Double(units) / median(seconds)
                let peerRate = Double(units) / median(peerSeconds)
                try BenchReport(
                    name: databaseURL == nil ? "recall-scope (SQLite)" : "recall-scope (PostgreSQL)",
                    count: Int64(units), runs: runs, medianSeconds: median(seconds), ratePerSecond: rate,
                    peer: "reading the lot's unit identities alone", peerRatePerSecond: peerRate,
                    ratioToPeer: rate / peerRate
                ).print(json: json)
            } catch {
                await stores.close()
                throw error
            }
        }

        /// Stores the world: both lots commissioned, the recalled lot packed, palletised,
        /// shipped and received.
        private func build(_ store: any EventStore, cases: Int, pallets: Int) async throws {
            var world = BenchWorld(store: store)
            let total = Int64((units + 999) / 1_000 + (otherUnits + 999) / 1_000 + cases + 3 * pallets)
            let progress = ProgressBar(total: total, label: "world")
            for (lot, range) in [(BenchWorld.lot, 0..<units), ("BENCH-LOT-2", units..<(units + otherUnits))] {
                for first in stride(from: range.lowerBound, to: range.upperBound, by: 1_000) {
                    let batch = (first..<min(first + 1_000, range.upperBound)).map(BenchWorld.unit)
                    try await world.add(
                        type: "ObjectEvent", action: "ADD", bizStep: "commissioning",
                        identifiers: batch.map { EventIdentifier(identity: $0, role: .epc) },
                        readPoint: BenchWorld.place(1),
                        json:
                            #"{"type":"ObjectEvent","action":"ADD","epcList":\#(BenchWorld.list(batch)),"ilmd":{"cbvmda:lotNumber":"\#(lot)"}}"#
                    )
                    progress.update(world.count)
                }
            }
            for index in 0..<cases {
                let parent = BenchWorld.container(kind: 1, index)
                let children = (index * perCase..<min((index + 1) * perCase, units)).map(BenchWorld.unit)
                try await world.add(
                    type: "AggregationEvent", action: "ADD", bizStep: "packing",
                    identifiers: [EventIdentifier(identity: parent, role: .parent)]
                        + children.map { EventIdentifier(identity: $0, role: .child) },
                    bizLocation: BenchWorld.place(1),
                    json:
                        #"{"type":"AggregationEvent","action":"ADD","parentID":"\#(parent)","childEPCs":\#(BenchWorld.list(children))}"#
                )
                if index % 1_000 == 0 { progress.update(world.count) }
            }
            for index in 0..<pallets {
                let parent = BenchWorld.container(kind: 2, index)
                let children = (index * perPallet..<min((index + 1) * perPallet, cases)).map {
                    BenchWorld.container(kind: 1, $0)
                }
                try await world.add(
                    type: "AggregationEvent", action: "ADD", bizStep: "loading",
                    identifiers: [EventIdentifier(identity: parent, role: .parent)]
                        + children.map { EventIdentifier(identity: $0, role: .child) },
                    bizLocation: BenchWorld.place(1),
                    json:
                        #"{"type":"AggregationEvent","action":"ADD","parentID":"\#(parent)","childEPCs":\#(BenchWorld.list(children))}"#
                )
                let order = "urn:epcglobal:cbv:bt:6901234000009:PO-\(index)"
                try await world.add(
                    type: "ObjectEvent", action: "OBSERVE", bizStep: "shipping",
                    identifiers: [EventIdentifier(identity: parent, role: .epc)], readPoint: BenchWorld.place(2),
                    bizLocation: BenchWorld.place(3 + index % 10),
                    transactions: [EventTransaction(type: "https://ref.gs1.org/cbv/BTT-po", identity: order)],
                    json: #"{"type":"ObjectEvent","action":"OBSERVE","epcList":["\#(parent)"]}"#)
                try await world.add(
                    type: "ObjectEvent", action: "OBSERVE", bizStep: "receiving",
                    identifiers: [EventIdentifier(identity: parent, role: .epc)],
                    bizLocation: BenchWorld.place(20 + index % 50),
                    json: #"{"type":"ObjectEvent","action":"OBSERVE","epcList":["\#(parent)"]}"#)
                if index % 100 == 0 { progress.update(world.count) }
            }
            try await world.flush()
            progress.update(total)
        }
    }
}
