import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Trace
import Web

/// EPCIS capture over real HTTP, on every backend, with the shared OpenEPCIS documents.
@Suite("EPCIS capture over HTTP", .enabled(if: EPCISTestData.isAvailable, "../shared/data/traceability not found"))
struct EPCISCaptureTests {
    /// Posts a document to `/epcis/capture` and returns the response and the job it names.
    static func capture(
        _ body: ByteBuffer, client: some TestClientProtocol, world: EPCISWorld, as who: String = "producer",
        contentType: String = "application/ld+json"
    ) async throws -> (TestResponse, [String: Any]?) {
        let response = try await client.execute(
            uri: "/epcis/capture", method: .post, headers: world.headers(who, contentType: contentType), body: body)
        guard response.status == .accepted, let location = response.headers[.location] else { return (response, nil) }
        let job = try await client.execute(uri: location, method: .get, headers: world.headers(who))
        #expect(job.status == .ok)
        return (response, try job.json())
    }

    /// Every event visible to a role, following `nextPageToken` links.
    static func allEvents(
        client: some TestClientProtocol, world: EPCISWorld, as who: String = "producer", perPage: Int = 7
    ) async throws -> [[String: Any]] {
        var events: [[String: Any]] = []
        var next: String? = "/epcis/events?perPage=\(perPage)"
        while let uri = next {
            let page = try await client.execute(uri: uri, method: .get, headers: world.headers(who))
            #expect(page.status == .ok)
            events += try page.eventList()
            next = page.nextLink
        }
        return events
    }

    @Test(
        "every shared document and event is accepted; capturing them again gives duplicates",
        arguments: EPCISWorld.Backend.all)
    func sharedDocuments(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let documents = EPCISTestData.files(EPCISTestData.capture + "/Documents")
                #expect(documents.count == 38)
                var stored = 0
                var created = 0
                for path in documents {
                    let (response, job) = try await Self.capture(
                        try EPCISTestData.data(path), client: client, world: world)
                    #expect(response.status == .accepted, "\(path): \(response.text)")
                    #expect(response.headers[.location]?.hasPrefix("/epcis/capture/cap_") == true)
                    #expect(job?["success"] as? Bool == true, "\(path): \(String(describing: job))")
                    #expect(job?["running"] as? Bool == false)
                    let accepted = job?["acceptedCount"] as? Int ?? 0
                    let duplicates = job?["duplicateCount"] as? Int ?? 0
                    #expect(accepted + duplicates == job?["eventCount"] as? Int, "\(path)")
                    stored += accepted
                }
                for path in EPCISTestData.files(EPCISTestData.capture + "/Events") {
                    let response = try await client.execute(
                        uri: "/epcis/events", method: .post,
                        headers: world.headers("platform", contentType: "application/json"),
                        body: try EPCISTestData.data(path))
                    #expect(response.status == .created || response.status == .ok, "\(path): \(response.text)")
                    if response.status == .created { created += 1 }
                    #expect(response.headers[.location]?.hasPrefix("/epcis/events/") == true)
                    let again = try await client.execute(
                        uri: "/epcis/events", method: .post,
                        headers: world.headers("platform", contentType: "application/json"),
                        body: try EPCISTestData.data(path))
                    #expect(again.status == .ok)
                    #expect(try again.json()["duplicate"] as? Bool == true)
                    let location = try #require(again.headers[.location])
                    let event = try await client.execute(
                        uri: location, method: .get, headers: world.headers("platform"))
                    #expect(event.status == .ok, "\(location)")
                }

                #expect(try await Self.allEvents(client: client, world: world).count == stored)
                for path in documents {
                    let (_, job) = try await Self.capture(try EPCISTestData.data(path), client: client, world: world)
                    #expect(job?["acceptedCount"] as? Int == 0, "\(path)")
                    #expect(job?["duplicateCount"] as? Int == job?["eventCount"] as? Int)
                }
                #expect(try await Self.allEvents(client: client, world: world, perPage: 50).count == stored)
                #expect(
                    try await Self.allEvents(client: client, world: world, as: "regulator").count == stored + created)
                #expect(try await Self.allEvents(client: client, world: world, as: "platform").count == 5)
            }
        }
    }

    @Test(
        "every invalid shared document is rejected whole, its job naming each problem",
        arguments: EPCISWorld.Backend.all)
    func invalidDocuments(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let invalid = EPCISTestData.files(EPCISTestData.capture + "/Invalid")
                #expect(invalid.count == 15)
                for path in invalid {
                    let (response, job) = try await Self.capture(
                        try EPCISTestData.data(path), client: client, world: world)
                    #expect(response.status == .accepted, "\(path): \(response.text)")
                    #expect(job?["success"] as? Bool == false, "\(path)")
                    #expect(job?["acceptedCount"] as? Int == 0)
                    let errors = job?["errors"] as? [[String: Any]] ?? []
                    #expect(!errors.isEmpty, "\(path)")
                    for error in errors {
                        #expect(error["type"] as? String == "epcisException:ValidationException")
                        #expect((error["detail"] as? String)?.isEmpty == false)
                        #expect(error["instance"] is String)
                    }
                }
                let (_, job) = try await Self.capture(
                    try EPCISTestData.data(
                        EPCISTestData.capture + "/Invalid/ObjectEvent_with_non_standard_bizStep_in_second_event.json"),
                    client: client, world: world)
                let instances = (job?["errors"] as? [[String: Any]] ?? []).compactMap { $0["instance"] as? String }
                #expect(instances.contains("epcisBody.eventList[1].bizStep"))
                #expect(try await Self.allEvents(client: client, world: world, as: "regulator").isEmpty)
            }
        }
    }

    @Test(
        "the same events in JSON-LD and in XML are one set: the XML capture is all duplicates",
        arguments: EPCISWorld.Backend.all)
    func jsonAndXMLAreOneIdentity(backend: EPCISWorld.Backend) async throws {
        try await EPCISWorld.run(on: backend) { world in
            try await world.withServer { client in
                let stem = "epcis-event-hash/examples/ReferenceEventHashAlgorithm"
                let (_, json) = try await Self.capture(
                    try EPCISTestData.data(stem + ".jsonld"), client: client, world: world)
                let (xmlResponse, xml) = try await Self.capture(
                    try EPCISTestData.data(stem + ".xml"), client: client, world: world, contentType: "application/xml")

                #expect(json?["success"] as? Bool == true, "\(String(describing: json))")
                #expect(xmlResponse.status == .accepted)
                #expect(xml?["success"] as? Bool == true, "\(String(describing: xml))")
                #expect((json?["acceptedCount"] as? Int ?? 0) > 0)
                #expect(xml?["acceptedCount"] as? Int == 0)
                #expect(xml?["duplicateCount"] as? Int == json?["eventCount"] as? Int)
            }
        }
    }
}
