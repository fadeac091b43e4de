import ArgumentParser
import Foundation
import Trace

/// `qloop epcis …`: EPCIS 2.0 documents (JSON/JSON-LD or XML): import into the repository, CBV 2.0
/// event hashes and validation.
struct EpcisCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epcis", abstract: "EPCIS 2.0 capture, queries, event hashes and document validation.",
        subcommands: [Hash.self, Validate.self, Import.self, Query.self])

    /// Reads and decodes one document, reporting a file or syntax error on standard error.
    static func document(at path: String) -> EPCISDocument? {
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.error("\(path): cannot read the file")
            return nil
        }
        do {
            return try EPCISDocumentDecoder().decode(data)
        } catch {
            Output.error("\(path): \(error.message)")
            return nil
        }
    }

    /// `qloop epcis hash FILE…`.
    struct Hash: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print the CBV 2.0 event hash (ni:///sha-256;…?ver=CBV2.0) of every event, one line each, in document order."
        )
        @Argument(help: "EPCIS documents or single events (JSON/JSON-LD or XML).") var files: [String]
        @Flag(help: "Print the canonical pre-hash strings instead of the hashes.") var prehash = false

        /// Runs the command.
        func run() async throws {
            var failed = false
            for path in files {
                guard let document = EpcisCommand.document(at: path) else {
                    failed = true
                    continue
                }
                for line in prehash ? document.preHashes : document.eventHashes.map(\.uri) { print(line) }
            }
            if failed { throw ExitCode(1) }
        }
    }

    /// `qloop epcis validate FILE…`.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check documents against EPCIS 2.0, CBV 2.0 and GS1 identifier rules; exit 1 when any has an error.")
        @Argument(help: "EPCIS documents or single events (JSON/JSON-LD or XML).") var files: [String]
        @Flag(help: "Treat warnings (Digital Links failing GS1 checks, unlisted measurement types) as errors.")
        var strict = false
        @Flag(help: "Print JSON.") var json = false

        /// The JSON shape of one file's result.
        struct Result: Encodable {
            let file: String
            let valid: Bool
            let events: Int
            let problems: [EPCISProblem]
        }

        /// Runs the command.
        func run() async throws {
            var allValid = true
            for path in files {
                guard let document = EpcisCommand.document(at: path) else {
                    allValid = false
                    if json { try Output.json(Result(file: path, valid: false, events: 0, problems: [])) }
                    continue
                }
                let problems = EPCISValidator(strict: strict).validate(document)
                let valid = EPCISValidator.errors(problems).isEmpty
                allValid = allValid && valid
                if json {
                    try Output.json(Result(file: path, valid: valid, events: document.events.count, problems: problems))
                    continue
                }
                let errorCount = EPCISValidator.errors(problems).count
                let warnings = problems.count - errorCount
                let summary =
                    valid ? "valid (\(document.events.count) events)" : "invalid (\(Self.count(errorCount, "error")))"
                print("\(path): \(summary)\(warnings > 0 ? ", " + Self.count(warnings, "warning") : "")")
                for problem in problems {
                    print(
                        "  \(problem.severity.rawValue) \(problem.path.isEmpty ? "(document)" : problem.path): \(problem.reason)"
                    )
                }
            }
            if !allValid { throw ExitCode(1) }
        }

        /// `1 error`, `2 errors`.
        static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
    }
}
