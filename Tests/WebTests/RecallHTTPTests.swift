import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QualityCore
import Testing
import Web

/// Recall records over HTTP: a recall's course through the API, stop-sale seen through the verify
/// API, bad input refused with its code, other organisations kept out, and the recall page
/// behind its sign-in.
@Suite("Recalls over HTTP")
struct RecallHTTPTests {
    /// A day relative to today in China.
    static func day(_ offset: Int) -> String {
        CalendarDay(chinaDayOf: Date().timeIntervalSince1970).adding(days: offset).description
    }

    /// The body that opens a recall of producer A's current lot.
    static func openBody(_ world: WebWorld, lot: String = "LOT1", confirmed: String = day(-2)) -> [String: Any] {
        [
            "gtin": world.gtin.gtin14, "lot": lot, "reason": "霉菌超标 mould above limit", "hazard": "microbiological",
            "remedies": ["refund"], "defect_confirmed_on": confirmed,
            "affected": ["retailer": 300, "consumer": 700],
        ]
    }

    /// The verdict the verify API gives a platform for unit 0 of a lot.
    static func verdict(_ world: WebWorld, _ client: any TestClientProtocol, lot: String = "LOT1") async throws
        -> String?
    {
        let uri = try await world.unitURI(lot: lot, index: 0)
        let response = try await client.execute(
            uri: "/api/v1/verify", method: .post, headers: world.headers("platform", json: true),
            body: try jsonBody(["uris": [uri]]))
        let results = try response.json()["results"] as? [[String: Any]]
        return results?.first?["verdict"] as? String
    }

    @Test("a recall's course through the API: stop-sale, clock, notices, returns, effectiveness, lift")
    func course() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            #expect(try await Self.verdict(world, client) == "genuine")

            let opened = try await client.execute(
                uri: "/api/v1/recalls", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(Self.openBody(world)))
            #expect(opened.status == .created, "\(opened.text)")
            let recall = try #require(try opened.json()["recall"] as? [String: Any])
            let id = try #require(recall["id"] as? Int)
            #expect(opened.headers[.location] == "/api/v1/recalls/\(id)")
            #expect(recall["status"] as? String == "open")
            #expect(try opened.json()["page"] as? String == "/recalls/\(id)")
            #expect(try await Self.verdict(world, client) == "recalled")

