import Foundation
import HummingbirdTesting
import Ledger
import Storage
import Testing
import Web

/// `qloop ledger witness` against real servers on 127.0.0.1: two witnesses cosign one log as it
/// grows; a second server signing a different history with the same key (a fork, then a
/// rollback) is refused with exit status 1 and the accepted state is left as it was.
@Suite("Ledger witnesses over HTTP")
struct WitnessLiveTests {
    /// Runs one witness round against a server.
    static func witness(_ name: String, port: Int, directory: String) async throws -> QLoopProcess.Outcome {
        try await QLoopProcess.run([
            "ledger", "witness", "--url", "http://127.0.0.1:\(port)", "--state", "\(directory)/\(name).json",
            "--key", "\(directory)/\(name).key", "--name", "witness.test/\(name)", "--once",
        ])
    }

    /// A witness's saved state.
    static func state(_ name: String, directory: String) throws -> WitnessState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(
            WitnessState.self, from: Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name).json")))
    }

    @Test("two witnesses cosign a growing log; a fork and a rollback of it are refused", arguments: LedgerBackend.all)
    func witnesses(backend: LedgerBackend) async throws {
        try await LedgerBackend.withDirectory { directory in
            let configuration = LedgerHTTPTests.configuration(directory: directory)
            try await backend.withStores(in: directory) { stores in
                let ledger = try openLedger(configuration, stores: stores, logger: WebWorld.logger)
                _ = try await ledger.append(contentsOf: (0..<8).map(LedgerHTTPTests.entry))
                try await ledger.checkpoint()
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    for name in ["one", "two"] {
                        let run = try await Self.witness(name, port: port, directory: directory)
                        #expect(run.status == 0, "\(run.errors)")
                        let state = try Self.state(name, directory: directory)
                        #expect(state.treeSize == 8)
                        let witnessKey = try LedgerKeyFile(path: "\(directory)/\(name).key").load().verifierKey
                        let signers = try SignedNote(parsing: state.cosignedNote).verify(
                            trusting: [ledger.verifierKey, witnessKey])
                        #expect(signers == [ledger.verifierKey, witnessKey])
                    }
                    _ = try await ledger.append(contentsOf: (8..<30).map(LedgerHTTPTests.entry))
                    try await ledger.checkpoint()
                    try await Task.sleep(for: .milliseconds(300))  // past the server's checkpoint cache
                    let grown = try await Self.witness("one", port: port, directory: directory)
                    #expect(grown.status == 0, "\(grown.errors)")
                    #expect(try Self.state("one", directory: directory).treeSize == 30)
                }
                try await ledger.close()
            }

            // Another server, another database, the same signing key: a different history.
            try await backend.withStores(in: directory) { stores in
                let ledger = try openLedger(configuration, stores: stores, logger: WebWorld.logger)
                _ = try await ledger.append(contentsOf: (500..<510).map(LedgerHTTPTests.entry))
                try await ledger.checkpoint()
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    let saved = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/one.json"))

                    let rollback = try await Self.witness("one", port: port, directory: directory)
                    #expect(rollback.status == 1)
                    #expect(rollback.errors.contains("rollback"), "\(rollback.errors)")

                    _ = try await ledger.append(contentsOf: (510..<540).map(LedgerHTTPTests.entry))
                    try await ledger.checkpoint()
                    try await Task.sleep(for: .milliseconds(300))
                    let fork = try await Self.witness("two", port: port, directory: directory)
                    #expect(fork.status == 1)
                    #expect(fork.errors.contains("fork"), "\(fork.errors)")

                    #expect(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/one.json")) == saved)
                    #expect(try Self.state("two", directory: directory).treeSize == 8)
                }
                try await ledger.close()
            }
        }
    }

    @Test("a polling witness follows the log as it grows and stops with exit 1 at a forged checkpoint")
    func pollingWitness() async throws {
        try await LedgerBackend.withDirectory { directory in
            let configuration = LedgerHTTPTests.configuration(directory: directory)
            try await LedgerBackend(kind: .sqlite).withStores(in: directory) { stores in
                let ledger = try openLedger(configuration, stores: stores, logger: WebWorld.logger)
                _ = try await ledger.append(contentsOf: (0..<3).map(LedgerHTTPTests.entry))
                try await ledger.checkpoint()
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    async let outcome = QLoopProcess.run(
                        [
                            "ledger", "witness", "--url", "http://127.0.0.1:\(port)", "--state",
                            "\(directory)/poll.json", "--key", "\(directory)/poll.key", "--interval", "0.2",
                        ], timeout: .seconds(60))
                    try await Self.waitForState(directory, size: 3)
                    _ = try await ledger.append(contentsOf: (3..<9).map(LedgerHTTPTests.entry))
                    try await ledger.checkpoint()
                    try await Self.waitForState(directory, size: 9)

                    // The log's key signs a checkpoint of 10 leaves whose root is not the tree's.
                    // Straight into the store, so that no honest checkpoint of 10 is scheduled.
                    _ = try await stores.ledger.appendLedgerLeaves([try LedgerLeaf(LedgerHTTPTests.entry(9))])
                    let signer = try LedgerKeyFile(path: configuration.ledgerKeyPath).load()
                    let forged = Checkpoint(
                        origin: signer.name, treeSize: 10, rootHash: LedgerHash.sha256(of: Array("forged".utf8)))
                    try await stores.ledger.storeLedgerCheckpoint(
                        StoredCheckpoint(forged, note: try forged.signed(by: signer)))

                    let run = try await outcome
                    #expect(run.status == 1, "\(run.errors)")
                    #expect(run.errors.contains("fork"), "\(run.errors)")
                    #expect(try Self.state("poll", directory: directory).treeSize == 9)
                }
                try await ledger.close()
            }
        }
    }

    /// Waits until the polling witness has accepted a tree of a size.
    static func waitForState(_ directory: String, size: UInt64) async throws {
        let started = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(30) {
            if let state = try? Self.state("poll", directory: directory), state.treeSize == size { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the witness did not accept a tree of \(size) leaves within 30 s")
    }

    @Test("a witness that cannot reach the server exits 2 and saves nothing")
    func unreachable() async throws {
        try await LedgerBackend.withDirectory { directory in
            let run = try await QLoopProcess.run([
                "ledger", "witness", "--url", "http://127.0.0.1:9", "--state", "\(directory)/w.json",
                "--key", "\(directory)/w.key", "--once",
            ])
            #expect(run.status == 2, "\(run.errors)")
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/w.json"))
        }
    }
}
