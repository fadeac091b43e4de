import ArgumentParser
import Foundation
import Storage
import Trace

extension Bench {
    /// `qloop bench trace`: the trace of one unit (`TraceGraph`, as `qloop trace` and
    /// `/api/v1/trace` run it) among millions of stored events, for many different units,
    /// beside one indexed lookup of the events naming a unit.
    ///
    /// The world: every unit commissioned and sold by events of its own, packed 24 to a case,
    /// cases 50 to a pallet, each pallet loaded, shipped and received. A unit's trace reaches
    /// its case and pallet and six events.
    struct TraceBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trace", abstract: "Time the trace of one unit among a generated world of stored events.")
        @Option(help: "Events in the world (about two per unit).") var events = 10_000_000
        @Option(help: "Traces timed, each of a different unit (the median is reported).") var traces = 200
        @Option(help: "SQLite file: reused when it exists (built by the same command), else built and kept.")
        var db: String?
        @Option(name: .customLong("database-url"), help: "An empty PostgreSQL database to use instead.")
        var databaseURL: String?
        @Flag(help: "Print JSON.") var json = false

        static let perCase = 24
        static let perPallet = 50

        func run() async throws {
            guard events >= 1_000, traces > 0 else { throw ValidationError("at least 1,000 events and one trace") }
            // Events per unit: commissioning and sale, 1/24 of a packing, 3/1200 of a pallet's events.
            let perUnit: Double = 2 + 1 / Double(Self.perCase) + 3 / Double(Self.perCase * Self.perPallet)
            let units = Int(Double(events) / perUnit)
            let temporary = NSTemporaryDirectory() + "qloop-bench-trace-\(UUID().uuidString).sqlite"
            let path = db ?? (databaseURL == nil ? temporary : nil)
            let reuse = path.map { FileManager.default.fileExists(atPath: $0) } ?? false
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
            let stores = try await Stores.open(
                DatabaseLocation.resolve(db: path, databaseURL: databaseURL, environment: [:]),
                logger: CommandLogger.make())
            do {
                if !reuse {
                    let start = ContinuousClock.now
                    let stored = try await build(stores.events, units: units)
                    Output.error(
                        "world: \(stored) events, \(units) units; stored in "
                            + "\(String(format: "%.1f", (ContinuousClock.now - start).seconds)) s")
                }
                let graph = TraceGraph(store: stores.events)
                var generator = SplitMix(seed: 2026)
                let picks = (0..<traces).map { _ in BenchWorld.unit(Int(generator.next() % UInt64(units))) }
                _ = try await graph.trace(picks[0], visibleTo: nil)
                var seconds: [Double] = []
                var peerSeconds: [Double] = []
                for unit in picks {
                    var start = ContinuousClock.now
                    let trace = try await graph.trace(unit, visibleTo: nil)
                    seconds.append((ContinuousClock.now - start).seconds)
                    guard trace.nodes.count == 3, trace.events.count == 6 else {
                        throw ValidationError(
                            "unexpected trace of \(unit): \(trace.nodes.count) nodes, \(trace.events.count) events")
                    }
                    // Peer: one indexed lookup of the events naming the unit, as one trace step.
                    start = ContinuousClock.now
                    let found = try await stores.events.traceEvents(naming: [unit], visibleTo: nil)
                    peerSeconds.append((ContinuousClock.now - start).seconds)
                    guard found.count == 3 else { throw ExitCode(2) }
                }
                await stores.close()
                let p99 = seconds.sorted()[min(seconds.count - 1, Int(Double(seconds.count) * 0.99))]
                Output.error(
                    "trace: median \(String(format: "%.3f", median(seconds) * 1000)) ms, p99 \(String(format: "%.3f", p99 * 1000)) ms over \(traces) units"
                )
                try BenchReport(
                    name: databaseURL == nil ? "trace (SQLite)" : "trace (PostgreSQL)", count: Int64(traces),
                    runs: traces, medianSeconds: median(seconds), ratePerSecond: 1 / median(seconds),
                    peer: "one indexed lookup of the events naming the unit",
                    peerRatePerSecond: 1 / median(peerSeconds),
                    ratioToPeer: median(peerSeconds) / median(seconds)
                ).print(json: json)
            } catch {
                await stores.close()
                throw error
            }
        }

