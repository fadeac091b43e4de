import ArgumentParser
import Foundation
import Ledger
import Passport
import Storage

/// `qloop ledger …`: the tamper-evident log: verify it, print its checkpoint and key, and give
/// proofs.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The tamper-evident ledger: verify, checkpoint, key, proofs, witness and evidence checks.",
        subcommands: [
            VerifyLog.self, CheckpointCommand.self, KeyCommand.self, Proof.self, Witness.self, CheckEvidence.self,
        ])

    /// `qloop ledger verify`: recompute the log and report the first inconsistency (exit 1).
    struct VerifyLog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the log from the stored entries; report the first inconsistency and exit 1.",
            discussion:
                "Exit status: 0 when the log is intact, 1 at the first inconsistency, 2 when it cannot be checked.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var key: LedgerKeyOptions
        @Option(name: .customLong("public-key"), help: "The log's note verifier key (default: read from the key file).")
        var publicKey: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let report: LedgerAuditReport
            do {
                report = try await audit()
            } catch {
                Output.error("cannot verify the ledger: \(error)")
                throw ExitCode(2)
            }
            if json {
                try Output.json(report)
            } else if let problem = report.problem {
                print("ledger inconsistent (\(problem.kind.rawValue)): \(problem.message)")
            } else {
                print(
                    "ledger intact: \(report.entriesChecked) entries, \(report.nodesChecked) subtree hashes, "
                        + "\(report.checkpointsChecked) signed checkpoints; root \(report.root.base64)")
            }
            if !report.isClean { throw ExitCode(1) }
        }

        /// Opens the store and runs the audit with the log's public key.
        private func audit() async throws -> LedgerAuditReport {
            if case .sqlite(let path) = database.location, !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("no database at \(path)")
            }
            let verifier = try publicKey.map { try NoteVerifierKey(parsing: $0) } ?? key.file.load().verifierKey
            return try await database.withStores { stores in
                let progress = ProgressBar(total: Int64(try await stores.ledger.ledgerTreeHead().size), label: "verify")
                return try await LedgerAudit(store: stores.ledger, verifier: verifier).run { done, _ in
                    progress.update(Int64(done))
                }
            }
        }
    }

    /// `qloop ledger checkpoint`: sign the current tree if it grew, and print the latest checkpoint.
    struct CheckpointCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint", abstract: "Print the latest signed checkpoint (signing one if the log grew).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var key: LedgerKeyOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let signer = try key.signer()
            let stored = try await database.withStores { stores in
                try await Ledger(store: stores.ledger, signer: signer).checkpoint()
            }
            if json {
                let checkpoint = try Checkpoint.open(stored.note, verifier: signer.verifierKey)
                try Output.json(CheckpointJSON(checkpoint: checkpoint, note: stored.note, signedAt: stored.signedAt))
            } else {
                print(stored.note, terminator: "")
            }
        }

        /// The JSON form: the parsed fields beside the note itself.
        struct CheckpointJSON: Encodable {
            let origin: String
            let treeSize: UInt64
            let rootHash: LedgerHash
            let note: String
            let signedAt: Date

            init(checkpoint: Checkpoint, note: String, signedAt: Date) {
                origin = checkpoint.origin
                treeSize = checkpoint.treeSize
                rootHash = checkpoint.rootHash
                self.note = note
                self.signedAt = signedAt
            }
        }
    }

    /// `qloop ledger key`: print the log's note verifier key (creating the key on first use).
    struct KeyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: "Print the log's public note verifier key (creating the key on first use).")
        @OptionGroup var key: LedgerKeyOptions

        func run() async throws {
            print(try key.signer().verifierKey)
        }
    }

    /// `qloop ledger proof …`: inclusion and consistency proofs as JSON.
    struct Proof: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inclusion and consistency proofs (JSON).", subcommands: [Inclusion.self, Consistency.self])

        /// `qloop ledger proof inclusion`.
        struct Inclusion: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Prove that leaf I is in the tree of N leaves (default: the current tree).")
            @OptionGroup var database: DatabaseOptions
            @Option(help: "The leaf's position, from 0.") var index: UInt64
            @Option(help: "The tree size (default: the current size).") var size: UInt64?

            func run() async throws {
                let output = try await database.withStores { stores in
                    let ledger = LedgerReader(store: stores.ledger)
                    let proof = try await ledger.inclusionProof(index: index, size: size)
                    let leafHash = try await ledger.leafHash(index: index)
                    let root = try await ledger.root(size: proof.treeSize)
                    try proof.verify(leafHash: leafHash, root: root)
                    return InclusionJSON(
                        leafIndex: index, treeSize: proof.treeSize, leafHash: leafHash, rootHash: root,
                        hashes: proof.hashes)
                }
                try Output.json(output)
            }

            /// The proof with the leaf hash and root it proves against.
            struct InclusionJSON: Encodable {
                let leafIndex: UInt64
                let treeSize: UInt64
                let leafHash: LedgerHash
                let rootHash: LedgerHash
                let hashes: [LedgerHash]
            }
        }

        /// `qloop ledger proof consistency`.
        struct Consistency: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Prove that the tree of A leaves is a prefix of the tree of B (default: the current tree).")
            @OptionGroup var database: DatabaseOptions
            @Option(help: "The older tree size.") var from: UInt64
            @Option(help: "The newer tree size (default: the current size).") var to: UInt64?

            func run() async throws {
                let output = try await database.withStores { stores in
                    let ledger = LedgerReader(store: stores.ledger)
                    let proof = try await ledger.consistencyProof(from: from, to: to)
                    let firstRoot = try await ledger.root(size: proof.firstSize)
                    let secondRoot = try await ledger.root(size: proof.secondSize)
                    try proof.verify(firstRoot: firstRoot, secondRoot: secondRoot)
                    return ConsistencyJSON(
                        firstSize: proof.firstSize, secondSize: proof.secondSize, firstRoot: firstRoot,
                        secondRoot: secondRoot, hashes: proof.hashes)
                }
                try Output.json(output)
            }

            /// The proof with the two roots it links.
            struct ConsistencyJSON: Encodable {
                let firstSize: UInt64
                let secondSize: UInt64
                let firstRoot: LedgerHash
                let secondRoot: LedgerHash
                let hashes: [LedgerHash]
            }
        }
    }
}

