import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ledger
import Passport
import QualityCore
import Storage
import Testing
import Web

/// The ledger's public endpoints over a real connection, on both backends: the served proofs
/// verify, with our verifier, against the served checkpoint under the served key; bad
/// parameters are 400s with a JSON error.
@Suite("Ledger over HTTP")
struct LedgerHTTPTests {
    /// An entry per number, with a distinct record and digest.
    static func entry(_ number: Int) -> LedgerEntry {
        LedgerEntry(
            kind: .passportChange, record: LedgerRecordReference(table: "products", key: "p-\(number)"),
            microsecondsSince1970: 1_767_225_600_000_000 + Int64(number), actor: "organisation:1",
            payloadDigest: LedgerHash.sha256(of: Array("record \(number)".utf8)))
    }

    /// A configuration for a server on a free port with its key in `directory`.
    static func configuration(directory: String) -> AppConfiguration {
        var configuration = WebWorld.testConfiguration()
        configuration.port = 0
        configuration.ledgerKeyPath = directory + "/ledger.key"
        return configuration
    }

    /// Decodes a proof from a JSON response.
    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(response.text.utf8))
    }

    @Test("served proofs verify against the served checkpoint and key", arguments: LedgerBackend.all)
    func servedProofsVerify(backend: LedgerBackend) async throws {
        try await LedgerBackend.withDirectory { directory in
            try await backend.withStores(in: directory) { stores in
                let configuration = Self.configuration(directory: directory)
                let ledger = try openLedger(configuration, stores: stores, logger: WebWorld.logger)
                _ = try await ledger.append(contentsOf: (0..<10).map(Self.entry))
                let early = try await ledger.checkpoint()
                _ = try await ledger.append(contentsOf: (10..<37).map(Self.entry))
                try await ledger.checkpoint()

                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.live) { client in
                    let keyResponse = try await client.execute(uri: "/ledger/key", method: .get)
                    #expect(keyResponse.status == .ok)
                    let key = try NoteVerifierKey(
                        parsing: keyResponse.text.trimmingCharacters(in: .whitespacesAndNewlines))
                    #expect(key == ledger.verifierKey)

                    let noteResponse = try await client.execute(uri: "/ledger/checkpoint", method: .get)
                    #expect(noteResponse.status == .ok)
                    #expect(noteResponse.headers[.contentType] == "text/plain; charset=utf-8")
                    let checkpoint = try Checkpoint.open(noteResponse.text, verifier: key)
                    #expect(checkpoint.treeSize == 37)
                    #expect(checkpoint.origin == LedgerKeyFile.defaultOrigin)

                    for index in [0, 1, 9, 10, 31, 32, 36] {
                        let response = try await client.execute(
                            uri: "/ledger/proof/inclusion?index=\(index)&size=37", method: .get)
                        #expect(response.status == .ok)
                        let proof = try Self.decode(InclusionProof.self, response)
                        #expect(proof.leafIndex == UInt64(index) && proof.treeSize == 37)
                        try proof.verify(leafHash: try Self.entry(index).leafHash(), root: checkpoint.rootHash)
                        // The same proof does not vouch for another leaf.
                        #expect(throws: LedgerError.rootMismatch) {
                            try proof.verify(leafHash: try Self.entry(index + 1).leafHash(), root: checkpoint.rootHash)
                        }
                    }

                    let older = try Checkpoint.open(early.note, verifier: key)
                    let response = try await client.execute(
                        uri: "/ledger/proof/consistency?from=10&to=37", method: .get)
                    #expect(response.status == .ok)
                    let proof = try Self.decode(ConsistencyProof.self, response)
                    try proof.verify(firstRoot: older.rootHash, secondRoot: checkpoint.rootHash)
                    var forged = proof
                    forged.hashes[0] = LedgerHash.sha256(of: Array("forged".utf8))
                    #expect(throws: LedgerError.self) {
                        try forged.verify(firstRoot: older.rootHash, secondRoot: checkpoint.rootHash)
                    }
                }
                try await ledger.close()
            }
        }
    }

    @Test("bad or out-of-range proof parameters are 400 with a JSON error", arguments: LedgerBackend.all)
    func badParameters(backend: LedgerBackend) async throws {
        try await LedgerBackend.withDirectory { directory in
            try await backend.withStores(in: directory) { stores in
                let configuration = Self.configuration(directory: directory)
                let ledger = try openLedger(configuration, stores: stores, logger: WebWorld.logger)
                _ = try await ledger.append(contentsOf: (0..<5).map(Self.entry))
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                let cases: [(String, String)] = [
                    ("/ledger/proof/inclusion?size=5", "missing_parameter"),
                    ("/ledger/proof/inclusion?index=1", "missing_parameter"),
                    ("/ledger/proof/inclusion?index=&size=5", "missing_parameter"),
                    ("/ledger/proof/inclusion?index=abc&size=5", "bad_parameter"),
                    ("/ledger/proof/inclusion?index=-1&size=5", "bad_parameter"),
                    ("/ledger/proof/inclusion?index=%2B1&size=5", "bad_parameter"),
                    ("/ledger/proof/inclusion?index=1.0&size=5", "bad_parameter"),
                    ("/ledger/proof/inclusion?index=1&size=99999999999999999999999", "bad_parameter"),
                    ("/ledger/proof/inclusion?index=5&size=5", "leaf_index_out_of_range"),
                    ("/ledger/proof/inclusion?index=0&size=0", "leaf_index_out_of_range"),
                    ("/ledger/proof/inclusion?index=1&size=6", "size_beyond_tree"),
                    ("/ledger/proof/inclusion?index=1&size=18446744073709551615", "size_beyond_tree"),
                    ("/ledger/proof/consistency?from=0&to=5", "consistency_from_empty_tree"),
                    ("/ledger/proof/consistency?from=4&to=3", "tree_sizes_out_of_order"),
                    ("/ledger/proof/consistency?from=2&to=6", "size_beyond_tree"),
                    ("/ledger/proof/consistency?from=2", "missing_parameter"),
                    ("/ledger/proof/consistency?from=x&to=3", "bad_parameter"),
                ]
                try await app.test(.live) { client in
                    for (uri, code) in cases {
                        let response = try await client.execute(uri: uri, method: .get)
                        #expect(response.status == .badRequest, "\(uri)")
                        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                        #expect(try response.errorCode() == code, "\(uri): \(response.text)")
                    }
                    let fine = try await client.execute(uri: "/ledger/proof/consistency?from=5&to=5", method: .get)
                    #expect(fine.status == .ok)
                }
                try await ledger.close()
            }
        }
    }

    @Test("codes issued over the API are in a served checkpoint within a second, with a proof that verifies")
    func issuanceOverHTTP() async throws {
        let world = try await WebWorld()
        try await world.withApp(.live) { client in
            let key = try NoteVerifierKey(
                parsing: try await client.execute(uri: "/ledger/key", method: .get).text
                    .trimmingCharacters(in: .whitespacesAndNewlines))
            let before = try Checkpoint.open(
                try await client.execute(uri: "/ledger/checkpoint", method: .get).text, verifier: key)
            let response = try await client.execute(
                uri: "/api/v1/issuances", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["gtin": world.gtin.gtin14, "lot": "LOT1", "count": 7]))
            #expect(response.status == .created)
            let issued = try response.json()
            let position = try #require(issued["ledger_index"] as? Int)
            #expect(position == Int(before.treeSize))

            let started = ContinuousClock.now
            var checkpoint = before
            while checkpoint.treeSize <= UInt64(position), ContinuousClock.now - started < .seconds(5) {
                try await Task.sleep(for: .milliseconds(100))
                checkpoint = try Checkpoint.open(
                    try await client.execute(uri: "/ledger/checkpoint", method: .get).text, verifier: key)
            }
            // A second at most, plus the checkpoint cache and polling; slack for a loaded test machine.
            #expect(ContinuousClock.now - started < .milliseconds(2_500), "checkpointed within about a second")
            #expect(checkpoint.treeSize == UInt64(position) + 1)
            let stored = try #require(
                try await world.stores.passport.issuances(gtin: world.gtin, lot: "LOT1").first {
                    $0.id == Int64(issued["id"] as? Int ?? -1)
                })
            #expect(stored.ledgerIndex == UInt64(position))
            let proofResponse = try await client.execute(
                uri: "/ledger/proof/inclusion?index=\(position)&size=\(checkpoint.treeSize)", method: .get)
            let proof = try Self.decode(InclusionProof.self, proofResponse)
            try proof.verify(leafHash: try IssuanceManifest(stored).entry.leafHash(), root: checkpoint.rootHash)
        }
        await world.close()
    }

    @Test("at start-up the server appends the manifests of old issuances that never reached the ledger")
    func startupAppendsMissingManifests() async throws {
        let world = try await WebWorld()
        let tenMinutesAgo = Date().addingTimeInterval(-600)
        let unlogged = PassportService(
            store: world.stores.passport, access: world.stores.access, stem: WebWorld.stem, now: { tenMinutesAgo })
        let old = try await unlogged.issueCodes(gtin: world.gtin, lot: "LOT1", count: 3, by: world.producerA)
        #expect(old.ledgerIndex == nil)
        try await world.withApp(.live) { client in
            var stored: Issuance?
            let started = ContinuousClock.now
            while stored?.ledgerIndex == nil, ContinuousClock.now - started < .seconds(5) {
                try await Task.sleep(for: .milliseconds(100))
                stored = try await world.stores.passport.issuances(gtin: world.gtin, lot: "LOT1").first {
                    $0.id == old.id
                }
            }
            let position = try #require(stored?.ledgerIndex)
            let leaf = try #require(try await world.stores.ledger.ledgerLeaves(from: position, limit: 1).first)
            #expect(try leaf.entry() == IssuanceManifest(try #require(stored)).entry)
            let recent = try await world.stores.passport.issuances(gtin: world.gtin, lot: "REC1")
            #expect(recent.allSatisfy { $0.ledgerIndex == nil }, "issuances younger than the grace are left alone")
            _ = client
        }
        await world.close()
    }

    @Test("the server creates its signing key on first run, private, outside the database, and keeps it")
    func keyCreatedOnFirstRun() async throws {
        try await LedgerBackend.withDirectory { directory in
            try await LedgerBackend(kind: .sqlite).withStores(in: directory) { stores in
                var configuration = Self.configuration(directory: directory)
                configuration.ledgerKeyPath = directory + "/keys/ledger.key"
                #expect(!FileManager.default.fileExists(atPath: configuration.ledgerKeyPath))
                let first = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                let served = try await first.test(.live) { client in
                    try await client.execute(uri: "/ledger/key", method: .get).text
                }
                let attributes = try FileManager.default.attributesOfItem(atPath: configuration.ledgerKeyPath)
                #expect((attributes[.posixPermissions] as? Int) == 0o600)
                let onDisk = try LedgerKeyFile(path: configuration.ledgerKeyPath).load()
                #expect(served == onDisk.verifierKey.description + "\n")
                let second = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                let again = try await second.test(.live) { client in
                    try await client.execute(uri: "/ledger/checkpoint", method: .get).text
                }
                _ = try Checkpoint.open(again, verifier: onDisk.verifierKey)
            }
        }
    }

    @Test("the key path comes from QUALITYLOOP_LEDGER_KEY")
    func keyPathFromEnvironment() throws {
        let configuration = try AppConfiguration(environment: ["QUALITYLOOP_LEDGER_KEY": "/srv/keys/log.key"])
        #expect(configuration.ledgerKeyPath == "/srv/keys/log.key")
        #expect(try AppConfiguration(environment: [:]).ledgerKeyPath == "./qualityloop-ledger.key")
    }
}
