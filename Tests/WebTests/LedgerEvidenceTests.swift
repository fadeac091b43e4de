import Access
import Foundation
import HTTPTypes
import HummingbirdTesting
import Ledger
import Passport
import QualityCore
import Storage
import Testing

@testable import Web

/// A scanned unit's ledger evidence in the JSON verdict (`?evidence=1`), on both backends: it
/// verifies offline, in process and with `qloop ledger check-evidence`, and any edit breaks it.
@Suite("Ledger evidence in scan verdicts")
struct LedgerEvidenceTests {
    /// Seeds a producer, a product, a batch and two issuances through a service that appends to
    /// the server's ledger; returns the ledger and the URIs of units 3 (first issuance) and 12 (second).
    static func seed(_ stores: Stores, configuration: AppConfiguration) async throws -> (Ledger, [String]) {
        let ledger = try openLedger(configuration, stores: stores, logger: WebWorld.logger)
        let service = PassportService(
            store: stores.passport, access: stores.access, stem: configuration.effectiveResolverStem, ledger: ledger)
        let producer = try await stores.access.createOrganisation(name: "Alpha Foods", role: .producer)
        try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: producer.id)
        let gtin = try GTIN(WebWorld.withCheckDigit("690123400001"))
        _ = try await service.registerProduct(
            ProductDraft(gtin: gtin.gtin14, name: "五常大米 5kg", category: "food"), by: producer)
        _ = try await service.registerBatch(
            BatchDraft(gtin: gtin.gtin14, lot: "LOT1", produced: "2026-01-01", expires: "2099-12-31"), by: producer)
        _ = try await service.issueCodes(gtin: gtin, lot: "LOT1", count: 10, by: producer)
        _ = try await service.issueCodes(gtin: gtin, lot: "LOT1", count: 10, by: producer)
        try await ledger.checkpoint()
        let signer = try await service.signer(gtin: gtin, lot: "LOT1")
        let uris = [3, 12].map { service.labelWriter.uri(gtin: gtin, lot: "LOT1", serial: signer.serial(index: $0)) }
        return (ledger, uris)
    }

    @Test(
        "the JSON verdict carries evidence that verifies offline, and check-evidence agrees",
        arguments: LedgerBackend.all)
    func evidenceVerifies(backend: LedgerBackend) async throws {
        try await LedgerBackend.withDirectory { directory in
            try await backend.withStores(in: directory) { stores in
                let configuration = LedgerHTTPTests.configuration(directory: directory)
                let (ledger, uris) = try await Self.seed(stores, configuration: configuration)
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.live) { client in
                    let key = try await client.execute(uri: "/ledger/key", method: .get).text
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    #expect(key == ledger.verifierKey.description)
                    let plain = try await client.execute(
                        uri: WebWorld.path(of: uris[0]), method: .get, headers: [.accept: "application/json"])
                    #expect(try plain.json()["evidence"] == nil, "evidence is opt-in")

                    for (number, uri) in uris.enumerated() {
                        let response = try await client.execute(
                            uri: WebWorld.path(of: uri) + "?evidence=1", method: .get,
                            headers: [.accept: "application/json"])
                        #expect(response.status == .ok)
                        let verdict = try response.json()
                        #expect(verdict["verdict"] as? String == "genuine")
                        let evidenceObject = try #require(verdict["evidence"] as? [String: Any])
                        #expect(evidenceObject["leaf_index"] as? Int == 2 + number)
                        let evidence = try Self.decodeEvidence(response.text)
                        let finding = try evidence.verify(
                            gtin: verdict["gtin"] as! String, lot: "LOT1", serial: verdict["serial"] as! String,
                            trusting: ledger.verifierKey)
                        #expect(finding.unitIndex == [3, 12][number])
                        #expect(finding.manifest.firstIndex == Int64(number * 10))
                        #expect(finding.checkpoint.treeSize == 4)

                        let file = "\(directory)/verdict-\(number).json"
                        try Data(response.text.utf8).write(to: URL(fileURLWithPath: file))
                        let check = try await QLoopProcess.run(["ledger", "check-evidence", file, "--public-key", key])
                        #expect(check.status == 0, "\(check.output)\(check.errors)")
                        #expect(check.output.contains("evidence holds"))
                    }

                    // The second unit's serial pasted into the first unit's verdict: that issuance does not cover it.
                    let first = try await client.execute(
                        uri: WebWorld.path(of: uris[0]) + "?evidence=1", method: .get,
                        headers: [.accept: "application/json"]
                    ).text
                    let other = try await client.execute(
                        uri: WebWorld.path(of: uris[1]) + "?evidence=1", method: .get,
                        headers: [.accept: "application/json"])
                    let secondSerial = try #require(try other.json()["serial"] as? String)
                    let firstSerial =
                        try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])[
                            "serial"] as! String
                    let tampered = [
                        ("serial", first.replacingOccurrences(of: firstSerial, with: secondSerial)),
                        ("manifest", first.replacingOccurrences(of: "count 10", with: "count 90")),
                        ("checkpoint", Self.replacingTreeSize(in: first)),
                    ]
                    for (what, text) in tampered {
                        #expect(text != first, "\(what) edit did not apply")
                        let file = "\(directory)/tampered-\(what).json"
                        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
                        let check = try await QLoopProcess.run(["ledger", "check-evidence", file, "--public-key", key])
                        #expect(check.status == 1, "a tampered \(what) passed: \(check.output)")
                    }
                    let otherKey = try NoteSigner.generate(name: LedgerKeyFile.defaultOrigin).verifierKey.description
                    let file = "\(directory)/verdict-0.json"
                    let wrongKey = try await QLoopProcess.run([
                        "ledger", "check-evidence", file, "--public-key", otherKey,
                    ])
                    #expect(wrongKey.status == 1)
                    let missing = try await QLoopProcess.run(["ledger", "check-evidence", "\(directory)/nothing.json"])
                    #expect(missing.status == 2)
                }
                try await ledger.close()
            }
        }
    }

    @Test("the scan page links a genuine unit to its evidence, and a forged one to none")
    func scanPageLink() async throws {
        try await LedgerBackend.withDirectory { directory in
            try await LedgerBackend(kind: .sqlite).withStores(in: directory) { stores in
                let configuration = LedgerHTTPTests.configuration(directory: directory)
                let (ledger, uris) = try await Self.seed(stores, configuration: configuration)
                let forged = String(uris[0].dropLast()) + (uris[0].last == "A" ? "B" : "A")
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.live) { client in
                    let page = try await client.execute(
                        uri: WebWorld.path(of: uris[0]) + "?lang=en", method: .get, headers: [.accept: "text/html"])
                    #expect(page.status == .ok)
                    let marker = "rel=\"evidence\">Ledger evidence</a>"
                    #expect(page.text.contains(marker))
                    let start = try #require(
                        page.text.range(
                            of: "<a href=\"", options: .backwards,
                            range: page.text.startIndex..<page.text.range(of: marker)!.lowerBound))
                    let href = page.text[start.upperBound...].prefix { $0 != "\"" }
                        .replacingOccurrences(of: "&amp;", with: "&")
                    #expect(href.contains("format=json") && href.contains("evidence=1"))
                    let followed = try await client.execute(uri: href, method: .get)
                    #expect(try followed.json()["evidence"] is [String: Any], "\(href)")

                    // The page also shows the evidence itself: position, signed checkpoint, proof.
                    let evidence = try #require(followed.json()["evidence"] as? [String: Any])
                    let leafIndex = try #require(evidence["leaf_index"] as? Int)
                    #expect(page.text.contains("id=\"evidence\""))
                    #expect(page.text.contains("<dt>Ledger position</dt><dd>\(leafIndex)</dd>"))
                    let checkpoint = try #require(evidence["checkpoint"] as? String)
                    let origin = try #require(checkpoint.split(separator: "\n").first)
                    #expect(page.text.contains(String(origin)))
                    let proof = try #require(evidence["inclusion_proof"] as? [String])
                    #expect(!proof.isEmpty)
                    for hash in proof {
                        #expect(page.text.contains("<code>\(hash)</code>"))
                    }

                    let forgedPage = try await client.execute(
                        uri: WebWorld.path(of: forged), method: .get, headers: [.accept: "text/html"])
                    #expect(forgedPage.status == .ok)
                    #expect(!forgedPage.text.contains("rel=\"evidence\""))
                    #expect(!forgedPage.text.contains("id=\"evidence\""))
                }
                try await ledger.close()
            }
        }
    }

    @Test("a forged serial or an unknown product gets no evidence")
    func noEvidenceForForgeries() async throws {
        try await LedgerBackend.withDirectory { directory in
            try await LedgerBackend(kind: .sqlite).withStores(in: directory) { stores in
                let configuration = LedgerHTTPTests.configuration(directory: directory)
                let (ledger, uris) = try await Self.seed(stores, configuration: configuration)
                let forged = String(uris[0].dropLast()) + (uris[0].last == "A" ? "B" : "A")
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.live) { client in
                    let response = try await client.execute(
                        uri: WebWorld.path(of: forged) + "?evidence=1", method: .get,
                        headers: [.accept: "application/json"])
                    #expect(try response.json()["verdict"] as? String == "forged")
                    #expect(try response.json()["evidence"] == nil)
                }
                try await ledger.close()
            }
        }
    }

    @Test("the hand-written evidence JSON equals the Codable form")
    func evidenceJSONMatchesCodable() throws {
        let manifest = IssuanceManifest(
            Issuance(
                id: 3, gtin: try GTIN(WebWorld.withCheckDigit("690123400001")), lot: "L \"1\"/中", firstIndex: 10,
                count: 5, issuedBy: 1, issuedAt: Date(timeIntervalSince1970: 1_790_000_000.5)))
        let signer = try NoteSigner.generate(name: "qualityloop.test/log")
        let note = try Checkpoint(origin: signer.name, treeSize: 9, rootHash: manifest.digest).signed(by: signer)
        let ledger = try LedgerEvidence(
            entry: manifest.entry,
            proof: InclusionProof(leafIndex: 4, treeSize: 9, hashes: [manifest.digest, TreeHasher.emptyRoot]),
            checkpoint: note.serialized)
        let evidence = UnitEvidence(ledger: ledger, manifest: manifest, logKey: signer.verifierKey)
        let verdict = Verdict(
            verdict: .genuine, checks: [], uri: "https://id.test.example/01/1", gtin: manifest.gtin, lot: manifest.lot,
            serial: "S", product: nil, batch: nil, producer: nil, scanCount: 1, firstScanAt: nil, recentScans: [],
            checkedAt: Date(timeIntervalSince1970: 1_790_000_000))

        let fast = try #require(
            try JSONSerialization.jsonObject(with: Data(verdict.jsonBytes(evidence: evidence))) as? [String: Any])
        let codableEvidence = try JSONSerialization.jsonObject(with: try JSONCoding.encoder().encode(evidence))
        let codableVerdict = try JSONSerialization.jsonObject(with: try JSONCoding.encoder().encode(verdict))
        #expect((fast["evidence"] as? NSDictionary) == (codableEvidence as? NSDictionary))
        var rest = fast
        rest["evidence"] = nil
        #expect((rest as NSDictionary) == (codableVerdict as? NSDictionary))
        #expect(verdict.jsonBytes == verdict.jsonBytes(evidence: nil))
    }

    /// Decodes the evidence member of a verdict's JSON.
    static func decodeEvidence(_ text: String) throws -> UnitEvidence {
        struct Envelope: Decodable { let evidence: UnitEvidence }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Envelope.self, from: Data(text.utf8)).evidence
    }

    /// The verdict text with its checkpoint's tree size line changed (signature left as it was).
    static func replacingTreeSize(in text: String) -> String {
        text.replacingOccurrences(of: "ledger\\n4\\n", with: "ledger\\n5\\n")
    }
}
