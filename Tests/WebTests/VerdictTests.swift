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

@Suite("All six verdicts over HTTP")
struct VerdictTests {
    /// Scans a path asking for JSON and returns the verdict word and reasons.
    func scan(_ client: any TestClientProtocol, _ path: String) async throws -> (String?, [String]) {
        let response = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
        #expect(response.status == .ok, "\(path): \(response.text)")
        let json = try response.json()
        return (json["verdict"] as? String, json["reasons"] as? [String] ?? [])
    }

    @Test("genuine: an issued unit of a current batch")
    func genuine() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 0)
        try await world.withApp { client in
            let (verdict, _) = try await scan(client, path)
            #expect(verdict == "genuine")
        }
        await world.close()
    }

    @Test("forged: an issued serial with its tag tampered, and an authentic serial never issued")
    func forged() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 1)
        let last = path.last!
        let tampered = String(path.dropLast()) + (last == "A" ? "B" : "A")
        let neverIssued = try await world.unitPath(index: 1_000)
        try await world.withApp { client in
            let (verdict, reasons) = try await scan(client, tampered)
            #expect(verdict == "forged")
            #expect(reasons.joined().contains("security check"))
            let (unissued, _) = try await scan(client, neverIssued)
            #expect(unissued == "forged")
            let page = try await client.execute(uri: tampered, method: .get, headers: [.accept: "text/html"])
            #expect(page.text.contains("tone-red"))
            #expect(page.text.contains("伪造码"))
        }
        await world.close()
    }

    @Test("unknown: a GTIN nobody registered")
    func unknown() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let (verdict, reasons) = try await scan(client, "/01/\(world.unregistered)/10/X1/21/0000000000000000000A")
            #expect(verdict == "unknown")
            #expect(reasons.joined().contains(world.unregistered))
        }
        await world.close()
    }

    @Test("suspected_clone: scanned more often than the policy allows")
    func cloneByCount() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 2)
        try await world.withApp { client in
            var verdicts: [String?] = []
            for _ in 0..<4 { verdicts.append(try await scan(client, path).0) }
            #expect(verdicts == ["genuine", "genuine", "genuine", "suspected_clone"])
        }
        await world.close()
    }

    @Test("suspected_clone: Beijing then Shanghai a moment later")
    func cloneByTravel() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 3)
        try await world.withApp { client in
            let (first, _) = try await scan(client, path + "?lat=39.9&lon=116.4")
            #expect(first == "genuine")
            let response = try await client.execute(
                uri: path, method: .get,
                headers: [.accept: "application/json", .init("X-Scan-Location")!: "31.2,121.5"])
            let json = try response.json()
            #expect(json["verdict"] as? String == "suspected_clone")
            #expect((json["reasons"] as? [String])?.joined().contains("km/h") == true)
        }
        await world.close()
    }

    @Test("recalled: a unit of a recalled batch, with the reason on the page")
    func recalled() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(lot: "REC1", index: 0)
        try await world.withApp { client in
            let (verdict, reasons) = try await scan(client, path)
            #expect(verdict == "recalled")
            #expect(reasons.joined().contains("mould"))
            let page = try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
            #expect(page.text.contains("已召回"))
            #expect(page.text.contains("霉菌超标"))
            #expect(page.text.contains("tone-red"))
        }
        await world.close()
    }

    @Test("expired: a unit of a batch past its expiry date")
    func expired() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(lot: "OLD1", index: 0)
        try await world.withApp { client in
            let (verdict, _) = try await scan(client, path)
            #expect(verdict == "expired")
            let page = try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
            #expect(page.text.contains("tone-amber"))
            #expect(page.text.contains("已过期"))
        }
        await world.close()
    }
}
