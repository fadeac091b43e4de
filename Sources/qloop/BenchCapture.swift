import ArgumentParser
import Foundation
import Storage
import Trace

extension Bench {
    /// `qloop bench epcis-capture`: EPCIS capture (decode, validate, hash, persist) of a generated
    /// world of ObjectEvents into a fresh database, one document after another, beside decoding
    /// and hashing the same documents without validating or storing them.
    struct EpcisCapture: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "epcis-capture",
            abstract: "Time capturing generated EPCIS documents (decode, validate, hash, persist) into a new database.")
        @Option(help: "Events in all.") var count = 1_000_000
        @Option(name: .customLong("per-document"), help: "Events per captured document.") var perDocument = 1_000
        @Option(help: "SQLite file to use (default: a new temporary file, removed afterwards).") var db: String?
        @Option(name: .customLong("database-url"), help: "An empty PostgreSQL database to use instead.")
        var databaseURL: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            guard count > 0, perDocument > 0, perDocument <= count else {
                throw ValidationError("count and per-document must be positive, per-document at most count")
            }
            let temporary = NSTemporaryDirectory() + "qloop-bench-capture-\(UUID().uuidString).sqlite"
            let location = DatabaseLocation.resolve(
                db: db ?? (databaseURL == nil ? temporary : nil), databaseURL: databaseURL, environment: [:])
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
            let stores = try await Stores.open(location, logger: CommandLogger.make())
            do {
                let capture = EventCapture(store: stores.events, eventLimit: perDocument)
                var captureSeconds = 0.0
                var peerSeconds = 0.0
                var stored = 0
                var documents = 0
                let progress = ProgressBar(total: Int64(count), label: "capture")
                while stored < count {
                    // Each document is generated outside the clock, with its own seed so events differ.
                    let size = min(perDocument, count - stored)
                    let bytes = Array(SampleEventBatch(count: size, seed: 2026 + UInt64(documents)).jsonLD.utf8)
                    var start = ContinuousClock.now
                    let job = try await capture.capture(bytes, by: nil)
                    captureSeconds += (ContinuousClock.now - start).seconds
                    guard job.success, job.acceptedCount == size else {
                        throw ValidationError("document \(documents) was not stored whole: \(job.errors.prefix(3))")
                    }
                    // Peer: decoding and hashing the same bytes, without validation or storage.
                    start = ContinuousClock.now
                    let hashes = try EPCISJSONDecoder().decode(bytes).eventHashes
                    guard hashes.count == size else { throw ExitCode(2) }
                    peerSeconds += (ContinuousClock.now - start).seconds
                    stored += size
                    documents += 1
                    progress.update(Int64(stored))
                }
                await stores.close()
                let rate = Double(count) / captureSeconds
                let peerRate = Double(count) / peerSeconds
                try BenchReport(
                    name: databaseURL == nil ? "epcis-capture (SQLite)" : "epcis-capture (PostgreSQL)", count: Int64(count), runs: 1, medianSeconds: captureSeconds,
                    ratePerSecond: rate, peer: "decode + hash of the same documents, nothing stored",
                    peerRatePerSecond: peerRate, ratioToPeer: rate / peerRate
                ).print(json: json)
            } catch {
                await stores.close()
                throw error
            }
        }
    }
}
