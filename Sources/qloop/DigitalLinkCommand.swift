import ArgumentParser
import QualityCore

/// `qloop dl …`: GS1 Digital Link tools.
struct DigitalLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dl", abstract: "Parse and canonicalise GS1 Digital Link URIs.", subcommands: [Parse.self])

    /// `qloop dl parse`.
    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parse, validate and canonicalise a Digital Link URI.")
        @Argument(help: "The URI.") var uri: String
        @Option(help: "Stem of the canonical URI.") var stem = "https://id.gs1.org"
        @Flag(help: "Print JSON.") var json = false

        /// The JSON shape of a parse.
        struct Result: Encodable {
            struct Element: Encodable {
                let ai: String
                let value: String
            }
            let valid: Bool
            var elements: [Element]?
            var canonical: String?
            var elementString: String?
            var error: String?
            var code: String?

            enum CodingKeys: String, CodingKey {
                case valid, elements, canonical, error, code
                case elementString = "element_string"
            }
        }

        func run() async throws {
            let link: DigitalLink
            do {
                link = try DigitalLink.parse(uri)
            } catch {
                if json {
                    try Output.json(Result(valid: false, error: error.message, code: error.code.rawValue))
                } else {
                    Output.error("invalid: \(error.message)")
                }
                throw ExitCode(1)
            }
            let result = Result(
                valid: true, elements: link.elements.map { .init(ai: $0.ai, value: $0.value) },
                canonical: link.canonicalURI(stem: stem), elementString: link.elementString)
            if json {
                try Output.json(result)
            } else {
                print(result.canonical ?? "")
                print(link.elementString)
            }
        }
    }
}
