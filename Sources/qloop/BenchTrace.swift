import ArgumentParser
import Crypto
import Foundation
import Trace

extension Bench {
    /// `qloop bench epcis-hash`: CBV 2.0 event hashes per second on one core, over a generated
    /// batch of realistic ObjectEvents, beside SHA-256 alone over the same pre-hash strings.
    struct EpcisHash: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "epcis-hash",
            abstract: "Time CBV 2.0 event hashing (canonicalise + SHA-256) of generated ObjectEvents.")
        @Option(help: "Events per run.") var count = 100_000
        @Option(help: "Runs (the median is reported).") var runs = 5
        @Flag(help: "Print JSON.") var json = false

        /// Runs the command.
        func run() async throws {
            let events = try SampleEventBatch(count: count).events()
            guard events.count == count else { throw ExitCode(2) }
            let preHashes = events.map { EventHasher.preHash(of: $0) }
            var seconds: [Double] = []
            var peerSeconds: [Double] = []
            var sink: UInt8 = 0
            for _ in 0..<runs {
                var start = ContinuousClock.now
                for event in events { sink ^= EventHasher.hash(of: event).digest[0] }
                seconds.append((ContinuousClock.now - start).seconds)
                // Peer: SHA-256 of the finished pre-hash strings, the part no canonicalisation can avoid.
                start = ContinuousClock.now
                for text in preHashes { sink ^= SHA256.hash(data: Array(text.utf8)).withUnsafeBytes { $0[0] } }
                peerSeconds.append((ContinuousClock.now - start).seconds)
            }
            if sink == 0x5A { FileHandle.nullDevice.write(Data([sink])) }
            let rate = Double(count) / median(seconds)
            let peerRate = Double(count) / median(peerSeconds)
            try BenchReport(
                name: "epcis-hash", count: Int64(count), runs: runs, medianSeconds: median(seconds),
                ratePerSecond: rate,
                peer: "SHA-256 alone over the same pre-hash strings", peerRatePerSecond: peerRate,
                ratioToPeer: rate / peerRate
            ).print(json: json)
        }
    }
}
