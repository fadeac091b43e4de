import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Passport
import QualityCore
import Storage
import Testing
import Web

@Suite("Operations: health, metrics, OpenAPI, resolver description")
struct OperationsTests {
    @Test("/healthz answers ok")
    func health() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(try response.json()["status"] as? String == "ok")
        }
        await world.close()
    }

    @Test("/metrics is Prometheus text with a request counter and verdict counters")
    func metrics() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 0)
        try await world.withApp { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            _ = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = response.text
            #expect(text.contains("# TYPE hb_requests_total counter"))
            #expect(text.contains("# TYPE http_server_request_duration_seconds histogram"))
            #expect(text.contains(#"http_route="/healthz""#))
            #expect(text.contains(#"qualityloop_scans_total{verdict="genuine"}"#))
        }
        await world.close()
    }

    @Test("/openapi.json is OpenAPI 3.1 and documents every route of the router")
    func openAPIListsEveryRoute() async throws {
        let world = try await WebWorld()
        let router = try await buildRouter(
            world.configuration, stores: world.stores, logger: WebWorld.logger, methodFallbacks: false)
        let routes = router.routes.map { ($0.path.description, $0.method.rawValue.lowercased()) }
        #expect(routes.count >= 14)
        try await world.withApp { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try response.json()
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for (path, method) in routes where method != "head" {
                #expect(paths[path]?[method] != nil, "\(method.uppercased()) \(path) is not in openapi.json")
            }
            #expect(paths["/01/{gtin}/10/{lot}/21/{serial}"]?["get"] != nil)
        }
        await world.close()
    }

    @Test("/.well-known/gs1resolver describes the resolver")
    func resolverDescription() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(uri: "/.well-known/gs1resolver", method: .get)
            #expect(response.status == .ok)
            let description = try response.json()
            #expect(description["resolverRoot"] as? String == WebWorld.stem)
            #expect(description["linkTypeDefaultCanBeLinkset"] as? Bool == true)
            #expect((description["supportedPrimaryKeys"] as? [String])?.contains("01") == true)
        }
        await world.close()
    }

    @Test("the index page links to what the server offers")
    func index() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(uri: "/", method: .get, headers: [.accept: "text/html"])
            #expect(response.status == .ok)
            #expect(response.text.contains("/openapi.json"))
            #expect(response.text.contains("/.well-known/gs1resolver"))
        }
        await world.close()
    }

    @Test("HEAD and OPTIONS work on routed paths")
    func headAndOptions() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let head = try await client.execute(uri: "/healthz", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            let options = try await client.execute(uri: "/api/v1/products", method: .options)
            #expect(options.status == .noContent)
            #expect(options.headers[.allow]?.contains("POST") == true)
        }
        await world.close()
    }

    @Test("configuration reads the environment and names a bad variable")
    func configurationFromEnvironment() throws {
        let configuration = try AppConfiguration(environment: [
            "QUALITYLOOP_PORT": "9090", "QUALITYLOOP_SCAN_RATE_LIMIT": "0", "QUALITYLOOP_CLONE_MAX_SCANS": "7",
        ])
        #expect(configuration.port == 9090)
        #expect(configuration.scanRateLimitPerMinute == 0)
        #expect(configuration.clonePolicy.maximumScans == 7)
        #expect(configuration.effectiveResolverStem == "http://127.0.0.1:9090")
        #expect(throws: (any Error).self) { try AppConfiguration(environment: ["QUALITYLOOP_PORT": "eighty"]) }
    }
}
