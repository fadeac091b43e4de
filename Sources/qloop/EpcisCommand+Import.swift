import Access
import ArgumentParser
import Foundation
import QualityCore
import Storage
import Trace

extension EpcisCommand {
    /// `qloop epcis import FILE…`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Validate EPCIS documents and store their events (each file whole or not at all); print a JSON summary and exit 1 when any file is rejected."
        )
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var ledger: LedgerWriteOptions
        @Option(help: "The organisation capturing the events, which may then see them over HTTP (default: none).")
        var org: String?
        @Argument(help: "EPCIS documents (JSON/JSON-LD or XML).") var files: [String]

        /// The summary printed at the end.
        struct Summary: Encodable {
            /// Events stored by this run.
            var accepted = 0
            /// Events that were stored already.
            var duplicates = 0
            /// Files rejected, with every reason.
            var rejected: [Rejection] = []
            /// One entry per file, in the order given.
            var files: [FileResult] = []
        }

        /// A rejected file and why.
        struct Rejection: Encodable {
            let file: String
            let reasons: [EPCISProblem]
        }

        /// What became of one file.
        struct FileResult: Encodable {
            let file: String
            let captureID: String?
            let events: Int
            let accepted: Int
            let duplicates: Int
            let success: Bool

            enum CodingKeys: String, CodingKey {
                case file, events, accepted, duplicates, success
                case captureID = "capture_id"
            }
        }

        /// Runs the command.
        func run() async throws {
            let summary = try await database.withStores { stores in try await ledger.withLedger(stores) { ledger in
                let capture = EventCapture(store: stores.events, eventLimit: .max, ledger: ledger)
                var organisationID: Int64?
                if let org { organisationID = try await stores.access.named(org).id }
                var summary = Summary()
                for path in files {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        summary.reject(path, EPCISProblem(path: "", code: "unreadable", reason: "cannot read the file"))
                        continue
                    }
                    let job: CaptureJob
                    do {
                        job = try await capture.capture(Array(data), by: organisationID)
                    } catch let error as QualityError {
                        summary.reject(path, EPCISProblem(path: "", code: error.code, reason: error.message))
                        continue
                    }
                    summary.files.append(
                        FileResult(
                            file: path, captureID: job.id, events: job.eventCount, accepted: job.acceptedCount,
                            duplicates: job.duplicateCount, success: job.success))
                    summary.accepted += job.acceptedCount
                    summary.duplicates += job.duplicateCount
                    if !job.success { summary.rejected.append(Rejection(file: path, reasons: job.errors)) }
                }
                return summary
            } }
            try Output.json(summary)
            if !summary.rejected.isEmpty { throw ExitCode(1) }
        }
    }
}

extension EpcisCommand.Import.Summary {
    /// Records a file that could not be captured at all.
    mutating func reject(_ path: String, _ problem: EPCISProblem) {
        rejected.append(.init(file: path, reasons: [problem]))
        files.append(.init(file: path, captureID: nil, events: 0, accepted: 0, duplicates: 0, success: false))
    }
}
