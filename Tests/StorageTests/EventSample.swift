import Foundation
import Storage
import Trace

/// A small supply chain as one EPCIS document: two units commissioned, packed on a pallet (one
/// child written as a Digital Link), the pallet shipped, one unit transformed into a new lot.
enum EventSample {
    /// Unit 1001 as an EPC URN.
    static let unit1URN = "urn:epc:id:sgtin:6901234.000001.1001"
    /// Unit 1001 as a Digital Link on another host: the same identity.
    static let unit1Link = "https://example.com/01/06901234000016/21/1001"
    /// Unit 1001's canonical identity.
    static let unit1 = "https://id.gs1.org/01/06901234000016/21/1001"
    /// Unit 1002 as an EPC URN.
    static let unit2URN = "urn:epc:id:sgtin:6901234.000001.1002"
    /// The pallet.
    static let pallet = "urn:epc:id:sscc:6901234.0000000001"
    /// The factory.
    static let factory = "urn:epc:id:sgln:6901234.00000.0"
    /// The warehouse.
    static let warehouse = "urn:epc:id:sgln:6901234.00001.0"
    /// The lot the transformation makes.
    static let outputLot = "urn:epc:class:lgtin:6901234.000002.L2"

    /// The document, with its four events in this order: commissioning, packing, shipping, transforming.
    static let document = """
        {
          "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", {"ql": "https://qualityloop.example/ns/"}],
          "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T00:00:00Z",
          "epcisBody": {"eventList": [
            {"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
             "epcList": ["\(unit1URN)", "\(unit2URN)"], "action": "ADD", "bizStep": "commissioning",
             "disposition": "active", "readPoint": {"id": "\(factory)"}, "bizLocation": {"id": "\(factory)"},
             "ql:line": "A3"},
            {"type": "AggregationEvent", "eventTime": "2026-03-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
             "parentID": "\(pallet)", "childEPCs": ["\(unit1Link)", "\(unit2URN)"], "action": "ADD",
             "bizStep": "packing", "disposition": "in_progress", "readPoint": {"id": "\(factory)"}},
            {"type": "ObjectEvent", "eventTime": "2026-03-03T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
             "epcList": ["\(pallet)"], "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
             "readPoint": {"id": "\(warehouse)"}, "bizLocation": {"id": "\(warehouse)"},
             "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:PO-7"}]},
            {"type": "TransformationEvent", "eventTime": "2026-03-04T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
             "inputEPCList": ["\(unit1URN)"], "outputQuantityList": [{"epcClass": "\(outputLot)", "quantity": 2.5, "uom": "KGM"}],
             "bizStep": "commissioning", "readPoint": {"id": "\(warehouse)"}}
          ]}
        }
        """

    /// The same events, in a second document whose first event is new.
    static func documentWithOneMore() -> String {
        document.replacingOccurrences(
            of: #""eventList": ["#,
            with:
                #""eventList": [{"type": "ObjectEvent", "eventTime": "2026-03-05T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "epcList": ["\#(unit2URN)"], "action": "OBSERVE", "bizStep": "retail_selling", "disposition": "retail_sold"},"#
        )
    }

    /// Captures a document through the core service into a store.
    static func capture(
        _ text: String = document, into stores: Stores, by organisationID: Int64? = nil, at date: Date = Date()
    ) async throws -> CaptureJob {
        try await EventCapture(store: stores.events).capture(Array(text.utf8), by: organisationID, at: date)
    }

    /// The events a query selects, in capture order, each named by its business step's short name.
    static func steps(_ stores: Stores, _ configure: (inout EventQuery) -> Void = { _ in }) async throws -> [String] {
        var query = EventQuery()
        configure(&query)
        return try await stores.events.events(matching: query).events.map { step(of: $0.json) }
    }

    /// The business step short name in an event's JSON.
    static func step(of json: String) -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let uri = object?["bizStep"] as? String ?? "?"
        return uri.replacingOccurrences(of: "https://ref.gs1.org/cbv/BizStep-", with: "")
    }
}
