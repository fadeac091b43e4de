import Access
import Foundation
import QualityCore
import Storage
import Testing
import Trace

/// A supply chain for traces: three units, two pallets, a container, unpacking, and
/// transformations upstream and downstream of unit 1001.
enum TraceSample {
    static let unit1 = "urn:epc:id:sgtin:6901234.000001.1001"
    static let unit1Link = "https://shop.example/01/06901234000016/21/1001"
    static let unit2 = "urn:epc:id:sgtin:6901234.000001.1002"
    static let unit3 = "urn:epc:id:sgtin:6901234.000001.1003"
    static let pallet1 = "urn:epc:id:sscc:6901234.0000000001"
    static let pallet2 = "urn:epc:id:sscc:6901234.0000000002"
    static let container = "urn:epc:id:sscc:6901234.0000000003"
    static let lot = "urn:epc:class:lgtin:6901234.000002.L2"
    static let product = "urn:epc:id:sgtin:6901234.000002.2001"
    static let rawLot = "urn:epc:class:lgtin:6901234.000003.R1"

    /// One event at day `day` of March 2026.
    static func event(_ day: Int, _ body: String) -> String {
        #"{"eventTime": "2026-03-\#(String(format: "%02d", day))T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", \#(body)}"#
    }

    /// The events, each named by its business step for the checks: E1 … E9.
    static let document = """
        {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
         "schemaVersion": "2.0", "creationDate": "2026-03-01T00:00:00Z", "epcisBody": {"eventList": [
        \(event(2, #""type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "epcList": ["\#(unit1)", "\#(unit2)", "\#(unit3)"]"#)),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(pallet1)", "childEPCs": ["\#(unit1Link)", "\#(unit2)"]"#)),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "staging_outbound", "parentID": "\#(pallet2)", "childEPCs": ["\#(unit3)"]"#)),
        \(event(4, #""type": "AggregationEvent", "action": "ADD", "bizStep": "loading", "parentID": "\#(container)", "childEPCs": ["\#(pallet1)"]"#)),
        \(event(5, #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "epcList": ["\#(container)"]"#)),
        \(event(6, #""type": "TransformationEvent", "bizStep": "assembling", "inputEPCList": ["\#(unit1)"], "outputQuantityList": [{"epcClass": "\#(lot)", "quantity": 1, "uom": "KGM"}]"#)),
        \(event(7, #""type": "TransformationEvent", "bizStep": "repackaging", "inputQuantityList": [{"epcClass": "\#(lot)", "quantity": 1, "uom": "KGM"}], "outputEPCList": ["\#(product)"]"#)),
        \(event(1, #""type": "TransformationEvent", "bizStep": "creating_class_instance", "inputQuantityList": [{"epcClass": "\#(rawLot)", "quantity": 5, "uom": "KGM"}], "outputEPCList": ["\#(unit1)"]"#)),
        \(event(8, #""type": "AggregationEvent", "action": "DELETE", "bizStep": "unpacking", "parentID": "\#(pallet2)", "childEPCs": ["\#(unit3)"]"#))
        ]}}
        """

    /// The business step short names of a trace's events.
    static func steps(_ result: TraceResult) -> [String] {
        result.events.map { ($0.bizStep ?? "?").replacingOccurrences(of: "https://ref.gs1.org/cbv/BizStep-", with: "") }
    }

    /// The nodes of a trace as (identity written as an input here, relation).
    static func nodes(_ result: TraceResult) -> [String: TraceRelation] {
        Dictionary(uniqueKeysWithValues: result.nodes.map { ($0.identity, $0.relation) })
    }

    /// The canonical identity of an identifier.
    static func id(_ text: String) -> String { EPCISIdentifier(text).canonical }
}

extension StoreConformance {
    @Test(
        "a unit's trace follows its containers up and transformations both ways, not its neighbours",
        arguments: StoreFixture.all)
    func traceOfUnit(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let job = try await EventCapture(store: stores.events).capture(Array(TraceSample.document.utf8), by: nil)
            #expect(job.success, "\(job.errors)")

            let trace = try await TraceGraph(store: stores.events).trace(TraceSample.unit1Link, visibleTo: nil)

            #expect(trace.identity == TraceSample.id(TraceSample.unit1))
            #expect(
                TraceSample.nodes(trace) == [
                    TraceSample.id(TraceSample.unit1): .subject, TraceSample.id(TraceSample.pallet1): .container,
                    TraceSample.id(TraceSample.container): .container, TraceSample.id(TraceSample.lot): .output,
                    TraceSample.id(TraceSample.product): .output, TraceSample.id(TraceSample.rawLot): .input,
                ])
            #expect(trace.nodes.first { $0.identity == TraceSample.id(TraceSample.container) }?.distance == 2)
            #expect(
                TraceSample.steps(trace) == [
                    "creating_class_instance", "commissioning", "packing", "loading", "shipping", "assembling",
                    "repackaging",
                ])
            #expect(!trace.truncated)
        }
    }

    @Test("a container's trace goes down to its contents; unpacking links nothing", arguments: StoreFixture.all)
    func traceOfContainer(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            _ = try await EventCapture(store: stores.events).capture(Array(TraceSample.document.utf8), by: nil)

            let container = try await TraceGraph(store: stores.events).trace(TraceSample.container, visibleTo: nil)
            let pallet2 = try await TraceGraph(store: stores.events).trace(TraceSample.pallet2, visibleTo: nil)
            let limited = try await TraceGraph(store: stores.events, nodeLimit: 2).trace(
                TraceSample.container, visibleTo: nil)

            #expect(
                TraceSample.nodes(container) == [
                    TraceSample.id(TraceSample.container): .subject, TraceSample.id(TraceSample.pallet1): .content,
                    TraceSample.id(TraceSample.unit1): .content, TraceSample.id(TraceSample.unit2): .content,
                ])
            #expect(TraceSample.nodes(pallet2)[TraceSample.id(TraceSample.unit3)] == .content)
            #expect(TraceSample.steps(pallet2) == ["commissioning", "staging_outbound", "unpacking"])
            #expect(limited.nodes.count == 2 && limited.truncated)
        }
    }

    @Test(
        "a trace sees only what the organisation may see; a malformed identifier is invalid",
        arguments: StoreFixture.all)
    func traceVisibility(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let producer = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let other = try await stores.access.createOrganisation(name: "Rival Foods", role: .producer)
            _ = try await EventCapture(store: stores.events).capture(Array(TraceSample.document.utf8), by: producer.id)

            let own = try await TraceGraph(store: stores.events).trace(TraceSample.unit1, visibleTo: producer.id)
            let foreign = try await TraceGraph(store: stores.events).trace(TraceSample.unit1, visibleTo: other.id)
            let error = await #expect(throws: QualityError.self) {
                try await TraceGraph(store: stores.events).trace("urn:epc:id:sgtin:12", visibleTo: nil)
            }

            #expect(own.events.count == 7)
            #expect(foreign.events.isEmpty && foreign.nodes.count == 1)
            #expect(error?.code == "bad_identifier")
        }
    }
}
