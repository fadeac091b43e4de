import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Web

/// `GET /trace/{id}` over real HTTP, on every backend.
@Suite("Trace graph over HTTP")
struct TraceHTTPTests {
    /// Units packed on a pallet, the pallet loaded into a container and shipped; unit 1001 is
    /// made from a raw lot and goes into a new lot.
    static let document = """
        {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
         "schemaVersion": "2.0", "creationDate": "2026-03-01T00:00:00Z", "epcisBody": {"eventList": [
          {"type": "TransformationEvent", "eventTime": "2026-03-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "bizStep": "creating_class_instance",
           "inputQuantityList": [{"epcClass": "urn:epc:class:lgtin:6901234.000003.R1", "quantity": 5, "uom": "KGM"}],
           "outputEPCList": ["urn:epc:id:sgtin:6901234.000001.1001"]},
          {"type": "AggregationEvent", "eventTime": "2026-03-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "ADD", "bizStep": "packing", "parentID": "urn:epc:id:sscc:6901234.0000000001",
           "childEPCs": ["https://shop.example/01/06901234000016/21/1001", "urn:epc:id:sgtin:6901234.000001.1002"]},
          {"type": "AggregationEvent", "eventTime": "2026-03-03T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "ADD", "bizStep": "loading", "parentID": "urn:epc:id:sscc:6901234.0000000003",
           "childEPCs": ["urn:epc:id:sscc:6901234.0000000001"]},
          {"type": "ObjectEvent", "eventTime": "2026-03-04T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "OBSERVE", "bizStep": "shipping", "epcList": ["urn:epc:id:sscc:6901234.0000000003"],
           "readPoint": {"id": "urn:epc:id:sgln:6901234.00001.0"}}
         ]}}
        """

    @Test(
        "a unit's trace reaches its pallet, container and raw lot, and lists their events in time order",
        arguments: EPCISWorld.Backend.all)
    func traceOfUnit(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let capture = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"),
                    body: ByteBuffer(string: Self.document))
                #expect(capture.status == .accepted)

                let byLink = try await client.execute(
                    uri: "/trace/https%3A%2F%2Fid.gs1.org%2F01%2F06901234000016%2F21%2F1001", method: .get,
                    headers: world.headers("producer"))
                let byURN = try await client.execute(
                    uri: "/trace/urn:epc:id:sgtin:6901234.000001.1001", method: .get, headers: world.headers("producer")
                )
                let foreign = try await client.execute(
                    uri: "/trace/urn:epc:id:sgtin:6901234.000001.1001", method: .get,
                    headers: world.headers("producer2"))
                let regulator = try await client.execute(
                    uri: "/trace/urn:epc:id:sgtin:6901234.000001.1001", method: .get,
                    headers: world.headers("regulator"))
                let bad = try await client.execute(
                    uri: "/trace/urn:epc:id:sgtin:12", method: .get, headers: world.headers("producer"))
                let anonymous = try await client.execute(
                    uri: "/trace/urn:epc:id:sgtin:6901234.000001.1001", method: .get)
                let byQuery = try await client.execute(
                    uri: "/api/v1/trace?id=urn%3Aepc%3Aid%3Asgtin%3A6901234.000001.1001", method: .get,
                    headers: world.headers("producer"))
                let noID = try await client.execute(uri: "/api/v1/trace", method: .get, headers: world.headers("producer"))

                #expect(byLink.status == .ok, "\(byLink.text)")
                let trace = try byLink.json()
                #expect(trace["identity"] as? String == "https://id.gs1.org/01/06901234000016/21/1001")
                let nodes = try #require(trace["nodes"] as? [[String: Any]])
                let relations = Dictionary(
                    uniqueKeysWithValues: nodes.compactMap { node in
                        (node["identity"] as? String).map { ($0, node["relation"] as? String ?? "?") }
                    })
                #expect(
                    relations == [
                        "https://id.gs1.org/01/06901234000016/21/1001": "subject",
                        "https://id.gs1.org/00/069012340000000016": "container",
                        "https://id.gs1.org/00/069012340000000030": "container",
                        "https://id.gs1.org/01/06901234000030/10/R1": "input",
                    ], "\(nodes)")
                let events = try #require(trace["events"] as? [[String: Any]])
                #expect(
                    events.compactMap {
                        ($0["biz_step"] as? String)?.replacingOccurrences(
                            of: "https://ref.gs1.org/cbv/BizStep-", with: "")
                    }
                        == ["creating_class_instance", "packing", "loading", "shipping"])
                #expect(events.first?["event_time"] as? String == "2026-03-01T00:00:00.000Z")
                #expect(try byURN.json()["nodes"] as? [[String: Any]] != nil)
                #expect((try byURN.json()["events"] as? [Any])?.count == 4)
                #expect((try foreign.json()["events"] as? [Any])?.isEmpty == true)
                #expect((try regulator.json()["events"] as? [Any])?.count == 4)
                #expect(bad.status == .badRequest)
                #expect(try bad.errorCode() == "bad_identifier")
                #expect(anonymous.status == .unauthorized)
                #expect(byQuery.status == .ok)
                #expect(byQuery.text == byURN.text, "the API form answers as /trace/{id}")
                #expect(noID.status == .badRequest)
                #expect(try noID.errorCode() == "missing_id")
            }
        }
    }
}
