import Foundation
import Ledger
import Storage
import Testing

/// The CLI's write commands append to the ledger and `qloop ledger verify` stays clean, run as
/// an operator would, on both backends.
@Suite("Ledger through the CLI")
struct LedgerCLITests {
    @Test(
        "product, batch, codes and recall commands append entries; ledger verify exits 0", arguments: LedgerBackend.all)
    func writesVerifyClean(backend: LedgerBackend) async throws {
        try await LedgerBackend.withDirectory { directory in
            try await backend.withStores(in: directory) { stores in
                let database: [String] =
                    switch stores.location {
                    case .sqlite(let path): ["--db", path]
                    case .postgres(let url): ["--database-url", url]
                    }
                let key = "\(directory)/ledger.key"
                func qloop(_ arguments: [String]) async throws -> QLoopProcess.Outcome {
                    let run = try await QLoopProcess.run(
                        arguments + database, environment: ["QUALITYLOOP_LEDGER_KEY": key])
                    return run
                }
                let gtin = WebWorld.withCheckDigit("690123400001")
                for command in [
                    ["org", "add", "--name", "Alpha Foods", "--role", "producer"],
                    ["org", "add-prefix", "--org", "Alpha Foods", "--prefix", "6901234"],
                    ["product", "add", "--org", "Alpha Foods", "--gtin", gtin, "--name", "Rice", "--category", "food"],
                    ["batch", "add", "--gtin", gtin, "--lot", "L1", "--produced", "2026-01-01"],
                ] {
                    let run = try await qloop(command)
                    #expect(run.status == 0, "\(command): \(run.errors)")
                }
                let issued = try await qloop([
                    "codes", "issue", "--gtin", gtin, "--lot", "L1", "--count", "25", "--out",
                    "\(directory)/labels.csv",
                    "--json",
                ])
                #expect(issued.status == 0, "\(issued.errors)")
                let output = try JSONSerialization.jsonObject(with: Data(issued.output.utf8)) as? [String: Any]
                let issuance = try #require(output?["issuance"] as? [String: Any])
                #expect(issuance["ledger_index"] as? Int == 2)
                for command in [
                    ["recall", "--gtin", gtin, "--lot", "L1", "--reason", "mould"],
                    ["recall", "--gtin", gtin, "--lot", "L1", "--reason", "retested", "--lift"],
                ] {
                    let run = try await qloop(command)
                    #expect(run.status == 0, "\(command): \(run.errors)")
                }

                let entries = try await stores.ledger.ledgerLeaves(from: 0, limit: 10).map { try $0.entry() }
                #expect(
                    entries.map(\.kind) == [.passportChange, .passportChange, .codeIssuance, .recall, .recallStatus])
                #expect(
                    entries[2].record
                        == LedgerRecordReference(table: "issuances", key: "\(issuance["id"] as? Int ?? -1)"))
                let verify = try await qloop(["ledger", "verify", "--json"])
                #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
                let report = try JSONSerialization.jsonObject(with: Data(verify.output.utf8)) as? [String: Any]
                #expect(report?["entriesChecked"] as? Int == 5)

                // Checked against another key, the same log does not verify: the check can fail.
                let other = try NoteSigner.generate(name: LedgerKeyFile.defaultOrigin).verifierKey.description
                let wrongKey = try await qloop(["ledger", "verify", "--public-key", other])
                #expect(wrongKey.status == 1, "a checkpoint signed by another key must not verify")
            }
        }
    }
}
