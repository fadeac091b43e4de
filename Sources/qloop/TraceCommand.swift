import ArgumentParser
import Foundation
import Storage
import Trace

/// `qloop trace ID`: the trace graph of a unit, lot or container through the stored EPCIS events.
struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract:
            "Trace a unit, lot or container (EPC URN or Digital Link) through containers and transformations, with every event naming them."
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "An EPC URN or a GS1 Digital Link URI.") var id: String
    @Flag(help: "Print JSON.") var json = false

    /// The JSON shape of a trace.
    struct TraceJSON: Encodable {
        let identifier: String
        let identity: String
        let truncated: Bool
        let nodes: [Node]
        let events: [Event]

        struct Node: Encodable {
            let identity: String
            let relation: String
            let distance: Int
        }

        struct Event: Encodable {
            let eventID: String
            let eventHash: String
            let type: String
            let action: String?
            let eventTime: String
            let bizStep: String?
            let disposition: String?
            let readPoint: String?
            let bizLocation: String?
        }
    }

    func run() async throws {
        let result = try await database.withStores { stores in
            try await TraceGraph(store: stores.events).trace(id, visibleTo: nil)
        }
        let output = TraceJSON(
            identifier: result.identifier, identity: result.identity, truncated: result.truncated,
            nodes: result.nodes.map {
                .init(identity: $0.identity, relation: $0.relation.rawValue, distance: $0.distance)
            },
            events: result.events.map {
                .init(
                    eventID: $0.eventID, eventHash: $0.hash.uri, type: $0.type, action: $0.action,
                    eventTime: $0.eventTimeUTC, bizStep: $0.bizStep, disposition: $0.disposition,
                    readPoint: $0.readPoint, bizLocation: $0.bizLocation)
            })
        if json {
            try Output.json(output)
            return
        }
        print("\(result.identity): \(result.nodes.count - 1) linked identifiers, \(result.events.count) events")
        for node in result.nodes.dropFirst() {
            print("  \(node.relation.rawValue) \(node.identity)")
        }
        for event in result.events {
            let step = event.bizStep.map { " " + ($0.split(separator: "-").last.map(String.init) ?? $0) } ?? ""
            print("  \(event.eventTimeUTC) \(event.type)\(step)")
        }
    }
}
