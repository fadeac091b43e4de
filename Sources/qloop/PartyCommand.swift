import Access
import ArgumentParser
import Foundation
import Governance
import QualityCore
import Storage

/// `qloop party …`: parties of a platform, their documents, and the duties of API tokens.
struct PartyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party", abstract: "Register merchants, live rooms, hosts and agencies and file their documents.",
        subcommands: [Add.self, Document.self, List.self, Token.self])

    /// `qloop party add`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a party on the acting platform.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Option(help: "merchant, live_room, host or agency.") var kind: String
        @Option(help: "Registered name.") var name: String
        @Option(name: .customLong("credit-code"), help: "Unified social credit code (not for hosts).") var creditCode:
            String?
        @Option(name: .customLong("category"), help: "A declared product category, e.g. food (repeatable).")
        var categories: [String] = []
        @Option(help: "A live room's operator merchant or a host's agency (party id).") var parent: Int64?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let draft = PartyDraft(
                kind: try PartyKind(parsing: kind), name: name, creditCode: creditCode, categories: categories,
                parentID: parent)
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let party = try await service.registerParty(draft, by: actor)
                    if json {
                        try Output.json(party)
                    } else {
                        print("party \(party.id) \(party.name) (\(party.kind.rawValue))")
                    }
                }
            }
        }
    }

    /// `qloop party document`.
    struct Document: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "File a qualification document for a party.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Option(help: "Party id.") var party: Int64
        @Option(
            help:
                "business_licence, food_business_licence, cosmetics_filing, ccc_certificate, test_report, identity_document."
        )
        var kind: String
        @Option(help: "Issuing authority.") var issuer: String
        @Option(help: "Document number.") var number: String
        @Option(name: .customLong("valid-from"), help: "First valid day, YYYY-MM-DD.") var validFrom: String
        @Option(name: .customLong("valid-until"), help: "Last valid day, YYYY-MM-DD (leave out for 长期).")
        var validUntil: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let draft = DocumentDraft(
                kind: try DocumentKind(parsing: kind), issuer: issuer, number: number,
                validFrom: try CalendarDay(validFrom),
                validUntil: try validUntil.map { text throws(QualityError) in try CalendarDay(text) })
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let document = try await service.fileDocument(draft, for: party, by: actor)
                    if json {
                        try Output.json(document)
                    } else {
                        print("document \(document.id) filed for party \(party)")
                    }
                }
            }
        }
    }

    /// `qloop party list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the parties of a platform.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var governance: GovernanceOptions
        @Option(help: "The platform's organisation id (regulators only).") var platform: Int64?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                try await governance.withService(stores) { service, actor in
                    let parties = try await service.parties(platformID: platform, for: actor)
                    if json {
                        try Output.json(parties)
                    } else {
                        for party in parties {
                            print("\(party.id)\t\(party.kind.rawValue)\t\(party.standing.rawValue)\t\(party.name)")
                        }
                    }
                }
            }
        }
    }

    /// `qloop party token`.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token of an organisation that acts with a governance duty, and print it.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Organisation name.") var org: String
        @Option(help: "reviewer, cqo, merchant, live_room_operator, host, agency or regulator.") var duty: String
        @Option(help: "A label for people.") var label: String?

        func run() async throws {
            let duty = try GovernanceDuty(parsing: duty)
            try await database.withStores { stores in
                let organisation = try await stores.access.named(org)
                let token = APIToken.generate()
                try await stores.access.addToken(
                    digest: token.digest, label: label ?? "\(duty.rawValue), created by qloop party token",
                    for: organisation.id)
                try await stores.governance.assignDuty(duty, toTokenDigest: token.digest)
                print(token.secret)
            }
        }
    }
}
