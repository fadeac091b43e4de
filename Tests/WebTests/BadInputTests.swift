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

@Suite("Bad input: every class is a 4xx with a JSON error, never a 500")
struct BadInputTests {
    @Test(
        "malformed Digital Link paths are 400 with the parser's code",
        arguments: [
            ("/01/09506000134353/10/ABC/21/XYZ", "bad_check_digit"),
            ("/01/0950600013435/21/XYZ", "bad_check_digit"),
            ("/01/09506000134352/99/ABC", "not_a_qualifier"),
            ("/01/09506000134352?99999=1", "unknown_ai"),
            ("/01/09506000134352/21/A%ZZ", "bad_percent_encoding"),
            ("/01/09506000134352/21/ABC/10/LOT", "bad_qualifier_order"),
            ("/01/ABCDEFGHIJKLMN", "invalid_character"),
        ])
    func malformedLinks(path: String, code: String) async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
            #expect(response.status == .badRequest, "\(path)")
            #expect(try response.errorCode() == code, "\(path): \(response.text)")
        }
        await world.close()
    }

    @Test("a malformed link asked for by a browser gets an HTML error page, still 400")
    func malformedLinkPage() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(
                uri: "/01/09506000134353", method: .get, headers: [.accept: "text/html,application/xhtml+xml,*/*;q=0.8"]
            )
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("无法识别此码"))
            #expect(response.text.contains("bad_check_digit"))
        }
        await world.close()
    }

    @Test("an oversized body is 413 body_too_large, by Content-Length or by streaming")
    func oversizedBody() async throws {
        let world = try await WebWorld()
        let big = String(repeating: "x", count: 100 * 1024)
        try await world.withApp { client in
            let response = try await client.execute(
                uri: "/api/v1/products", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["gtin": "x", "name": big, "category": "food"]))
            #expect(response.status == .contentTooLarge)
            #expect(try response.errorCode() == "body_too_large")
        }
        await world.close()
    }

    @Test("more URIs than the bulk limit is 400 too_many_uris; none is 400")
    func bulkLimit() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let many = Array(repeating: "\(WebWorld.stem)/01/\(world.gtin.gtin14)", count: 51)
            let response = try await client.execute(
                uri: "/api/v1/verify", method: .post, headers: world.headers("platform", json: true),
                body: try jsonBody(["uris": many]))
            #expect(response.status == .badRequest)
            #expect(try response.errorCode() == "too_many_uris")
            let none = try await client.execute(
                uri: "/api/v1/verify", method: .post, headers: world.headers("platform", json: true),
                body: try jsonBody(["uris": []]))
            #expect(none.status == .badRequest)
        }
        await world.close()
    }

    @Test(
        "a body that is not declared JSON is 415", arguments: [nil, "text/plain", "application/x-www-form-urlencoded"])
    func wrongContentType(contentType: String?) async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            var headers = world.headers("producerA")
            if let contentType { headers[.contentType] = contentType }
            let response = try await client.execute(
                uri: "/api/v1/batches", method: .post, headers: headers,
                body: try jsonBody(["gtin": world.gtin.gtin14, "lot": "L9", "produced": "2026-01-01"]))
            #expect(response.status == .unsupportedMediaType)
            #expect(try response.errorCode() == "unsupported_media_type")
        }
        await world.close()
    }

    @Test(
        "bad JSON is 400 bad_json naming the problem",
        arguments: [
            (#"{"gtin": "#, "not valid JSON"),
            (#"{"lot": "L9", "produced": "2026-01-01"}"#, "gtin is required"),
            (#"{"gtin": 6901234000016, "lot": "L9", "produced": "2026-01-01"}"#, "gtin must be a string"),
            (#"[1, 2, 3]"#, "object"),
            ("", "empty"),
        ])
    func badJSON(body: String, mentions: String) async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(
                uri: "/api/v1/batches", method: .post, headers: world.headers("producerA", json: true),
                body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(try response.errorCode() == "bad_json")
            let message = (try response.json()["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains(mentions), "\(message)")
        }
        await world.close()
    }

    @Test("domain checks on well-formed JSON are 400 with the domain's code")
    func domainValidation() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let batch = try await client.execute(
                uri: "/api/v1/batches", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["gtin": world.gtin.gtin14, "lot": "L9", "produced": "2026-13-01"]))
            #expect(batch.status == .badRequest)
            #expect(try batch.errorCode() == "bad_date")
            let issue = try await client.execute(
                uri: "/api/v1/issuances", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["gtin": world.gtin.gtin14, "lot": "LOT1", "count": 0]))
            #expect(issue.status == .badRequest)
            #expect(try issue.errorCode() == "bad_count")
            let duplicate = try await client.execute(
                uri: "/api/v1/batches", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["gtin": world.gtin.gtin14, "lot": "LOT1", "produced": "2026-01-01"]))
            #expect(duplicate.status == .conflict)
        }
        await world.close()
    }

    @Test("a method a path does not serve is 405 with Allow; an unknown path is 404 not_found")
    func methodNotAllowed() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let delete = try await client.execute(
                uri: "/api/v1/products", method: .delete, headers: world.headers("producerA"))
            #expect(delete.status == .methodNotAllowed)
            #expect(try delete.errorCode() == "method_not_allowed")
            #expect(delete.headers[.allow] == "GET, HEAD, POST, OPTIONS")
            let put = try await client.execute(uri: "/healthz", method: .put)
            #expect(put.status == .methodNotAllowed)
            let query = try await client.execute(uri: "/api/v1/products/\(world.gtin.gtin14)", method: .init("QUERY")!)
            #expect(query.status == .methodNotAllowed)
            #expect(query.headers[.allow] == "GET, HEAD, OPTIONS")
            let badge = try await client.execute(uri: "/badge/\(world.gtin.gtin14).svg", method: .post)
            #expect(badge.status == .methodNotAllowed)
            let resolver = try await client.execute(uri: "/01/\(world.gtin.gtin14)", method: .post)
            #expect(resolver.status == .methodNotAllowed)
            #expect(resolver.headers[.allow] == "GET, HEAD, OPTIONS")
            let unknown = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(unknown.status == .notFound)
            #expect(try unknown.errorCode() == "not_found")
        }
        await world.close()
    }

    @Test("bad query values on public endpoints are 400")
    func badQueries() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 1)
        try await world.withApp { client in
            let location = try await client.execute(
                uri: path + "?lat=91&lon=0", method: .get, headers: [.accept: "application/json"])
            #expect(location.status == .badRequest)
            #expect(try location.errorCode() == "bad_location")
            let half = try await client.execute(
                uri: path + "?lat=31.2", method: .get, headers: [.accept: "application/json"])
            #expect(half.status == .badRequest)
            let qr = try await client.execute(uri: "/api/v1/qr?uri=https://example.com/not-a-link", method: .get)
            #expect(qr.status == .badRequest)
            let ec = try await client.execute(
                uri: "/api/v1/qr?uri=https://id.gs1.org/01/09506000134352&ec=Z", method: .get)
            #expect(try ec.errorCode() == "bad_ec")
            let badge = try await client.execute(uri: "/badge/12345.svg", method: .get)
            #expect(badge.status == .badRequest)
            let id = try await client.execute(
                uri: "/api/v1/issuances/abc/labels.csv", method: .get, headers: world.headers("producerA"))
            #expect(id.status == .badRequest)
        }
        await world.close()
    }
}