/// Where the ledger's signing key lives.
struct LedgerKeyOptions: ParsableArguments {
    @Option(
        name: .customLong("key"),
        help: "The ledger signing key file (default QUALITYLOOP_LEDGER_KEY or ./qualityloop-ledger.key).")
    var path: String?

    @Option(help: "The log's name (checkpoint origin) for a key created now; an existing key keeps its own.")
    var origin: String = LedgerKeyFile.defaultOrigin

    /// Options as parsed.
    init() {}

    /// Options naming a key file.
    init(path: String?) { self.path = path }

    /// The key file from the option, then the environment, then the default.
    var file: LedgerKeyFile {
        let environment = ProcessInfo.processInfo.environment[LedgerKeyFile.environmentKey]
        return LedgerKeyFile(path: path ?? environment.flatMap { $0.isEmpty ? nil : $0 } ?? LedgerKeyFile.defaultPath)
    }

    /// The signing key, created (mode 0600) on first use.
    func signer() throws -> NoteSigner {
        try file.loadOrCreate(origin: origin)
    }
}

/// The ledger key of commands that write passport data: their writes are appended to the ledger,
/// signed with this key, and a checkpoint is signed before the command ends.
struct LedgerWriteOptions: ParsableArguments {
    @Option(
        name: .customLong("ledger-key"),
        help: "The ledger signing key file (default QUALITYLOOP_LEDGER_KEY or ./qualityloop-ledger.key).")
    var path: String?

    /// Options as parsed.
    init() {}

    /// Options naming a key file.
    init(path: String?) { self.path = path }

    /// The key file from the option, then the environment, then the default.
    var file: LedgerKeyFile { LedgerKeyOptions(path: path).file }

    /// Runs a body with the passport service over the stores, appending to the ledger, and signs
    /// a checkpoint over the appended entries afterwards.
    func withService<T>(
        _ stores: Stores, stem: String? = nil, _ body: (PassportService) async throws -> T
    ) async throws -> T {
        try await withLedger(stores) { ledger in try await body(PassportService(stores: stores, stem: stem, ledger: ledger)) }
    }

    /// Runs a body with the ledger over the stores, and signs a checkpoint over the entries it
    /// appended afterwards.
    func withLedger<T>(_ stores: Stores, _ body: (Ledger) async throws -> T) async throws -> T {
        let ledger = Ledger(store: stores.ledger, signer: try file.loadOrCreate())
        let result = try await body(ledger)
        try await ledger.close()
        return result
    }
}
