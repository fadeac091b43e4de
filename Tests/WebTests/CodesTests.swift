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

@Suite("Issuing codes, label files and bulk verification")
struct CodesTests {
    @Test("a producer registers a batch, issues codes and downloads labels; every line verifies genuine")
    func issueAndDownload() async throws {
        let world = try await WebWorld()
        let gtin = world.gtin.gtin14
        let lines: [String] = try await world.withApp { client in
            let batch = try await client.execute(
                uri: "/api/v1/batches", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody([
                    "gtin": gtin, "lot": "NEW-1/A", "produced": "2026-05-01", "expires": "2099-05-01", "quantity": 100,
                ]))
            #expect(batch.status == .created)
            #expect(try batch.json()["lot"] as? String == "NEW-1/A")

            let issued = try await client.execute(
                uri: "/api/v1/issuances", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["gtin": gtin, "lot": "NEW-1/A", "count": 25]))
            #expect(issued.status == .created)
            let issuance = try issued.json()
            #expect(issuance["count"] as? Int == 25)
            let labels = try #require(issuance["labels_url"] as? String)

            let file = try await client.execute(uri: labels, method: .get, headers: world.headers("producerA"))
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(file.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(file.headers[.contentLength] == String(file.body.readableBytes))
            return file.text.split(separator: "\n").map(String.init)
        }
        #expect(lines.count == 25)
        #expect(Set(lines).count == 25)
        for line in lines {
            #expect(line.hasPrefix("\(WebWorld.stem)/01/\(gtin)/10/NEW-1%2FA/21/"))
            let verdict = try await world.service.verify(line, context: .init(client: .cli, records: false))
            #expect(verdict.verdict == .genuine, "\(line)")
        }
        await world.close()
    }

    @Test("a large label file streams in pieces with the right line count")
    func largeLabelFile() async throws {
        let world = try await WebWorld()
        let issuance = try await world.service.issueCodes(
            gtin: world.gtin, lot: "LOT1", count: 300_000, by: world.producerA)
        try await world.withApp { client in
            let file = try await client.execute(
                uri: "/api/v1/issuances/\(issuance.id)/labels.csv", method: .get, headers: world.headers("producerA"))
            #expect(file.status == .ok)
            var newlines = 0
            for byte in file.body.readableBytesView where byte == 10 { newlines += 1 }
            #expect(newlines == 300_000)
        }
        await world.close()
    }

    @Test("bulk verification: per-URI verdicts in order, a summary, badges, and no scans recorded")
    func bulkVerify() async throws {
        let world = try await WebWorld()
        let genuine = try await world.unitURI(index: 0)
        let recalled = try await world.unitURI(lot: "REC1", index: 1)
        let expired = try await world.unitURI(lot: "OLD1", index: 1)
        let forged = String(genuine.dropLast()) + (genuine.last == "A" ? "B" : "A")
        let unknown = "\(WebWorld.stem)/01/\(world.unregistered)"
        let invalid = "\(WebWorld.stem)/01/09506000134353"
        let uris = [genuine, recalled, expired, forged, unknown, invalid, genuine]
        try await world.withApp { client in
            let response = try await client.execute(
                uri: "/api/v1/verify", method: .post, headers: world.headers("platform", json: true),
                body: try jsonBody(["uris": uris]))
            #expect(response.status == .ok)
            let body = try response.json()
            let results = try #require(body["results"] as? [[String: Any]])
            #expect(
                results.map { $0["verdict"] as? String } == [
                    "genuine", "recalled", "expired", "forged", "unknown", nil, "genuine",
                ])
            #expect((results[5]["error"] as? [String: Any])?["code"] as? String == "bad_check_digit")
            let summary = try #require(body["summary"] as? [String: Int])
            #expect(
                summary == [
                    "total": 7, "genuine": 2, "forged": 1, "unknown": 1, "suspected_clone": 0, "recalled": 1,
                    "expired": 1, "invalid": 1,
                ])
            let badges = try #require(body["badges"] as? [[String: Any]])
            #expect(badges.map { $0["gtin"] as? String } == [world.gtin.gtin14, world.unregistered])
            let image = try #require(badges.first?["image_url"] as? String)
            #expect(image == "\(WebWorld.stem)/badge/\(world.gtin.gtin14).svg")
            let badge = try await client.execute(uri: WebWorld.path(of: image), method: .get)
            #expect(badge.status == .ok)
        }
        let history = try await world.stores.passport.scanHistory(
            gtin: world.gtin, lot: "LOT1", serial: String(genuine.suffix(20)), recent: 1)
        #expect(history.count == 0, "bulk verification does not count as scans")
        await world.close()
    }
}
