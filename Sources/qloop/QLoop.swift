import ArgumentParser

/// The `qloop` command: one executable for the server, the database and every capability.
@main
struct QLoop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qloop",
        abstract: "QualityLoop: product digital passports, verification and scans.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, OrgCommand.self, ProductCommand.self, BatchCommand.self,
            CodesCommand.self, Verify.self, RecallCommand.self, DigitalLinkCommand.self, EpcisCommand.self, Bench.self,
            LedgerCommand.self, TraceCommand.self, PartyCommand.self, ReviewCommand.self,
        ]
    )
}
