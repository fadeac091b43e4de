import Foundation
import QualityCore
import Storage
import Testing

/// Recall records through `qloop recall record …`, run as an operator would, on both backends:
/// opening stops sale of the batch, refusals exit non-zero with the reason and change nothing,
/// notices are idempotent on the order id, and the ledger verifies clean afterwards.
@Suite("Recalls through the CLI")
struct RecallCLITests {
    @Test("open, milestones, notices from a CSV file, returns, show, events and lift", arguments: LedgerBackend.all)
    func course(backend: LedgerBackend) async throws {
        try await LedgerBackend.withDirectory { directory in
            try await backend.withStores(in: directory) { stores in
                let database: [String] =
                    switch stores.location {
                    case .sqlite(let path): ["--db", path]
                    case .postgres(let url): ["--database-url", url]
                    }
                func qloop(_ arguments: [String]) async throws -> QLoopProcess.Outcome {
                    try await QLoopProcess.run(
                        arguments + database, environment: ["QUALITYLOOP_LEDGER_KEY": "\(directory)/ledger.key"])
                }
                func json(_ run: QLoopProcess.Outcome) throws -> [String: Any] {
                    try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
                }
                let gtin = "06956789000011"
                let today = CalendarDay(chinaDayOf: Date().timeIntervalSince1970)
                for setup in [
                    ["org", "add", "--name", "Shenneng", "--role", "producer"],
                    ["org", "add", "--name", "Bureau", "--role", "regulator"],
                    ["org", "add", "--name", "Lab", "--role", "lab"],
                    ["org", "add-prefix", "--org", "Shenneng", "--prefix", "6956789"],
                    [
                        "product", "add", "--org", "Shenneng", "--gtin", gtin, "--name", "移动电源", "--category",
                        "electronics",
                    ],
                    [
                        "batch", "add", "--gtin", gtin, "--lot", "SN-1", "--produced", "2026-07-01", "--quantity",
                        "1000",
                    ],
                ] {
                    let run = try await qloop(setup)
                    #expect(run.status == 0, "\(setup): \(run.errors)")
                }
                let open = [
                    "recall", "record", "open", "--gtin", gtin, "--lot", "SN-1", "--reason", "cells overheat", "--hazard",
                    "fire", "--remedy", "refund,replace", "--confirmed", today.adding(days: -3).description,
                    "--affected",
                    "retailer=200,consumer=800",
                ]
                for (change, message) in [
                    (["--hazard", "radiation"], "unknown hazard class"),
                    (["--confirmed", "2026-02-30"], "not a calendar date"),
                    (["--affected", "shelf=3"], "unknown supply-chain level"), (["--org", "Lab"], "only the producer"),
                    (["--remedy", ""], "at least one remedy"),
                ] {
                    var arguments = open
                    if let index = arguments.firstIndex(of: change[0]) {
                        arguments[index + 1] = change[1]
                    } else {
                        arguments += change
                    }
                    let refused = try await qloop(arguments)
                    #expect(refused.status != 0, "\(change)")
                    #expect(refused.errors.contains(message), "\(change): \(refused.errors)")
                }
                let listedBefore = try await qloop(["batch", "list", "--gtin", gtin])
                #expect(!listedBefore.output.contains("RECALLED"))

                let opened = try await qloop(open + ["--json"])
                #expect(opened.status == 0, "\(opened.errors)")
                let id = try #require((try json(opened)["record"] as? [String: Any])?["id"] as? Int)
                let listed = try await qloop(["batch", "list", "--gtin", gtin])
                #expect(listed.output.contains("RECALLED: cells overheat"))

                let filed = try await qloop([
                    "recall", "record", "milestone", "\(id)", "--kind", "plan_filed", "--on",
                    today.adding(days: -1).description,
                    "--reference", "SAMR-77", "--org", "Bureau",
                ])
                #expect(filed.status == 0, "\(filed.errors)")
                #expect(filed.output.contains("plan\tdue"))

                let orders = "\(directory)/orders.csv"
                try "order_id,buyer,units\nJD-1,b-1,2\nJD-2,,\nJD-3\n".write(
                    toFile: orders, atomically: true, encoding: .utf8)
                let notified = try await qloop(["recall", "record", "notify", "\(id)", "--orders", orders, "--json"])
                let again = try await qloop(["recall", "record", "notify", "\(id)", "--orders", orders, "--order", "JD-4"])
                #expect(try json(notified)["created"] as? Int == 3)
                #expect(again.output.contains("1 notices created, 3 orders already noticed"))
                let badCSV = "\(directory)/bad.csv"
                try "JD-9,\"quoted\",1\n".write(toFile: badCSV, atomically: true, encoding: .utf8)
                let refusedCSV = try await qloop(["recall", "record", "notify", "\(id)", "--orders", badCSV])
                #expect(refusedCSV.status != 0)
                #expect(refusedCSV.errors.contains("line 1"))

                let delivered = try await qloop([
                    "recall", "record", "notice", "\(id)", "--order", "JD-1", "--status", "delivered", "--json",
                ])
                #expect(try json(delivered)["status"] as? String == "delivered")
                let backwards = try await qloop([
                    "recall", "record", "notice", "\(id)", "--order", "JD-1", "--status", "sent",
                ])
                #expect(backwards.status != 0)
                #expect(backwards.errors.contains("cannot go back"))

                let returned = try await qloop([
                    "recall", "record", "returns", "\(id)", "--level", "retailer", "--returned", "200", "--corrected",
                    "150",
                ])
                #expect(returned.status == 0, "\(returned.errors)")
                #expect(returned.output.contains("correction rate 15.0% (150 of 1000)"))
                let beyond = try await qloop([
                    "recall", "record", "returns", "\(id)", "--level", "retailer", "--returned", "1",
                ])
                #expect(beyond.status != 0)

                let shown = try await qloop(["recall", "record", "show", "\(id)", "--json"])
                let report = try json(shown)
                #expect((report["effectiveness"] as? [String: Any])?["corrected"] as? Int == 150)
                #expect((report["record"] as? [String: Any])?["regulator_reference"] as? String == "SAMR-77")
                let list = try await qloop(["recall", "record", "list", "--org", "Bureau"])
                #expect(list.output.hasPrefix("\(id)\topen\t\(gtin)\tSN-1"))

                let lifted = try await qloop(["recall", "record", "lift", "\(id)", "--reason", "retested: safe"])
                #expect(lifted.status == 0, "\(lifted.errors)")
                let events = try await qloop(["recall", "record", "events", "\(id)"])
                let kinds = events.output.split(separator: "\n").map { $0.split(separator: "\t")[3] }
                #expect(
                    kinds == [
                        "opened", "milestone", "notices_added", "notices_added", "notice_updated", "returns_recorded",
                        "lifted",
                    ])
                let afterLift = try await qloop(["batch", "list", "--gtin", gtin])
                #expect(!afterLift.output.contains("RECALLED"))
                let verified = try await qloop(["ledger", "verify"])
                #expect(verified.status == 0, "\(verified.output) \(verified.errors)")
            }
        }
    }
}
