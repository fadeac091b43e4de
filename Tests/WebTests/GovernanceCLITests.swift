import Foundation
import Storage
import Testing

/// Onboarding through `qloop party …` and `qloop review …`, run as an operator would, on both
/// backends: refusals exit non-zero with the reason and change nothing, decisions reach the
/// ledger and `qloop ledger verify` stays clean.
@Suite("Governance through the CLI")
struct GovernanceCLITests {
    @Test(
        "party, document, review and decision commands; a reviewer cannot override a block",
        arguments: LedgerBackend.all)
    func onboarding(backend: LedgerBackend) async throws {
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
                let reviewer = ["--org", "Jade Market", "--as", "reviewer"]
                let cqo = ["--org", "Jade Market", "--as", "cqo"]
                #expect(try await qloop(["org", "add", "--name", "Jade Market", "--role", "platform"]).status == 0)
                let token = try await qloop(["party", "token", "--org", "Jade Market", "--duty", "cqo"])
                #expect(token.status == 0, "\(token.errors)")
                #expect(token.output.hasPrefix("qlt_"))

                let added = try await qloop(
                    [
                        "party", "add", "--kind", "merchant", "--name", "Sunny Meadow Shop", "--credit-code",
                        "91330106MA2B00001Y",
                        "--category", "food", "--json",
                    ] + reviewer)
                #expect(added.status == 0, "\(added.errors)")
                let partyID = try #require(try json(added)["id"] as? Int)
                let filed = try await qloop(
                    [
                        "party", "document", "--party", "\(partyID)", "--kind", "business_licence", "--issuer",
                        "杭州市市场监督管理局",
                        "--number", "330106000123456", "--valid-from", "2020-01-01",
                    ] + reviewer)
                #expect(filed.status == 0, "\(filed.errors)")
                let badDate = try await qloop(
                    [
                        "party", "document", "--party", "\(partyID)", "--kind", "business_licence", "--issuer", "x",
                        "--number", "1", "--valid-from", "2020-02-30",
                    ] + reviewer)
                #expect(badDate.status != 0)
                #expect(badDate.errors.contains("2020-2-30 is not a calendar date"))

                let opened = try await qloop(["review", "open", "--party", "\(partyID)", "--json"] + reviewer)
                #expect(opened.status == 0, "\(opened.errors)")
                let reviewID = try #require(try json(opened)["id"] as? Int)
                let refused = try await qloop(
                    ["review", "decide", "--review", "\(reviewID)", "--outcome", "approve", "--reason", "fine"]
                        + reviewer)
                #expect(refused.status != 0)
                #expect(refused.errors.contains("only the CQO may approve"))
                let approved = try await qloop(
                    [
                        "review", "decide", "--review", "\(reviewID)", "--outcome", "approve", "--reason",
                        "licence seen",
                        "--json",
                    ] + cqo)
                #expect(approved.status == 0, "\(approved.errors)")
                #expect(try json(approved)["overridden_rules"] as? [String] == ["onboarding.document.missing"])

                let shown = try await qloop(["review", "show", "\(reviewID)", "--json"] + reviewer)
                #expect((try json(shown)["decisions"] as? [Any])?.count == 1)
                let listFile = "\(directory)/list.csv"
                try
                    "credit_code,name,list,listed_on,removed_on,authority,reason\n91310000MA1K00002C,Rival,abnormal_operation,2025-01-01,,上海市市场监督管理局,无法联系\n"
                    .write(toFile: listFile, atomically: true, encoding: .utf8)
                let imported = try await qloop(["review", "import-list", listFile, "--json"] + reviewer)
                #expect(try json(imported)["imported"] as? Int == 1)
                let verified = try await qloop(["ledger", "verify"])
                #expect(verified.status == 0, "\(verified.output) \(verified.errors)")
            }
        }
    }
}
