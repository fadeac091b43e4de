import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Web

/// `GET /api/v1/recall/scope` over real HTTP, on every backend.
@Suite("Recall scope over HTTP")
struct RecallScopeHTTPTests {
    /// Lot L1 of 06901234000016: units 1001 and 1002 commissioned with ILMD, packed in case 1,
    /// loaded on pallet 2 and shipped on an order; unit 2001 of lot L2 beside them.
    static let document = """
        {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
         "schemaVersion": "2.0", "creationDate": "2026-03-01T00:00:00Z", "epcisBody": {"eventList": [
          {"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "ADD", "bizStep": "commissioning",
           "epcList": ["urn:epc:id:sgtin:6901234.000001.1001", "urn:epc:id:sgtin:6901234.000001.1002"],
           "readPoint": {"id": "urn:epc:id:sgln:6901234.00001.0"}, "ilmd": {"cbvmda:lotNumber": "L1"}},
          {"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "ADD", "bizStep": "commissioning", "epcList": ["urn:epc:id:sgtin:6901234.000001.2001"],
           "ilmd": {"cbvmda:lotNumber": "L2"}},
          {"type": "AggregationEvent", "eventTime": "2026-03-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "ADD", "bizStep": "packing", "parentID": "urn:epc:id:sscc:6901234.0000000001",
           "childEPCs": ["urn:epc:id:sgtin:6901234.000001.1001", "urn:epc:id:sgtin:6901234.000001.1002"]},
          {"type": "AggregationEvent", "eventTime": "2026-03-03T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "ADD", "bizStep": "loading", "parentID": "urn:epc:id:sscc:6901234.0000000002",
           "childEPCs": ["urn:epc:id:sscc:6901234.0000000001"]},
          {"type": "ObjectEvent", "eventTime": "2026-03-04T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "action": "OBSERVE", "bizStep": "shipping", "epcList": ["urn:epc:id:sscc:6901234.0000000002"],
           "bizLocation": {"id": "urn:epc:id:sgln:6901234.00002.0"},
           "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:PO-1"}]}
         ]}}
        """

    @Test(
        "the scope of a lot, of a range, as the caller may see it; bad input is 400", arguments: EPCISWorld.Backend.all)
    func scope(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let capture = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"),
                    body: ByteBuffer(string: Self.document))
                #expect(capture.status == .accepted)
                func get(_ query: String, as role: String? = "producer") async throws -> TestResponse {
                    try await client.execute(
                        uri: "/api/v1/recall/scope?" + query, method: .get,
                        headers: role.map { world.headers($0) } ?? [:])
                }

                let whole = try await get("gtin=6901234000016&lot=L1")
                let range = try await get("gtin=06901234000016&lot=L1&serialFrom=1002&serialTo=1002")
                let regulator = try await get("gtin=6901234000016&lot=L1", as: "regulator")
                let foreign = try await get("gtin=6901234000016&lot=L1", as: "producer2")
                let anonymous = try await get("gtin=6901234000016&lot=L1", as: nil)
                let badGTIN = try await get("gtin=6901234000017&lot=L1")
                let noLot = try await get("gtin=6901234000016")
                let emptyLot = try await get("gtin=6901234000016&lot=")
                let inverted = try await get("gtin=6901234000016&lot=L1&serialFrom=9&serialTo=1")

                #expect(whole.status == .ok, "\(whole.text)")
                let scope = try whole.json()
                #expect(
                    scope["units"] as? [String] == [
                        "https://id.gs1.org/01/06901234000016/21/1001", "https://id.gs1.org/01/06901234000016/21/1002",
                    ])
                #expect(
                    scope["containers"] as? [String] == [
                        "https://id.gs1.org/00/069012340000000016", "https://id.gs1.org/00/069012340000000023",
                    ])
                #expect(
                    scope["locations"] as? [String] == [
                        "https://id.gs1.org/414/6901234000016", "https://id.gs1.org/414/6901234000023",
                    ])
                #expect(scope["orders"] as? [String] == ["urn:epcglobal:cbv:bt:6901234000009:PO-1"])
                #expect(scope["lots"] as? [String] == ["https://id.gs1.org/01/06901234000016/10/L1"])
                let counts = try #require(scope["counts"] as? [String: Int])
                #expect(counts == ["units": 2, "containers": 2, "locations": 2, "orders": 1, "lots": 1])
                #expect((try range.json()["units"] as? [String])?.count == 1)
                #expect(try range.json()["serialFrom"] as? String == "1002")
                #expect(regulator.text == whole.text)
                #expect((try foreign.json()["units"] as? [String])?.isEmpty == true)
                #expect(anonymous.status == .unauthorized)
                #expect(badGTIN.status == .badRequest)
                #expect(try badGTIN.errorCode() == "bad_check_digit")
                #expect(noLot.status == .badRequest)
                #expect(try noLot.errorCode() == "missing_lot")
                #expect(emptyLot.status == .badRequest)
                #expect(try emptyLot.errorCode() == "bad_lot")
                #expect(inverted.status == .badRequest)
                #expect(try inverted.errorCode() == "inverted_serial_range")
            }
        }
    }
}
