import ArgumentParser
import Crypto
import Foundation
import Ledger
import Storage

extension Bench {
    /// `qloop bench ledger`: sustained appends with checkpoints, beside this machine's raw
    /// SHA-256 rate for the same leaf size; inclusion proof latency and full verification time
    /// at the final size (10,000,000 leaves by default).
    struct LedgerLog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ledger",
            abstract: "Time ledger appends (batched, with checkpoints), inclusion proofs and a full verify.")
        @Option(help: "Leaves appended (and the size proofs and verify run at).") var count = 10_000_000
        @Option(help: "Runs (the median is reported); the appends are timed in this many equal segments.") var runs = 3
        @Option(help: "Concurrent writers.") var writers = 256
        @Option(help: "Entries per append call (1: each writer appends one entry at a time).") var batch = 1
        @Option(help: "Inclusion proofs timed per run.") var proofs = 1_000
        @Option(help: "SQLite file to use (default: a new temporary file, removed afterwards).") var db: String?
        @Option(name: .customLong("database-url"), help: "An empty PostgreSQL database to use instead.")
        var databaseURL: String?
        @Option(
            name: .customLong("key"), help: "Signing key file to use, created if missing (default: a throwaway key).")
        var keyPath: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            guard count > 0, runs > 0, writers > 0, batch > 0 else {
                throw ValidationError("count, runs, writers and batch must be positive")
            }
            let temporary = NSTemporaryDirectory() + "qloop-bench-ledger-\(UUID().uuidString).sqlite"
            let location = DatabaseLocation.resolve(
                db: db ?? (databaseURL == nil ? temporary : nil), databaseURL: databaseURL, environment: [:])
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
            let signer =
                try keyPath.map { try LedgerKeyFile(path: $0).loadOrCreate() }
                ?? NoteSigner.generate(name: "bench.qualityloop.local/ledger")
            let stores = try await Stores.open(location, logger: CommandLogger.make())
            do {
                let report = try await measure(store: stores.ledger, signer: signer, backend: "\(location)")
                await stores.close()
                try report.print(json: json)
            } catch {
                await stores.close()
                throw error
            }
        }

        /// Runs every measurement on one log.
        private func measure(store: any LedgerStore, signer: NoteSigner, backend: String) async throws
            -> LedgerBenchReport
        {
            let start = try await store.ledgerTreeHead().size
            let appendRates = try await appendSegments(store: store, signer: signer)
            let size = try await store.ledgerTreeHead().size
            let checkpoints = try await store.ledgerCheckpoints(fromSize: start, limit: Int.max).count
            let leafBytes = try Self.entry(count / 2).canonicalEncoding().count
            let hashRates = (0..<runs).map { _ in Self.sha256Rate(messages: count, bytes: leafBytes) }
            let proofTimes = try await proofLatencies(reader: LedgerReader(store: store), size: size)
            var verifySeconds: [Double] = []
            for _ in 0..<runs {
                let started = ContinuousClock.now
                let report = try await LedgerAudit(store: store, verifier: signer.verifierKey).run()
                verifySeconds.append((ContinuousClock.now - started).seconds)
                guard report.isClean else {
                    throw ValidationError("the log did not verify: \(report.problem?.message ?? "")")
                }
            }
            let appendRate = median(appendRates)
            let hashRate = median(hashRates)
            return LedgerBenchReport(
                backend: backend, count: count, treeSize: size, runs: runs, writers: writers, batch: batch,
                appendsPerSecond: appendRate, checkpointsWritten: checkpoints, leafBytes: leafBytes,
                sha256PerSecond: hashRate, appendsToSHA256: appendRate / hashRate,
                tesseraPosixWritesPerSecond: 10_000,
                inclusionProofMedianMilliseconds: median(proofTimes.map { median($0) }) * 1_000,
                inclusionProofP99Milliseconds: Self.percentile(proofTimes.flatMap { $0 }, 0.99) * 1_000,
                verifyMedianSeconds: median(verifySeconds), verifyEntriesPerSecond: Double(size) / median(verifySeconds)
            )
        }

        /// Appends `count` entries with `writers` concurrent writers through one `Ledger` (group
        /// commit, checkpoints each second), timing `runs` equal segments; entries per second of each.
        private func appendSegments(store: any LedgerStore, signer: NoteSigner) async throws -> [Double] {
            let ledger = Ledger(store: store, signer: signer)
            let progress = ProgressBar(total: Int64(count), label: "append")
            var rates: [Double] = []
            for segment in 0..<runs {
                let lower = count * segment / runs
                let upper = count * (segment + 1) / runs
                let started = ContinuousClock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    let calls = (upper - lower + batch - 1) / batch
                    for writer in 0..<writers {
                        group.addTask {
                            for call in stride(from: writer, to: calls, by: writers) {
                                let first = lower + call * batch
                                if batch == 1 {
                                    _ = try await ledger.append(Self.entry(first))
                                } else {
                                    _ = try await ledger.append(
                                        contentsOf: (first..<min(upper, first + batch)).map(Self.entry))
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                rates.append(Double(upper - lower) / (ContinuousClock.now - started).seconds)
                progress.update(Int64(upper))
            }
            try await ledger.close()
            return rates
        }

        /// Seconds per inclusion proof of random leaves at `size`, `proofs` per run.
        private func proofLatencies(reader: LedgerReader, size: UInt64) async throws -> [[Double]] {
            let root = try await reader.root(size: size)
            var generator = SystemRandomNumberGenerator()
            var runsTimes: [[Double]] = []
            for _ in 0..<runs {
                var times: [Double] = []
                for _ in 0..<proofs {
                    let index = UInt64.random(in: 0..<size, using: &generator)
                    let started = ContinuousClock.now
                    let proof = try await reader.inclusionProof(index: index, size: size)
                    times.append((ContinuousClock.now - started).seconds)
                    if times.count == 1 {
                        try proof.verify(leafHash: try await reader.leafHash(index: index), root: root)
                    }
                }
                runsTimes.append(times)
            }
            return runsTimes
        }

        /// A code-issuance entry of realistic size. The payload digest is derived from the number
        /// without hashing, so the measurement is the ledger's own work.
        static func entry(_ number: Int) -> LedgerEntry {
            var digest = [UInt8](repeating: 0x5A, count: 32)
            withUnsafeBytes(of: UInt64(number).bigEndian) { digest.replaceSubrange(0..<8, with: $0) }
            return LedgerEntry(
                kind: .codeIssuance,
                record: LedgerRecordReference(table: "issuances", key: "09506000134352/LOT2026A/\(number)"),
                microsecondsSince1970: 1_767_225_600_000_000 + Int64(number), actor: "organisation:12",
                payloadDigest: (try? LedgerHash(bytes: digest)) ?? TreeHasher.emptyRoot)
        }

        /// SHA-256 messages of `bytes` bytes per second on one core (the leaf hash's input is one
        /// byte longer).
        static func sha256Rate(messages: Int, bytes: Int) -> Double {
            var message = [UInt8](repeating: 0x42, count: bytes + 1)
            var sink: UInt8 = 0
            let started = ContinuousClock.now
            for index in 0..<messages {
                message[bytes] = UInt8(truncatingIfNeeded: index)
                sink ^= SHA256.hash(data: message).withUnsafeBytes { $0[0] }
            }
            let seconds = (ContinuousClock.now - started).seconds
            if sink == 0x5A { FileHandle.nullDevice.write(Data([sink])) }
            return Double(messages) / seconds
        }

        /// The value below which a fraction of the samples lie.
        static func percentile(_ values: [Double], _ fraction: Double) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
    }
}

/// The ledger benchmark's figures.
struct LedgerBenchReport: Encodable {
    let backend: String
    let count: Int
    let treeSize: UInt64
    let runs: Int
    let writers: Int
    let batch: Int
    let appendsPerSecond: Double
    let checkpointsWritten: Int
    let leafBytes: Int
    let sha256PerSecond: Double
    let appendsToSHA256: Double
    let tesseraPosixWritesPerSecond: Double
    let inclusionProofMedianMilliseconds: Double
    let inclusionProofP99Milliseconds: Double
    let verifyMedianSeconds: Double
    let verifyEntriesPerSecond: Double

    /// Prints as JSON or as lines for people.
    func print(json: Bool) throws {
        if json { return try Output.json(self) }
        Swift.print("ledger (\(backend)), \(treeSize) leaves, medians of \(runs):")
        Swift.print(
            "  appends: \(Int(appendsPerSecond))/s with \(writers) writers of \(batch) entr\(batch == 1 ? "y" : "ies") per call, "
                + "\(checkpointsWritten) checkpoints "
                + "(Tessera POSIX: ~\(Int(tesseraPosixWritesPerSecond))/s)")
        Swift.print(
            "  SHA-256 of a \(leafBytes)-byte leaf: \(Int(sha256PerSecond))/s on one core; appends/SHA-256 "
                + String(format: "%.3f", appendsToSHA256))
        Swift.print(
            "  inclusion proof: "
                + String(
                    format: "%.3f ms median, %.3f ms p99", inclusionProofMedianMilliseconds,
                    inclusionProofP99Milliseconds))
        Swift.print(
            "  verify: " + String(format: "%.2f s (%.0f entries/s)", verifyMedianSeconds, verifyEntriesPerSecond))
    }
}
