import ArgumentParser
import Foundation
import Ledger

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension LedgerCommand {
    /// `qloop ledger witness`: watch a server's log, cosign checkpoints that extend the accepted
    /// history, and refuse (exit 1) a fork or a rollback.
    struct Witness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Watch a server's ledger: cosign each checkpoint that extends the last accepted one.",
            discussion: """
                Fetches /ledger/checkpoint and /ledger/key, verifies the log's signature, checks \
                consistency with the last accepted checkpoint (fetching /ledger/proof/consistency), \
                cosigns with the witness key and saves the state atomically. The log's key is \
                pinned in the state file on the first run (or given with --log-key).
                Exit status: 0 after --once succeeded; 1 when the log forked, rolled back or changed \
                key (nothing is cosigned or saved); 2 when the server or the state cannot be read.
                """)
        @Option(help: "The server's base URL, e.g. http://127.0.0.1:8080.") var url: String
        @Option(help: "The witness's state file (JSON; created on the first run).") var state: String
        @Option(help: "The witness's own signing key file, created on first use.")
        var key: String = "./qualityloop-witness.key"
        @Option(help: "The witness's name in its cosignatures, for a key created now.")
        var name: String = "qualityloop-witness"
        @Option(
            name: .customLong("log-key"),
            help: "The log's note verifier key to pin (default: trust the first one served).")
        var logKey: String?
        @Option(help: "Seconds between polls.") var interval: Double = 10
        @Flag(help: "Check once and exit.") var once = false
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard interval > 0, interval.isFinite else { throw ValidationError("--interval must be a positive number") }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? "") else {
                throw ValidationError("--url must be an http or https URL")
            }
            if let logKey {
                do { _ = try NoteVerifierKey(parsing: logKey) } catch {
                    throw ValidationError("--log-key is not a note verifier key: \(error)")
                }
            }
        }

        func run() async throws {
            let witness: LedgerWitness
            let store = WitnessStateFile(path: state)
            do {
                witness = LedgerWitness(signer: try LedgerKeyFile(path: key).loadOrCreate(origin: name))
                _ = try store.load()
            } catch {
                Output.error("cannot start the witness: \(error)")
                throw ExitCode(2)
            }
            let log = LogClient(base: url)
            while true {
                do {
                    let accepted = try await round(witness: witness, log: log, store: store)
                    report(accepted)
                    if once { return }
                } catch let refusal as WitnessRefusal {
                    if json {
                        try Output.json(["refused": refusal.code, "message": refusal.description])
                    }
                    Output.error("REFUSED (\(refusal.code)): \(refusal.description)")
                    throw ExitCode(1)
                } catch {
                    Output.error("cannot check \(url): \(error)")
                    if once { throw ExitCode(2) }
                }
                try await Task.sleep(for: .seconds(interval))
            }
        }

        /// One poll: fetch, examine, cosign, save.
        private func round(witness: LedgerWitness, log: LogClient, store: WitnessStateFile) async throws
            -> WitnessState
        {
            let previous = try store.load()
            let served = try NoteVerifierKey(parsing: try await log.text("/ledger/key"))
            if let logKey, logKey != served.description {
                throw WitnessRefusal.keyChanged(pinned: logKey, served: served.description)
            }
            let note = try await log.text("/ledger/checkpoint", trimmed: false)
            let accepted = try await witness.examine(note: note, logKey: served, previous: previous) { from, to in
                try await log.consistencyProof(from: from, to: to)
            }
            try store.save(accepted)
            return accepted
        }

        /// Prints what was accepted.
        private func report(_ state: WitnessState) {
            if json {
                try? Output.json(state)
            } else {
                print("accepted \(state.origin) at \(state.treeSize) leaves, root \(state.rootHash.base64)")
                print(state.cosignedNote, terminator: "")
            }
            fflush(nil)
        }
    }
}

/// The witness's state file: JSON, replaced atomically (written to a temporary file in the same
/// directory, synced, then renamed over the old one), so a crash leaves the old state or the new.
struct WitnessStateFile {
    /// The file's path.
    let path: String

    /// The saved state, or `nil` before the first accepted checkpoint.
    func load() throws -> WitnessState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(WitnessState.self, from: data)
        } catch {
            throw ValidationError("\(path) is not a witness state file: \(error)")
        }
    }

    /// Saves a state atomically.
    func save(_ state: WitnessState) throws {
        let data = try Output.encoder.encode(state)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw ValidationError("cannot write \(temporary.path)")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw ValidationError("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Reads a log's public endpoints over HTTP.
struct LogClient {
    /// The server's base URL, without a trailing slash.
    let base: String

    /// A client of a server.
    init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// The body of a GET, which must answer 200.
    func get(_ path: String) async throws -> Data {
        guard let url = URL(string: base + path) else { throw ValidationError("bad URL \(base + path)") }
        var request = URLRequest(url: url)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            throw ValidationError(
                "GET \(path) answered \(status): \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        return data
    }

    /// A text body, trimmed of surrounding whitespace unless asked not to.
    func text(_ path: String, trimmed: Bool = true) async throws -> String {
        let text = String(decoding: try await get(path), as: UTF8.self)
        return trimmed ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    }

    /// The consistency proof between two sizes.
    func consistencyProof(from first: UInt64, to second: UInt64) async throws -> ConsistencyProof {
        let data = try await get("/ledger/proof/consistency?from=\(first)&to=\(second)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ConsistencyProof.self, from: data)
    }
}
