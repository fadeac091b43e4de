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

@Suite("Authentication, roles and isolation between organisations")
struct AuthTests {
    @Test("a write without a token is 401 with a JSON error")
    func noToken() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(
                uri: "/api/v1/products", method: .post, headers: world.headers(nil, json: true),
                body: try jsonBody(["gtin": WebWorld.withCheckDigit("690123400009"), "name": "x", "category": "food"]))
            #expect(response.status == .unauthorized)
            #expect(try response.errorCode() == "unauthorized")
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
        }
        await world.close()
    }

    @Test("an unknown or malformed token is 401")
    func badToken() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            for header in ["Bearer qlt_not-a-real-token", "Basic dXNlcjpwYXNz", "Bearer"] {
                let response = try await client.execute(
                    uri: "/api/v1/products", method: .get, headers: [.authorization: header])
                #expect(response.status == .unauthorized, "\(header)")
                #expect(try response.errorCode() == "unauthorized")
            }
        }
        await world.close()
    }

    @Test("a platform may not register products; a producer may not verify in bulk: 403")
    func wrongRole() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let register = try await client.execute(
                uri: "/api/v1/products", method: .post, headers: world.headers("platform", json: true),
                body: try jsonBody(["gtin": WebWorld.withCheckDigit("690123400009"), "name": "x", "category": "food"]))
            #expect(register.status == .forbidden)
            #expect(try register.errorCode() == "not_a_producer")

            let verify = try await client.execute(
                uri: "/api/v1/verify", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["uris": ["\(WebWorld.stem)/01/\(world.gtin.gtin14)"]]))
            #expect(verify.status == .forbidden)
            #expect(try verify.errorCode() == "role_not_allowed")
        }
        await world.close()
    }

    @Test("a producer cannot register a GTIN outside its company prefixes: 403")
    func outsidePrefix() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(
                uri: "/api/v1/products", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody([
                    "gtin": WebWorld.withCheckDigit("692345600077"), "name": "Not mine", "category": "food",
                ]))
            #expect(response.status == .forbidden)
            #expect(try response.errorCode() == "gtin_outside_prefix")

            let own = try await client.execute(
                uri: "/api/v1/products", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody([
                    "gtin": WebWorld.withCheckDigit("690123400077"), "name": "小米 2kg", "category": "food",
                ]))
            #expect(own.status == .created)
            #expect(try own.json()["owner_id"] as? Int == Int(world.producerA.id))
        }
        await world.close()
    }

    @Test("organisation B cannot read A's product or batches (404), issue codes for A's batch or recall it (403)")
    func isolation() async throws {
        let world = try await WebWorld()
        let gtin = world.gtin.gtin14
        try await world.withApp { client in
            let product = try await client.execute(
                uri: "/api/v1/products/\(gtin)", method: .get, headers: world.headers("producerB"))
            #expect(product.status == .notFound)
            let batches = try await client.execute(
                uri: "/api/v1/products/\(gtin)/batches", method: .get, headers: world.headers("producerB"))
            #expect(batches.status == .notFound)
            let list = try await client.execute(
                uri: "/api/v1/products", method: .get, headers: world.headers("producerB"))
            let listed = try #require(try list.json()["products"] as? [[String: Any]])
            #expect(listed.map { $0["gtin"] as? String } == [world.gtinB.gtin14])

            let issue = try await client.execute(
                uri: "/api/v1/issuances", method: .post, headers: world.headers("producerB", json: true),
                body: try jsonBody(["gtin": gtin, "lot": "LOT1", "count": 3]))
            #expect(issue.status == .forbidden)
            let recall = try await client.execute(
                uri: "/api/v1/batches/\(gtin)/LOT1/recall", method: .post,
                headers: world.headers("producerB", json: true),
                body: try jsonBody(["reason": "sabotage"]))
            #expect(recall.status == .forbidden)
            let batch = try await world.stores.passport.batch(gtin: world.gtin, lot: "LOT1")
            #expect(batch?.recall == nil)

            let owner = try await client.execute(
                uri: "/api/v1/products/\(gtin)", method: .get, headers: world.headers("producerA"))
            #expect(owner.status == .ok)
            #expect(try owner.json()["name"] as? String == "五常大米 5kg")
            let regulator = try await client.execute(
                uri: "/api/v1/products/\(gtin)/batches", method: .get, headers: world.headers("regulator"))
            #expect(regulator.status == .ok)
            #expect((try regulator.json()["batches"] as? [Any])?.count == 3)
        }
        await world.close()
    }

    @Test("B cannot download A's label file: 404")
    func labelsIsolation() async throws {
        let world = try await WebWorld()
        let issuance = try #require(try await world.stores.passport.issuances(gtin: world.gtin, lot: "LOT1").first)
        try await world.withApp { client in
            let other = try await client.execute(
                uri: "/api/v1/issuances/\(issuance.id)/labels.csv", method: .get, headers: world.headers("producerB"))
            #expect(other.status == .notFound)
            let owner = try await client.execute(
                uri: "/api/v1/issuances/\(issuance.id)/labels.csv", method: .get, headers: world.headers("producerA"))
            #expect(owner.status == .ok)
        }
        await world.close()
    }

    @Test("a regulator may recall any batch; the recall shows in the batch")
    func regulatorRecalls() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let response = try await client.execute(
                uri: "/api/v1/batches/\(world.gtin.gtin14)/LOT1/recall", method: .post,
                headers: world.headers("regulator", json: true),
                body: try jsonBody(["reason": "抽检不合格 failed a sample inspection"]))
            #expect(response.status == .ok)
            let recall = try #require(try response.json()["recall"] as? [String: Any])
            #expect(recall["by_organisation_id"] as? Int == Int(world.regulator.id))
        }
        await world.close()
    }
}
