import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Trace
import Web

/// EPCIS queries, access rules, limits and bad input over real HTTP, on every backend.
@Suite("EPCIS queries, access and limits over HTTP")
struct EPCISQueryTests {
    /// A pallet's journey: two units commissioned (one written as a Digital Link), packed, the
    /// pallet shipped, one unit transformed.
    static let document = """
        {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", {"ql": "https://qualityloop.example/ns/"}],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T00:00:00Z",
         "epcisBody": {"eventList": [
          {"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "epcList": ["https://example.com/01/06901234000016/21/1001", "urn:epc:id:sgtin:6901234.000001.1002"],
           "action": "ADD", "bizStep": "commissioning", "disposition": "active",
           "readPoint": {"id": "urn:epc:id:sgln:6901234.00000.0"}, "ql:line": "A3"},
          {"type": "AggregationEvent", "eventTime": "2026-03-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "parentID": "urn:epc:id:sscc:6901234.0000000001",
           "childEPCs": ["urn:epc:id:sgtin:6901234.000001.1001", "urn:epc:id:sgtin:6901234.000001.1002"],
           "action": "ADD", "bizStep": "packing", "disposition": "in_progress"},
          {"type": "ObjectEvent", "eventTime": "2026-03-03T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "epcList": ["urn:epc:id:sscc:6901234.0000000001"], "action": "OBSERVE", "bizStep": "shipping",
           "disposition": "in_transit", "bizLocation": {"id": "urn:epc:id:sgln:6901234.00001.0"},
           "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:PO-7"}]},
          {"type": "TransformationEvent", "eventTime": "2026-03-04T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "inputEPCList": ["urn:epc:id:sgtin:6901234.000001.1001"],
           "outputQuantityList": [{"epcClass": "urn:epc:class:lgtin:6901234.000002.L2", "quantity": 2, "uom": "KGM"}],
           "bizStep": "commissioning"}
         ]}}
        """

    /// A capture as a request body.
    static var body: ByteBuffer { ByteBuffer(string: document) }

    /// The business steps (short names) of the events of a query answer.
    static func steps(_ response: TestResponse) throws -> [String] {
        try response.eventList().map {
            ($0["bizStep"] as? String ?? "?").replacingOccurrences(of: "https://ref.gs1.org/cbv/BizStep-", with: "")
        }
    }

    @Test(
        "standard query parameters select events; identifiers match in either spelling",
        arguments: EPCISWorld.Backend.all)
    func queries(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let captured = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"),
                    body: Self.body)
                #expect(captured.status == .accepted)
                func steps(_ query: String) async throws -> [String] {
                    let response = try await client.execute(
                        uri: "/epcis/events?" + query, method: .get, headers: world.headers("producer"))
                    #expect(response.status == .ok, "\(query): \(response.text)")
                    return try Self.steps(response)
                }

