import ArgumentParser
import Storage

/// `qloop migrate`: bring the database schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let names = try await Stores.migrate(database.location, logger: CommandLogger.make())
        print("schema up to date (\(names.count) migrations: \(names.joined(separator: ", ")))")
    }
}
