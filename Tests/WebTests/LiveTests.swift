import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Passport
import QualityCore
import Storage
import Testing
import Web

@Suite("Live server on a random port")
struct LiveTests {
    @Test("a live server answers health and scans over a real connection")
    func liveScan() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 0)
        try await world.withApp(.live) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let scan = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
            #expect(scan.status == .ok)
            #expect(try scan.json()["verdict"] as? String == "genuine")
        }
        await world.close()
    }

    @Test("a header with a NUL byte or a control character gets 400 and a closed connection, never a hang")
    func nulInHeader() async throws {
        var configuration = WebWorld.testConfiguration()
        configuration.idleTimeoutSeconds = 120
        let world = try await WebWorld(configuration: configuration)
        try await world.withApp(.live) { client in
            let port = try #require(client.port)
            let variants: [[UInt8]] = [
                Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Test: a".utf8) + [0] + Array("b\r\n\r\n".utf8),
                Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Test: ".utf8) + [0] + Array("\r\n\r\n".utf8),
                Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ".utf8) + [0]
                    + Array("\r\n\r\n".utf8),
                Array(
                    "POST /api/v1/products HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nX-Test: a"
                        .utf8) + [0] + Array("\r\n\r\n{}".utf8),
                Array(
                    "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\nGET /healthz HTTP/1.1\r\nHost: localhost\r\nX-A: "
                        .utf8) + [0] + Array("\r\n\r\n".utf8),
                Array("GET /01/09506000134352 HTTP/1.1\r\nHost: localhost\r\nAccept: text/html".utf8) + [0, 1, 0x7f]
                    + Array("\r\n\r\n".utf8),
            ]
            for (index, request) in variants.enumerated() {
                let outcome = try await RawConnection.exchange(port: port, request: request, seconds: 30)
                #expect(
                    outcome.closedByServer, "variant \(index): the server should close: \(outcome.text.prefix(120))")
            }
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
        await world.close()
    }

    @Test("a request that stalls half-way is closed after the idle timeout")
    func stalledRequest() async throws {
        var configuration = WebWorld.testConfiguration()
        configuration.idleTimeoutSeconds = 1
        let world = try await WebWorld(configuration: configuration)
        try await world.withApp(.live) { client in
            let port = try #require(client.port)
            let outcome = try await RawConnection.exchange(
                port: port, request: Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".utf8), seconds: 30)
            #expect(outcome.closedByServer, "only the idle timeout closes a connection with half a request")
        }
        await world.close()
    }
}