                #expect(try await steps("eventType=ObjectEvent") == ["commissioning", "shipping"])
                #expect(
                    try await steps("eventType=AggregationEvent%7CTransformationEvent") == ["packing", "commissioning"])
                #expect(
                    try await steps("GE_eventTime=2026-03-02T00:00:00Z&LT_eventTime=2026-03-03T08:00:00%2B08:00") == [
                        "packing"
                    ])
                #expect(try await steps("GE_recordTime=2000-01-01T00:00:00Z").count == 4)
                #expect(try await steps("GE_recordTime=2999-01-01T00:00:00Z").isEmpty)
                #expect(try await steps("EQ_bizStep=shipping") == ["shipping"])
                #expect(try await steps("EQ_bizStep=https://ref.gs1.org/cbv/BizStep-packing") == ["packing"])
                #expect(try await steps("EQ_disposition=in_transit%7Cactive") == ["commissioning", "shipping"])
                #expect(try await steps("EQ_readPoint=urn:epc:id:sgln:6901234.00000.0") == ["commissioning"])
                #expect(try await steps("EQ_bizLocation=urn:epc:id:sgln:6901234.00001.0") == ["shipping"])
                #expect(
                    try await steps("MATCH_epc=urn:epc:id:sgtin:6901234.000001.1001") == ["commissioning", "packing"])
                #expect(
                    try await steps("MATCH_anyEPC=https://id.gs1.org/01/06901234000016/21/1001")
                        == ["commissioning", "packing", "commissioning"])
                #expect(try await steps("MATCH_anyEPC=urn:epc:id:sscc:6901234.0000000001") == ["packing", "shipping"])
                #expect(try await steps("MATCH_epc=urn:epc:id:sscc:6901234.0000000001") == ["shipping"])
                #expect(
                    try await steps("MATCH_anyEPC=urn:epc:id:sgtin:6901234.000001.1001&EQ_bizStep=packing") == [
                        "packing"
                    ])
                #expect(try await steps("EQ_bizTransaction_po=urn:epcglobal:cbv:bt:6901234000009:PO-7") == ["shipping"])
                #expect(
                    try await steps("MATCH_epc=urn:epc:idpat:sgtin:6901234.000001.*") == ["commissioning", "packing"])
                #expect(try await steps("EQ_bizTransaction_inv=urn:epcglobal:cbv:bt:6901234000009:PO-7").isEmpty)
                #expect(
                    try await steps("orderBy=eventTime") == ["commissioning", "shipping", "packing", "commissioning"])
                #expect(
                    try await steps("orderBy=eventTime&orderDirection=ASC")
                        == ["commissioning", "packing", "shipping", "commissioning"])
            }
        }
    }

    @Test(
        "pages follow nextPageToken links; the answer is a valid EPCISQueryDocument", arguments: EPCISWorld.Backend.all)
    func paging(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                _ = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"),
                    body: Self.body)

                let newest = try await client.execute(
                    uri: "/epcis/events?perPage=3&orderBy=eventTime", method: .get, headers: world.headers("producer"))
                let newestNext = try await client.execute(
                    uri: try #require(newest.nextLink), method: .get, headers: world.headers("producer"))
                #expect(try Self.steps(newest) == ["commissioning", "shipping", "packing"])
                #expect(try Self.steps(newestNext) == ["commissioning"])
                let first = try await client.execute(
                    uri: "/epcis/events?perPage=3&eventType=ObjectEvent%7CAggregationEvent%7CTransformationEvent",
                    method: .get, headers: world.headers("producer"))
                let next = try #require(first.nextLink)
                let second = try await client.execute(uri: next, method: .get, headers: world.headers("producer"))

                #expect(try Self.steps(first) == ["commissioning", "packing", "shipping"])
                #expect(next.contains("eventType=") && next.contains("nextPageToken="))
                #expect(try Self.steps(second) == ["commissioning"])
                #expect(second.nextLink == nil)
                let document = try EPCISDocumentDecoder().decode(Array(first.text.utf8))
                #expect(document.kind == .queryDocument)
                #expect(EPCISValidator.errors(EPCISValidator().validate(document)).isEmpty, "\(first.text)")
                #expect(document.events.count == 3)
            }
        }
    }

    @Test(
        "capture needs a producer's or platform's token; each sees its own events, a regulator all",
        arguments: EPCISWorld.Backend.all)
    func access(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let anonymous = try await client.execute(
                    uri: "/epcis/capture", method: .post, headers: world.headers(nil, contentType: "application/json"),
                    body: Self.body)
                let lab = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("lab", contentType: "application/json"),
                    body: Self.body)
                let producer = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"),
                    body: Self.body)
                let job = try #require(producer.headers[.location])

                #expect(anonymous.status == .unauthorized)
                #expect(try anonymous.errorCode() == "unauthorized")
                #expect(lab.status == .forbidden)
                #expect(try lab.errorCode() == "role_not_allowed")
                #expect(producer.status == .accepted)
                let otherJob = try await client.execute(uri: job, method: .get, headers: world.headers("producer2"))
                #expect(otherJob.status == .notFound)
                let regulatorJob = try await client.execute(uri: job, method: .get, headers: world.headers("regulator"))
                #expect(regulatorJob.status == .ok)
                let second = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"), body: Self.body)
                let ownJobs = try await client.execute(
                    uri: "/epcis/capture", method: .get, headers: world.headers("producer"))
                let latest = try await client.execute(
                    uri: "/epcis/capture?perPage=1", method: .get, headers: world.headers("producer"))
                let otherJobs = try await client.execute(
                    uri: "/epcis/capture", method: .get, headers: world.headers("producer2"))
                let jobIDs = { (response: TestResponse) throws -> [String] in
                    let list = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]
                    return (list ?? []).compactMap { $0["captureID"] as? String }
                }
                let firstID = String(job.split(separator: "/").last ?? "")
                let secondID = String((second.headers[.location] ?? "").split(separator: "/").last ?? "")
                #expect(try jobIDs(ownJobs) == [secondID, firstID])
                #expect(try jobIDs(latest) == [secondID])
                #expect(otherJobs.status == .ok)
                #expect(try jobIDs(otherJobs).isEmpty)
                for (who, count) in [("producer", 4), ("producer2", 0), ("regulator", 4)] {
                    let events = try await client.execute(
                        uri: "/epcis/events", method: .get, headers: world.headers(who))
                    #expect(try events.eventList().count == count, "\(who)")
                }
                let noToken = try await client.execute(uri: "/epcis/events", method: .get)
                #expect(noToken.status == .unauthorized)
            }
        }
    }

    @Test(
        "OPTIONS and capture answers advertise the capture limits; over-limit captures are 413",
        arguments: EPCISWorld.Backend.all)
    func limits(backend: EPCISWorld.Backend) async throws {
        let smallLimits: (inout AppConfiguration) -> Void = {
            $0.epcisCaptureLimit = 3
            $0.epcisCaptureFileSizeLimit = 4096
        }
        try await EPCISWorld.run(on: backend, configure: smallLimits) { world in
            try await world.withServer { client in
                for path in ["/epcis", "/epcis/capture", "/epcis/events"] {
                    let options = try await client.execute(uri: path, method: .options)
                    #expect(options.status == .noContent, "\(path)")
                    #expect(options.headers[HTTPField.Name("GS1-EPCIS-Capture-Limit")!] == "3")
                    #expect(options.headers[HTTPField.Name("GS1-EPCIS-Capture-File-Size-Limit")!] == "4096")
                    #expect(options.headers[HTTPField.Name("GS1-EPCIS-Version")!] == "2.0.0")
                    #expect(options.headers[.allow]?.contains("OPTIONS") == true)
                }
                let tooMany = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"),
                    body: Self.body)
                #expect(tooMany.status == .contentTooLarge)
                #expect(try tooMany.errorCode() == "capture_limit")
                #expect(tooMany.headers[HTTPField.Name("GS1-EPCIS-Capture-Limit")!] == "3")
                let padded = Self.document.replacingOccurrences(
                    of: #""type": "EPCISDocument""#,
                    with: #""ql:padding": "\#(String(repeating: "x", count: 5000))", "type": "EPCISDocument""#)
                let tooBig = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json"),
                    body: ByteBuffer(string: padded))
                #expect(tooBig.status == .contentTooLarge)
                #expect(try tooBig.errorCode() == "capture_too_large")
                #expect(tooBig.headers[HTTPField.Name("GS1-EPCIS-Capture-File-Size-Limit")!] == "4096")
                let events = try await client.execute(
                    uri: "/epcis/events", method: .get, headers: world.headers("regulator"))
                #expect(try events.eventList().isEmpty)
            }
        }
    }

    @Test("bad input is a 4xx JSON error naming the problem, never a 500", arguments: EPCISWorld.Backend.all)
    func badInput(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let cases: [(String, HTTPRequest.Method, String?, String, HTTPResponse.Status, String)] = [
                    ("/epcis/capture", .post, "application/json", "{not json", .badRequest, "epcis_unreadable"),
                    (
                        "/epcis/capture", .post, "application/xml", "<EPCISDocument><unclosed>", .badRequest,
                        "epcis_unreadable"
                    ),
                    ("/epcis/capture", .post, "application/json", "[1, 2]", .badRequest, "epcis_unreadable"),
                    (
                        "/epcis/capture", .post, "text/plain", Self.document, .unsupportedMediaType,
                        "unsupported_media_type"
                    ),
                    ("/epcis/capture", .post, "application/json", "", .badRequest, "epcis_unreadable"),
                    (
                        "/epcis/capture", .post, "application/json",
                        #"{"@context": "https://ref.gs1.org/standards/epcis/epcis-context.jsonld", "type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2026-03-01T00:00:00Z", "epcList": []}"#,
                        .badRequest, "epcis_wrong_kind"
                    ),
                    ("/epcis/events", .post, "application/json", Self.document, .badRequest, "epcis_wrong_kind"),
                    (
                        "/epcis/events", .post, "application/json",
                        #"{"@context": "https://ref.gs1.org/standards/epcis/epcis-context.jsonld", "type": "ObjectEvent", "action": "MAKE", "eventTime": "yesterday"}"#,
                        .badRequest, "epcis_invalid"
                    ),
                    ("/epcis/events?perPage=0", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/events?perPage=abc", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/events?GE_eventTime=yesterday", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/events?EQ_action=MAKE", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/events?MATCH_epc=not%20a%20uri", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/events?EQ_quantity=3", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/events?orderBy=bizStep", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/capture?perPage=0", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/capture?status=done", .get, nil, "", .badRequest, "bad_query"),
                    ("/epcis/events?orderBy=eventTime&nextPageToken=p1", .get, nil, "", .badRequest, "bad_page_token"),
                    ("/epcis/events?nextPageToken=zzz", .get, nil, "", .badRequest, "bad_page_token"),
                    ("/epcis/events?eventType=", .get, nil, "", .badRequest, "bad_query"),
                    (
                        "/epcis/events/urn:uuid:00000000-0000-0000-0000-000000000000", .get, nil, "", .notFound,
                        "event_not_found"
                    ),
                    ("/epcis/capture/cap_000000000000000000000000", .get, nil, "", .notFound, "capture_not_found"),
                ]
                for (uri, method, contentType, body, status, code) in cases {
                    let response = try await client.execute(
                        uri: uri, method: method, headers: world.headers("producer", contentType: contentType),
                        body: ByteBuffer(string: body))
                    #expect(response.status == status, "\(method) \(uri) \(body.prefix(40)): \(response.text)")
                    #expect(try response.errorCode() == code, "\(method) \(uri)")
                }
                let behaviour = try await client.execute(
                    uri: "/epcis/capture", method: .post,
                    headers: world.headers("producer", contentType: "application/json")
                        + [HTTPField(name: HTTPField.Name("GS1-Capture-Error-Behaviour")!, value: "proceed")],
                    body: Self.body)
                #expect(behaviour.status == .badRequest)
                #expect(try behaviour.errorCode() == "unsupported_capture_behaviour")
                let events = try await client.execute(
                    uri: "/epcis/events", method: .get, headers: world.headers("regulator"))
                #expect(try events.eventList().isEmpty)
            }
        }
    }

    @Test("a single event is stored at once and found by its ID", arguments: EPCISWorld.Backend.all)
    func singleEvent(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let event = #"""
                    {"@context": "https://ref.gs1.org/standards/epcis/epcis-context.jsonld", "type": "ObjectEvent",
                     "eventID": "urn:uuid:6c1d3d0e-1111-4a2b-9c3d-000000000001", "eventTime": "2026-03-05T10:00:00+08:00",
                     "eventTimeZoneOffset": "+08:00", "epcList": ["urn:epc:id:sgtin:6901234.000001.1002"],
                     "action": "OBSERVE", "bizStep": "retail_selling", "disposition": "retail_sold"}
                    """#
                let created = try await client.execute(
                    uri: "/epcis/events", method: .post,
                    headers: world.headers("platform", contentType: "application/json"),
                    body: ByteBuffer(string: event))
                let location = try #require(created.headers[.location])
                let found = try await client.execute(uri: location, method: .get, headers: world.headers("platform"))
                let hidden = try await client.execute(uri: location, method: .get, headers: world.headers("producer"))

                #expect(created.status == .created)
                #expect(location == "/epcis/events/urn%3Auuid%3A6c1d3d0e-1111-4a2b-9c3d-000000000001")
                #expect(found.status == .ok)
                #expect(try found.json()["eventID"] as? String == "urn:uuid:6c1d3d0e-1111-4a2b-9c3d-000000000001")
                #expect(try found.json()["recordTime"] is String)
                let reread = try EPCISDocumentDecoder().decode(Array(found.text.utf8))
                #expect(EPCISValidator.errors(EPCISValidator().validate(reread)).isEmpty, "\(found.text)")
                #expect(hidden.status == .notFound)
            }
        }
    }
}