            let milestone = try await client.execute(
                uri: "/api/v1/recalls/\(id)/milestones", method: .post, headers: world.headers("regulator", json: true),
                body: try jsonBody(["kind": "plan_filed", "on": Self.day(-1), "reference": "SAMR-2026-88"]))
            #expect(milestone.status == .created, "\(milestone.text)")
            let clock = try #require(
                (try milestone.json()["clock"] as? [String: Any])?["deadlines"] as? [[String: Any]])
            #expect(clock.first { $0["kind"] as? String == "plan" }?["status"] as? String == "met")
            #expect(clock.first { $0["kind"] as? String == "public_notice" }?["counts_from"] as? String == "plan_filed")

            let supplied = try await client.execute(
                uri: "/api/v1/recalls/\(id)/notices", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody([
                    "notices": [["order_id": "TB-1/2026", "buyer": "b-91", "units": 2]],
                    "order_ids": ["TB-2", "TB-3"],
                ]))
            let again = try await client.execute(
                uri: "/api/v1/recalls/\(id)/notices", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["order_ids": ["TB-3", "TB-4"]]))
            #expect(supplied.status == .ok)
            #expect(try supplied.json()["created"] as? Int == 3)
            #expect(try again.json()["created"] as? Int == 1)
            #expect(try again.json()["duplicates"] as? [String] == ["TB-3"])

            let delivered = try await client.execute(
                uri: "/api/v1/recalls/\(id)/notices/TB-1%2F2026", method: .patch,
                headers: world.headers("producerA", json: true), body: try jsonBody(["status": "delivered"]))
            let answered = try await client.execute(
                uri: "/api/v1/recalls/\(id)/notices/TB-2", method: .patch,
                headers: world.headers("producerA", json: true),
                body: try jsonBody(["response": "repair_booked", "note": "service centre, Friday"]))
            let backwards = try await client.execute(
                uri: "/api/v1/recalls/\(id)/notices/TB-1%2F2026", method: .patch,
                headers: world.headers("producerA", json: true), body: try jsonBody(["status": "sent"]))
            #expect(delivered.status == .ok, "\(delivered.text)")
            #expect(try delivered.json()["status"] as? String == "delivered")
            #expect(try answered.json()["status"] as? String == "acknowledged")
            #expect(backwards.status == .conflict)
            #expect(try backwards.errorCode() == "notice_backwards")

            for (level, returned, corrected) in [("retailer", 300, 290), ("consumer", 50, 50)] {
                let reported = try await client.execute(
                    uri: "/api/v1/recalls/\(id)/returns", method: .post,
                    headers: world.headers("producerA", json: true),
                    body: try jsonBody(["level": level, "returned": returned, "corrected": corrected]))
                #expect(reported.status == .created, "\(reported.text)")
            }
            let beyond = try await client.execute(
                uri: "/api/v1/recalls/\(id)/returns", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["level": "retailer", "returned": 1]))
            #expect(beyond.status == .conflict)
            #expect(try beyond.errorCode() == "exceeds_affected")

            let shown = try await client.execute(
                uri: "/api/v1/recalls/\(id)", method: .get, headers: world.headers("regulator"))
            let report = try shown.json()
            let effectiveness = try #require(report["effectiveness"] as? [String: Any])
            #expect(effectiveness["corrected"] as? Int == 340)
            #expect(effectiveness["rate"] as? Double == 0.34)
            let notices = try #require(report["notices"] as? [String: Any])
            #expect(
                notices["by_status"] as? [String: Int] == ["queued": 2, "sent": 0, "delivered": 1, "acknowledged": 1])
            #expect(notices["by_response"] as? [String: Int] == ["repair_booked": 1])
            #expect((report["recall"] as? [String: Any])?["regulator_reference"] as? String == "SAMR-2026-88")

            let page = try await client.execute(
                uri: "/api/v1/recalls/\(id)/notices?limit=2", method: .get, headers: world.headers("producerA"))
            let pageBody = try page.json()
            #expect(
                (pageBody["notices"] as? [[String: Any]])?.map { $0["order_id"] as? String } == ["TB-1/2026", "TB-2"])
            #expect(pageBody["next_after"] as? String == "TB-2")
            let queued = try await client.execute(
                uri: "/api/v1/recalls/\(id)/notices?status=queued&after=TB-2", method: .get,
                headers: world.headers("producerA"))
            #expect(
                (try queued.json()["notices"] as? [[String: Any]])?.map { $0["order_id"] as? String } == [
                    "TB-3", "TB-4",
                ])

            let lifted = try await client.execute(
                uri: "/api/v1/recalls/\(id)/lift", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(["reason": "复检合格 retested: within limits"]))
            #expect(lifted.status == .ok)
            #expect((try lifted.json()["recall"] as? [String: Any])?["status"] as? String == "lifted")
            #expect(try await Self.verdict(world, client) == "genuine")

            let events = try await client.execute(
                uri: "/api/v1/recalls/\(id)/events", method: .get, headers: world.headers("producerA"))
            let trail = try #require(try events.json()["events"] as? [[String: Any]])
            #expect(
                trail.map { $0["kind"] as? String } == [
                    "opened", "milestone", "notices_added", "notices_added", "notice_updated", "notice_updated",
                    "returns_recorded", "returns_recorded", "lifted",
                ])
            #expect(trail[1]["actor"] as? String == "organisation:\(world.regulator.id)")
            #expect(trail.last?["note"] as? String == "复检合格 retested: within limits")
            let list = try await client.execute(
                uri: "/api/v1/recalls", method: .get, headers: world.headers("producerA"))
            #expect((try list.json()["recalls"] as? [[String: Any]])?.count == 1)
        }
        await world.close()
    }

    @Test("bad input is refused with its code and nothing is opened")
    func badInput() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            func open(_ changes: [String: Any], as who: String = "producerA") async throws -> TestResponse {
                var body = Self.openBody(world)
                for (key, value) in changes { body[key] = value }
                return try await client.execute(
                    uri: "/api/v1/recalls", method: .post, headers: world.headers(who, json: true),
                    body: try jsonBody(body))
            }
            let unregistered = WebWorld.withCheckDigit("690123400009")
            let cases: [([String: Any], String, HTTPResponse.Status, String)] = [
                (["gtin": unregistered], "producerA", .notFound, "product_not_found"),
                (["lot": "NOPE"], "producerA", .notFound, "batch_not_found"),
                (["gtin": "06901234000017"], "producerA", .badRequest, "bad_check_digit"),
                (["defect_confirmed_on": "2026-02-30"], "producerA", .badRequest, "bad_date"),
                (["defect_confirmed_on": Self.day(3)], "producerA", .badRequest, "bad_date"),
                (["hazard": "radiation"], "producerA", .badRequest, "unknown_hazard"),
                (["remedies": ["refund", "destroy"]], "producerA", .badRequest, "unknown_remedy"),
                (["remedies": []], "producerA", .badRequest, "remedy_required"),
                (["affected": ["consumer": -1]], "producerA", .badRequest, "bad_affected_units"),
                (["affected": ["consumer": "many"]], "producerA", .badRequest, "bad_json"),
                (["reason": " "], "producerA", .badRequest, "missing_reason"),
                (["serial_from": "A1"], "producerA", .badRequest, "bad_serial_range"),
                ([:], "producerB", .forbidden, "not_owner"),
                ([:], "platform", .forbidden, "role_not_allowed"),
                ([:], "lab", .forbidden, "role_not_allowed"),
            ]
            for (changes, who, status, code) in cases {
                let response = try await open(changes, as: who)
                #expect(response.status == status, "\(code): \(response.text)")
                #expect(try response.errorCode() == code, "\(response.text)")
            }
            var missing = Self.openBody(world)
            missing["hazard"] = nil
            let noHazard = try await client.execute(
                uri: "/api/v1/recalls", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(missing))
            #expect(try noHazard.errorCode() == "bad_json")
            let text = try await client.execute(
                uri: "/api/v1/recalls", method: .post, headers: world.headers("producerA"),
                body: try jsonBody(Self.openBody(world)))
            #expect(text.status == .unsupportedMediaType)
            var huge = Self.openBody(world)
            huge["reason"] = String(repeating: "x", count: 70_000)
            let tooLarge = try await client.execute(
                uri: "/api/v1/recalls", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(huge))
            #expect(tooLarge.status == .contentTooLarge)
            let anonymous = try await client.execute(
                uri: "/api/v1/recalls", method: .post, headers: world.headers(nil, json: true),
                body: try jsonBody(Self.openBody(world)))
            #expect(anonymous.status == .unauthorized)
            let none = try await client.execute(
                uri: "/api/v1/recalls", method: .get, headers: world.headers("producerA"))
            #expect((try none.json()["recalls"] as? [Any])?.isEmpty == true)
            #expect(try await Self.verdict(world, client) == "genuine")

            let opened = try await open([:])
            let id = try #require((try opened.json()["recall"] as? [String: Any])?["id"] as? Int)
            let twice = try await open([:])
            #expect(twice.status == .conflict)
            #expect(try twice.errorCode() == "recall_active")
            let requests: [(String, HTTPRequest.Method, String, [String: Any]?, HTTPResponse.Status, String)] = [
                ("/api/v1/recalls/\(id)", .get, "producerB", nil, .notFound, "recall_not_found"),
                ("/api/v1/recalls/\(id)", .get, "platform", nil, .forbidden, "role_not_allowed"),
                ("/api/v1/recalls/abc", .get, "producerA", nil, .badRequest, "bad_id"),
                ("/api/v1/recalls/\(id + 9)", .get, "regulator", nil, .notFound, "recall_not_found"),
                (
                    "/api/v1/recalls/\(id)/milestones", .post, "producerA", ["kind": "finished"], .badRequest,
                    "unknown_milestone"
                ),
                (
                    "/api/v1/recalls/\(id)/milestones", .post, "producerA", ["kind": "plan_filed", "on": "yesterday"],
                    .badRequest, "bad_date"
                ),
                (
                    "/api/v1/recalls/\(id)/milestones", .post, "producerA", ["kind": "summary_filed"], .conflict,
                    "not_completed"
                ),
                (
                    "/api/v1/recalls/\(id)/milestones", .post, "producerB", ["kind": "plan_filed"], .notFound,
                    "recall_not_found"
                ),
                ("/api/v1/recalls/\(id)/notices", .post, "producerA", ["order_ids": []], .badRequest, "no_orders"),
                (
                    "/api/v1/recalls/\(id)/notices", .post, "producerA", ["order_ids": ["a\nb"]], .badRequest,
                    "bad_order_id"
                ),
                (
                    "/api/v1/recalls/\(id)/notices/NOPE", .patch, "producerA", ["status": "sent"], .notFound,
                    "notice_not_found"
                ),
                (
                    "/api/v1/recalls/\(id)/notices/NOPE", .patch, "producerA", ["status": "read"], .badRequest,
                    "unknown_notice_status"
                ),
                ("/api/v1/recalls/\(id)/notices/NOPE", .patch, "producerA", [:], .badRequest, "nothing_to_change"),
                (
                    "/api/v1/recalls/\(id)/notices?status=lost", .get, "producerA", nil, .badRequest,
                    "unknown_notice_status"
                ),
                ("/api/v1/recalls/\(id)/notices?limit=0", .get, "producerA", nil, .badRequest, "bad_limit"),
                (
                    "/api/v1/recalls/\(id)/returns", .post, "producerA", ["level": "warehouse", "returned": 1],
                    .badRequest, "unknown_level"
                ),
                ("/api/v1/recalls/\(id)/returns", .post, "producerA", ["level": "consumer"], .badRequest, "bad_units"),
                (
                    "/api/v1/recalls/\(id)/returns", .post, "producerA",
                    ["level": "consumer", "returned": 1, "on": Self.day(1)], .badRequest, "bad_date"
                ),
                ("/api/v1/recalls/\(id)/lift", .post, "producerA", ["reason": ""], .badRequest, "missing_reason"),
                (
                    "/api/v1/recalls/\(id)/lift", .post, "producerB", ["reason": "mine now"], .notFound,
                    "recall_not_found"
                ),
            ]
            for (uri, method, who, body, status, code) in requests {
                let response = try await client.execute(
                    uri: uri, method: method, headers: world.headers(who, json: body != nil),
                    body: try body.map { try jsonBody($0) })
                #expect(response.status == status, "\(method) \(uri) by \(who): \(response.text)")
                #expect(try response.errorCode() == code, "\(method) \(uri) by \(who): \(response.text)")
            }
            let events = try await client.execute(
                uri: "/api/v1/recalls/\(id)/events", method: .get, headers: world.headers("producerA"))
            #expect((try events.json()["events"] as? [Any])?.count == 1)
        }
        await world.close()
    }

    @Test("the recall page asks a browser to sign in and shows the owner and regulators, in both languages")
    func page() async throws {
        let world = try await WebWorld()
        try await world.withApp { client in
            let opened = try await client.execute(
                uri: "/api/v1/recalls", method: .post, headers: world.headers("producerA", json: true),
                body: try jsonBody(Self.openBody(world)))
            let id = try #require((try opened.json()["recall"] as? [String: Any])?["id"] as? Int)
            func basic(_ who: String) -> HTTPFields {
                let credentials = Data("anyone:\(world.tokens[who] ?? "")".utf8).base64EncodedString()
                return [.authorization: "Basic \(credentials)", .accept: "text/html"]
            }

            let anonymous = try await client.execute(
                uri: "/recalls/\(id)", method: .get, headers: [.accept: "text/html"])
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=") == true)
            #expect(anonymous.text.contains("需要登录"))
            let wrong = try await client.execute(
                uri: "/recalls/\(id)", method: .get,
                headers: [.authorization: "Basic \(Data("x:qlt_wrong".utf8).base64EncodedString())"])
            #expect(wrong.status == .unauthorized)

            let chinese = try await client.execute(uri: "/recalls/\(id)", method: .get, headers: basic("producerA"))
            #expect(chinese.status == .ok)
            #expect(chinese.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(chinese.text.contains("<html lang=\"zh-CN\">"))
            #expect(chinese.text.contains("五常大米 5kg"))
            #expect(chinese.text.contains("法定时限"))
            #expect(chinese.text.contains("id=\"effectiveness-chart\""))
            #expect(!chinese.text.contains("<script"))
            let english = try await client.execute(
                uri: "/recalls/\(id)?lang=en", method: .get,
                headers: [.authorization: "Bearer \(world.tokens["regulator"] ?? "")"])
            #expect(english.status == .ok)
            #expect(english.text.contains("Legal clock (working days)"))
            #expect(english.text.contains("Microbiological"))
            // A token typed as the user name, with no password, is accepted too.
            let userOnly = Data("\(world.tokens["regulator"] ?? ""):".utf8).base64EncodedString()
            let tokenAsUser = try await client.execute(
                uri: "/recalls/\(id)", method: .get, headers: [.authorization: "Basic \(userOnly)"])
            #expect(tokenAsUser.status == .ok)

            let rival = try await client.execute(uri: "/recalls/\(id)", method: .get, headers: basic("producerB"))
            let platform = try await client.execute(uri: "/recalls/\(id)", method: .get, headers: basic("platform"))
            let badID = try await client.execute(uri: "/recalls/x1", method: .get, headers: basic("producerA"))
            #expect(rival.status == .notFound)
            #expect(platform.status == .forbidden)
            #expect(badID.status == .badRequest)

            // A recall confirmed years ago is charted by whole weeks, with about a hundred points.
            let old = try await client.execute(
                uri: "/api/v1/recalls", method: .post, headers: world.headers("regulator", json: true),
                body: try jsonBody(Self.openBody(world, lot: "REC1", confirmed: "2024-01-05")))
            let oldID = try #require((try old.json()["recall"] as? [String: Any])?["id"] as? Int)
            let longPage = try await client.execute(uri: "/recalls/\(oldID)", method: .get, headers: basic("producerA"))
            let points = longPage.text.components(separatedBy: "<circle class=\"point\"").count - 1
            #expect((52...110).contains(points), "\(points) points")
            #expect(longPage.text.contains("data-points=\"\(points)\""))
        }
        await world.close()
    }
}
