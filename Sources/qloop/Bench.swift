import ArgumentParser
import Crypto
import Foundation
import Passport
import QualityCore

/// `qloop bench …`: the measurements behind BENCHMARKS.md, run on a release build. Each prints
/// the median of several runs and a ratio against a peer measured in the same run.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (use a release build).", subcommands: [
            Issue.self, Parse.self, EpcisHash.self, EpcisCapture.self, LedgerLog.self, RecallScopeBench.self,
            TraceBench.self,
        ])

    /// `qloop bench issue`: label lines per second against raw HMAC-SHA256 per second.
    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time writing N unit URIs to a file, beside the raw HMAC-SHA256 rate on the same input.")
        @Option(help: "Codes per run.") var count: Int64 = 10_000_000
        @Option(help: "Runs (the median is reported).") var runs = 5
        @Option(help: "Output file (default a temporary file).") var out: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let gtin = try GTIN(checking: "09506000134352")
            let lot = "LOT2026A"
            let signer = SerialSigner(key: .generate(id: 0), gtin: gtin, lot: lot)
            let writer = LabelWriter(stem: "https://id.example.cn")
            let issuance = Passport.Issuance(
                id: 1, gtin: gtin, lot: lot, firstIndex: 0, count: count, issuedBy: 1, issuedAt: Date())
            let path = out ?? NSTemporaryDirectory() + "qloop-bench-labels.csv"
            var issueSeconds: [Double] = []
            var hmacSeconds: [Double] = []
            for _ in 0..<runs {
                let file = try LabelFile(path: path)
                let start = ContinuousClock.now
                try await writer.write(issuance, signer: signer, sink: { try file.write($0) })
                try file.close()
                issueSeconds.append((ContinuousClock.now - start).seconds)
                hmacSeconds.append(rawHMACSeconds(count: count, gtin: gtin, lot: lot))
            }
            try? FileManager.default.removeItem(atPath: path)
            let issueRate = Double(count) / median(issueSeconds)
            let hmacRate = Double(count) / median(hmacSeconds)
            let report = BenchReport(
                name: "issue", count: count, runs: runs, medianSeconds: median(issueSeconds), ratePerSecond: issueRate,
                peer: "HMAC-SHA256 (swift-crypto, one core, same message)", peerRatePerSecond: hmacRate,
                ratioToPeer: issueRate / hmacRate)
            try report.print(json: json)
        }

        /// Seconds to compute `count` HMAC-SHA256 tags of the same message size on one core.
        private func rawHMACSeconds(count: Int64, gtin: GTIN, lot: String) -> Double {
            let key = SymmetricKey(size: .bits256)
            var message = Array(gtin.gtin14.utf8) + [0x1D] + Array(lot.utf8) + [0x1D, 0]
            message += [UInt8](repeating: 0, count: 8)
            var sink: UInt8 = 0
            let start = ContinuousClock.now
            for index in 0..<count {
                message[message.count - 1] = UInt8(truncatingIfNeeded: index)
                let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
                sink ^= mac.withUnsafeBytes { $0[0] }
            }
            let seconds = (ContinuousClock.now - start).seconds
            if sink == 0x5A { FileHandle.nullDevice.write(Data([sink])) }
            return seconds
        }
    }

    /// `qloop bench parse`: Digital Link parses per second on one core.
    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Time parsing Digital Link unit URIs on one core.")
        @Option(help: "Parses per run.") var count = 2_000_000
        @Option(help: "Runs (the median is reported).") var runs = 5
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let gtin = try GTIN(checking: "09506000134352")
            let signer = SerialSigner(key: .generate(id: 0), gtin: gtin, lot: "LOT2026A")
            let writer = LabelWriter(stem: "https://id.example.cn")
            let uris = (0..<1024).map { writer.uri(gtin: gtin, lot: "LOT2026A", serial: signer.serial(index: Int64($0))) }
            var seconds: [Double] = []
            var peerSeconds: [Double] = []
            for _ in 0..<runs {
                var elements = 0
                var start = ContinuousClock.now
                for index in 0..<count {
                    elements &+= try DigitalLink.parse(uris[index & 1023]).elements.count
                }
                seconds.append((ContinuousClock.now - start).seconds)
                // Peer: splitting the same URI on "/" with the standard library, the least any parser does.
                start = ContinuousClock.now
                for index in 0..<count {
                    elements &+= uris[index & 1023].utf8.split(separator: UInt8(ascii: "/")).count
                }
                peerSeconds.append((ContinuousClock.now - start).seconds)
                if elements == 0 { throw ExitCode(2) }
            }
            let rate = Double(count) / median(seconds)
            let peerRate = Double(count) / median(peerSeconds)
            try BenchReport(
                name: "parse", count: Int64(count), runs: runs, medianSeconds: median(seconds), ratePerSecond: rate,
                peer: "utf8.split(separator: \"/\") of the same URIs", peerRatePerSecond: peerRate,
                ratioToPeer: rate / peerRate
            ).print(json: json)
        }
    }
}

/// One benchmark's result.
struct BenchReport: Encodable {
    let name: String
    let count: Int64
    let runs: Int
    let medianSeconds: Double
    let ratePerSecond: Double
    let peer: String
    let peerRatePerSecond: Double
    let ratioToPeer: Double

    /// Prints as JSON or as one line for people.
    func print(json: Bool) throws {
        if json {
            try Output.json(self)
        } else {
            Swift.print(
                "\(name): \(count) in \(String(format: "%.3f", medianSeconds)) s (median of \(runs)) = \(Int(ratePerSecond))/s; "
                    + "\(peer): \(Int(peerRatePerSecond))/s; ratio \(String(format: "%.2f", ratioToPeer))")
        }
    }
}

/// The median of some numbers.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