        /// Stores the world and returns how many events it holds.
        private func build(_ store: any EventStore, units: Int) async throws -> Int64 {
            var world = BenchWorld(store: store)
            let progress = ProgressBar(total: Int64(events), label: "world")
            let cases = (units + Self.perCase - 1) / Self.perCase
            for index in 0..<units {
                let unit = BenchWorld.unit(index)
                try await world.add(
                    type: "ObjectEvent", action: "ADD", bizStep: "commissioning",
                    identifiers: [EventIdentifier(identity: unit, role: .epc)], readPoint: BenchWorld.place(1),
                    json: #"{"type":"ObjectEvent","action":"ADD","epcList":["\#(unit)"]}"#)
                if index % Self.perCase == Self.perCase - 1 || index == units - 1 {
                    let box = index / Self.perCase
                    let parent = BenchWorld.container(kind: 1, box)
                    let children = (box * Self.perCase...index).map(BenchWorld.unit)
                    try await world.add(
                        type: "AggregationEvent", action: "ADD", bizStep: "packing",
                        identifiers: [EventIdentifier(identity: parent, role: .parent)]
                            + children.map { EventIdentifier(identity: $0, role: .child) },
                        bizLocation: BenchWorld.place(1),
                        json: #"{"type":"AggregationEvent","action":"ADD","parentID":"\#(parent)"}"#)
                    if box % Self.perPallet == Self.perPallet - 1 || box == cases - 1 {
                        try await pallet(box / Self.perPallet, cases: cases, world: &world)
                    }
                }
                if index % 10_000 == 0 { progress.update(world.count) }
            }
            // Sales come later, each unit's own event.
            for index in 0..<units {
                let unit = BenchWorld.unit(index)
                try await world.add(
                    type: "ObjectEvent", action: "OBSERVE", bizStep: "retail_selling",
                    identifiers: [EventIdentifier(identity: unit, role: .epc)],
                    bizLocation: BenchWorld.place(100 + index % 500),
                    json: #"{"type":"ObjectEvent","action":"OBSERVE","epcList":["\#(unit)"]}"#)
                if index % 10_000 == 0 { progress.update(world.count) }
            }
            try await world.flush()
            progress.update(world.count)
            return world.count
        }

        /// A pallet's loading, shipping and receiving.
        private func pallet(_ index: Int, cases: Int, world: inout BenchWorld) async throws {
            let parent = BenchWorld.container(kind: 2, index)
            let children = (index * Self.perPallet..<min((index + 1) * Self.perPallet, cases)).map {
                BenchWorld.container(kind: 1, $0)
            }
            try await world.add(
                type: "AggregationEvent", action: "ADD", bizStep: "loading",
                identifiers: [EventIdentifier(identity: parent, role: .parent)]
                    + children.map { EventIdentifier(identity: $0, role: .child) },
                bizLocation: BenchWorld.place(1),
                json: #"{"type":"AggregationEvent","action":"ADD","parentID":"\#(parent)"}"#)
            for (step, place) in [("shipping", 2), ("receiving", 3 + index % 50)] {
                try await world.add(
                    type: "ObjectEvent", action: "OBSERVE", bizStep: step,
                    identifiers: [EventIdentifier(identity: parent, role: .epc)], bizLocation: BenchWorld.place(place),
                    json: #"{"type":"ObjectEvent","action":"OBSERVE","epcList":["\#(parent)"]}"#)
            }
        }
    }
}

/// SplitMix64, for picking the same units on every run.
struct SplitMix {
    private var state: UInt64
    /// A generator from a seed.
    init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
