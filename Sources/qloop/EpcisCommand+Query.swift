import ArgumentParser
import Foundation
import QualityCore
import Storage
import Trace

extension EpcisCommand {
    /// `qloop epcis query NAME=VALUE…`.
    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print the stored events matching EPCIS query parameters (eventType=ObjectEvent EQ_bizStep=shipping MATCH_epc=… perPage=…) as an EPCISQueryDocument."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(
            help: "Query parameters as NAME=VALUE, the names of GET /epcis/events; several values separated by |.")
        var parameters: [String] = []

        /// Runs the command.
        func run() async throws {
            var pairs: [(name: String, value: String)] = []
            for parameter in parameters {
                guard let equals = parameter.firstIndex(of: "=") else {
                    throw ValidationError("'\(parameter)' is not NAME=VALUE")
                }
                pairs.append((String(parameter[..<equals]), String(parameter[parameter.index(after: equals)...])))
            }
            let query = try EventQuery(parameters: pairs, visibleTo: nil)
            let page = try await database.withStores { stores in try await stores.events.events(matching: query) }
            print(EventQueryDocument.json(page.events))
            if let next = page.next {
                Output.error("more events: add nextPageToken=\(EventQuery.pageToken(after: next))")
            }
        }
    }
}
