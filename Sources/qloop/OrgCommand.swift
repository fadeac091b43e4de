import Access
import ArgumentParser
import QualityCore
import Storage

/// `qloop org …`: organisations, their GS1 company prefixes and API tokens.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Manage organisations, company prefixes and API tokens.",
        subcommands: [Add.self, AddPrefix.self, Token.self, RevokeToken.self, List.self])

    /// `qloop org add`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an organisation.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Unique name.") var name: String
        @Option(help: "producer, platform, lab or regulator.") var role: String
        @Flag(name: .customLong("print-token"), help: "Create an API token and print it (shown once).")
        var printToken = false
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let role = try Role(parsing: role)
            let name = try OrganisationName.check(name)
            try await database.withStores { stores in
                let organisation = try await stores.access.createOrganisation(name: name, role: role)
                var token: APIToken?
                if printToken {
                    let created = APIToken.generate()
                    try await stores.access.addToken(digest: created.digest, label: "created by qloop org add", for: organisation.id)
                    token = created
                }
                if json {
                    try Output.json(OrganisationOutput(organisation: organisation, token: token?.secret))
                } else {
                    print("organisation \(organisation.id) \(organisation.name) (\(organisation.role.rawValue))")
                    if let token { print("token: \(token.secret)") }
                }
            }
        }
    }

    /// `qloop org add-prefix`.
    struct AddPrefix: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-prefix", abstract: "Assign a GS1 company prefix to an organisation.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Organisation name.") var org: String
        @Option(help: "Company prefix, 6–12 digits in GTIN-13 form.") var prefix: String

        func run() async throws {
            let prefix = try CompanyPrefix(prefix)
            try await database.withStores { stores in
                let organisation = try await stores.access.named(org)
                try await stores.access.addCompanyPrefix(prefix, to: organisation.id)
                print("prefix \(prefix) assigned to \(organisation.name)")
            }
        }
    }

    /// `qloop org token`.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a new API token for an organisation.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Organisation name.") var org: String
        @Option(help: "A label for people.") var label = "created by qloop org token"

        func run() async throws {
            try await database.withStores { stores in
                let organisation = try await stores.access.named(org)
                let token = APIToken.generate()
                try await stores.access.addToken(digest: token.digest, label: label, for: organisation.id)
                print(token.secret)
            }
        }
    }

    /// `qloop org revoke-token`.
    struct RevokeToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-token", abstract: "Revoke an API token (read from standard input with -).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The token, or - to read it from standard input.") var token: String

        func run() async throws {
            let secret = token == "-" ? (readLine() ?? "") : token
            let digest = APIToken(secret: secret.trimmingCharacters(in: .whitespacesAndNewlines)).digest
            try await database.withStores { stores in
                guard try await stores.access.revokeToken(digest: digest) else {
                    throw QualityError.notFound("token_not_found", "no live token matches")
                }
                print("token revoked")
            }
        }
    }

    /// `qloop org list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                let organisations = try await stores.access.organisations()
                if json {
                    try Output.json(organisations.map { OrganisationOutput(organisation: $0, token: nil) })
                } else {
                    for organisation in organisations {
                        let prefixes = try await stores.access.companyPrefixes(of: organisation.id)
                        print("\(organisation.id)\t\(organisation.name)\t\(organisation.role.rawValue)\t\(prefixes.map(\.digits).joined(separator: ","))")
                    }
                }
            }
        }
    }
}

/// The JSON shape of an organisation on the command line.
struct OrganisationOutput: Encodable {
    let organisation: Organisation
    let token: String?
}

/// Checks on organisation names.
enum OrganisationName {
    /// A trimmed name of 1–100 characters.
    static func check(_ text: String) throws(QualityError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else {
            throw .invalid("bad_name", "an organisation name has 1 to 100 characters")
        }
        return name
    }
}

extension AccessStore {
    /// The organisation with a name, or a `notFound` error naming it.
    func named(_ name: String) async throws -> Organisation {
        guard let organisation = try await organisation(named: name) else {
            throw QualityError.notFound("organisation_not_found", "no organisation is named '\(name)'")
        }
        return organisation
    }
}

import Foundation
