import ArgumentParser
import Foundation
import Ledger
import Passport

extension LedgerCommand {
    /// `qloop ledger check-evidence FILE`: verify a saved JSON verdict's ledger evidence offline.
    struct CheckEvidence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-evidence",
            abstract: "Verify the ledger evidence in a saved JSON verdict, offline.",
            discussion: """
                Save a verdict with: curl -H 'Accept: application/json' 'https://…/01/…/10/…/21/…?evidence=1' > verdict.json
                Checks that the checkpoint is signed by the log's key, that the inclusion proof leads \
                from the issuance manifest's entry to the checkpoint's root, that the entry records \
                this manifest, and that the manifest covers the scanned unit.
                Exit status: 0 when the evidence holds, 1 when it does not, 2 when the file cannot be read.
                """)
        @Argument(help: "The saved verdict (JSON).") var file: String
        @Option(
            name: .customLong("public-key"),
            help: "The log's note verifier key to trust (default: the one in the file, which proves less).")
        var publicKey: String?
        @Flag(help: "Print JSON.") var json = false

        /// The parts of a saved verdict the check reads.
        struct SavedVerdict: Decodable {
            let gtin: String
            let lot: String?
            let serial: String?
            let evidence: UnitEvidence?
        }

        func run() async throws {
            let saved: SavedVerdict
            let key: NoteVerifierKey?
            do {
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                saved = try decoder.decode(SavedVerdict.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
                key = try publicKey.map { try NoteVerifierKey(parsing: $0) }
            } catch {
                Output.error("cannot read \(file): \(error)")
                throw ExitCode(2)
            }
            guard let evidence = saved.evidence, let lot = saved.lot, let serial = saved.serial else {
                fail("the verdict carries no ledger evidence (ask for it with ?evidence=1; only issued units have it)")
            }
            do {
                let finding = try evidence.verify(gtin: saved.gtin, lot: lot, serial: serial, trusting: key)
                if json {
                    try Output.json(
                        Report(
                            valid: true, leafIndex: evidence.leafIndex, treeSize: finding.checkpoint.treeSize,
                            origin: finding.checkpoint.origin, issuanceID: finding.manifest.issuanceID,
                            unitIndex: finding.unitIndex, pinnedKey: key != nil))
                } else {
                    print(
                        "evidence holds: unit \(finding.unitIndex) of \(saved.gtin) lot \(lot) is in issuance "
                            + "\(finding.manifest.issuanceID), logged as entry \(evidence.leafIndex) under "
                            + "\(finding.checkpoint.origin)'s checkpoint of \(finding.checkpoint.treeSize) entries")
                    if key == nil {
                        print("note: checked against the key in the file; pass --public-key to pin the log's key")
                    }
                }
            } catch {
                fail("\(error)")
            }
        }

        /// Reports invalid evidence and exits 1.
        private func fail(_ message: String) -> Never {
            if json { try? Output.json(Failure(valid: false, problem: message)) }
            Output.error("evidence does not hold: \(message)")
            Foundation.exit(1)
        }

        /// The JSON report of evidence that does not hold.
        struct Failure: Encodable {
            let valid: Bool
            let problem: String
        }

        /// The JSON report.
        struct Report: Encodable {
            let valid: Bool
            let leafIndex: UInt64
            let treeSize: UInt64
            let origin: String
            let issuanceID: Int64
            let unitIndex: Int64
            let pinnedKey: Bool
        }
    }
}
