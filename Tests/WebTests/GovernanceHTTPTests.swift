import Access
import Foundation
import Governance
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ledger
import QualityCore
import Storage
import Testing
import Web

/// Onboarding over HTTP on both backends: parties, documents, reviews and decisions, the
/// blacklist, with the duty of each token deciding what it may do.
@Suite("Governance over HTTP")
struct GovernanceHTTPTests {
    /// A platform with reviewer, CQO and merchant tokens, a regulator and a producer without a duty.
    struct Cast {
        var tokens: [String: String] = [:]
        var platform: Organisation

        init(_ stores: Stores) async throws {
            platform = try await stores.access.createOrganisation(name: "Jade Market", role: .platform)
            let regulator = try await stores.access.createOrganisation(name: "Hangzhou AMR", role: .regulator)
            let producer = try await stores.access.createOrganisation(name: "Alpha Foods", role: .producer)
            for (name, organisation, duty) in [
                ("reviewer", platform, GovernanceDuty.reviewer), ("cqo", platform, .cqo),
                ("merchant", platform, .merchant),
                ("regulator", regulator, nil), ("producer", producer, nil), ("platform", platform, nil),
            ] as [(String, Organisation, GovernanceDuty?)] {
                let token = APIToken.generate()
                try await stores.access.addToken(digest: token.digest, label: name, for: organisation.id)
                if let duty { try await stores.governance.assignDuty(duty, toTokenDigest: token.digest) }
                tokens[name] = token.secret
            }
        }

        /// Headers with a token and a JSON body type.
        func headers(_ who: String) -> HTTPFields {
            [.authorization: "Bearer \(tokens[who] ?? "")", .contentType: "application/json"]
        }
    }

    /// Runs a body against the router on a fresh database of a backend.
    func withApp(
        _ backend: LedgerBackend,
        _ body: @escaping @Sendable (Stores, Cast, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await LedgerBackend.withDirectory { directory in
            try await backend.withStores(in: directory) { stores in
                var configuration = WebWorld.testConfiguration()
                configuration.ledgerKeyPath = directory + "/ledger.key"
                let cast = try await Cast(stores)
                let app = try await buildApplication(configuration, stores: stores, logger: WebWorld.logger)
                try await app.test(.router) { client in try await body(stores, cast, client) }
            }
        }
    }

    @Test(
        "a merchant onboards: a block stops the reviewer with nothing applied, the CQO overrides it",
        arguments: LedgerBackend.all)
    func onboarding(backend: LedgerBackend) async throws {
        try await withApp(backend) { stores, cast, client in
            let created = try await client.execute(
                uri: "/api/v1/parties", method: .post, headers: cast.headers("reviewer"),
                body: try jsonBody([
                    "kind": "merchant", "name": "Sunny Meadow Shop", "credit_code": "91330106MA2B00001Y",
                    "categories": ["food"],
                ]))
            #expect(created.status == .created)
            let partyID = try #require(try created.json()["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/parties/\(partyID)")
            let filed = try await client.execute(
                uri: "/api/v1/parties/\(partyID)/documents", method: .post, headers: cast.headers("merchant"),
                body: try jsonBody([
                    "kind": "business_licence", "issuer": "杭州市市场监督管理局", "number": "330106000123456",
                    "valid_from": "2020-01-01", "valid_until": "2099-12-31",
                ]))
            #expect(filed.status == .created)

            let evaluation = try await client.execute(
                uri: "/api/v1/parties/\(partyID)/evaluation", method: .get, headers: cast.headers("reviewer"))
            let findings = try #require(try evaluation.json()["findings"] as? [[String: Any]])
            #expect(findings.map { $0["rule_id"] as? String } == [RuleID.documentMissing])
            #expect(
                (findings.first?["explanation"] as? [String: String])?["zh"]?.contains("food_business_licence") == true)

            let opened = try await client.execute(
                uri: "/api/v1/parties/\(partyID)/reviews", method: .post, headers: cast.headers("reviewer"))
            #expect(opened.status == .created)
            let reviewID = try #require(try opened.json()["id"] as? Int)
            let again = try await client.execute(
                uri: "/api/v1/parties/\(partyID)/reviews", method: .post, headers: cast.headers("reviewer"))
            #expect(again.status == .conflict)
            #expect(try again.errorCode() == "review_open")

            for (who, status, code) in [
                ("reviewer", HTTPResponse.Status.forbidden, "block_needs_cqo"),
                ("merchant", .forbidden, "not_a_reviewer"),
                ("regulator", .forbidden, "read_only"), ("producer", .forbidden, "no_duty"),
                ("platform", .forbidden, "no_duty"),
                ("cqo", .badRequest, "reason_required"),
            ] {
                let refused = try await client.execute(
                    uri: "/api/v1/reviews/\(reviewID)/decisions", method: .post, headers: cast.headers(who),
                    body: try jsonBody(
                        who == "cqo" ? ["outcome": "approve"] : ["outcome": "approve", "reason": "fine"]))
                #expect(refused.status == status, "\(who)")
                #expect(try refused.errorCode() == code, "\(who)")
            }
            let untouched = try await client.execute(
                uri: "/api/v1/reviews/\(reviewID)", method: .get, headers: cast.headers("reviewer"))
            #expect((try untouched.json()["review"] as? [String: Any])?["status"] as? String == "open")
            #expect((try untouched.json()["decisions"] as? [Any])?.isEmpty == true)
            #expect(try await stores.ledger.ledgerLeaves(from: 0, limit: 10).isEmpty)

            let approved = try await client.execute(
                uri: "/api/v1/reviews/\(reviewID)/decisions", method: .post, headers: cast.headers("cqo"),
                body: try jsonBody(["outcome": "approve", "reason": "licence checked at the bureau's portal"]))
            #expect(approved.status == .created)
            #expect(try approved.json()["overridden_rules"] as? [String] == [RuleID.documentMissing])
            #expect(try approved.json()["rule_set_version"] as? String == "2026.2")

            let party = try await client.execute(
                uri: "/api/v1/parties/\(partyID)", method: .get, headers: cast.headers("regulator"))
            #expect(try party.json()["standing"] as? String == "approved")
            let kinds = try await stores.ledger.ledgerLeaves(from: 0, limit: 10).map { try $0.entry().kind }
            #expect(kinds == [.reviewDecision])
        }
    }

    @Test("bad input and unknown records are 4xx JSON errors that store nothing", arguments: LedgerBackend.all)
    func badInput(backend: LedgerBackend) async throws {
        try await withApp(backend) { stores, cast, client in
            let cases: [(String, HTTPRequest.Method, [String: Any]?, HTTPResponse.Status, String)] = [
                (
                    "/api/v1/parties", .post, ["kind": "merchant", "name": "x", "credit_code": "91330106MA2B00001Z"],
                    .badRequest, "bad_credit_code"
                ),
                ("/api/v1/parties", .post, ["kind": "shop", "name": "x"], .badRequest, "bad_json"),
                (
                    "/api/v1/parties", .post, ["kind": "live_room", "name": "x", "credit_code": "91310000MA1K00002C"],
                    .badRequest, "operator_required"
                ),
                ("/api/v1/parties/abc", .get, nil, .badRequest, "bad_id"),
                ("/api/v1/parties/999", .get, nil, .notFound, "party_not_found"),
                ("/api/v1/parties/999/reviews", .post, nil, .notFound, "party_not_found"),
                ("/api/v1/reviews/999", .get, nil, .notFound, "review_not_found"),
                ("/api/v1/reviews/999/decisions", .post, ["outcome": "maybe"], .badRequest, "bad_json"),
                ("/api/v1/blacklist/999/lift", .post, nil, .forbidden, "cqo_only"),
            ]
            for (uri, method, body, status, code) in cases {
                let response = try await client.execute(
                    uri: uri, method: method, headers: cast.headers("reviewer"), body: try body.map(jsonBody))
                #expect(response.status == status, "\(method) \(uri)")
                #expect(try response.errorCode() == code, "\(method) \(uri)")
            }
            #expect(try await stores.governance.parties(platformID: cast.platform.id).isEmpty)
            let regulatorList = try await client.execute(
                uri: "/api/v1/parties", method: .get, headers: cast.headers("regulator"))
            #expect(try regulatorList.errorCode() == "platform_required")
        }
    }

    @Test(
        "only the CQO blacklists; the entry blocks the next review and a regulator reads the parties",
        arguments: LedgerBackend.all)
    func blacklist(backend: LedgerBackend) async throws {
        try await withApp(backend) { stores, cast, client in
            let created = try await client.execute(
                uri: "/api/v1/parties", method: .post, headers: cast.headers("reviewer"),
                body: try jsonBody(["kind": "agency", "name": "星光MCN", "credit_code": "91440300MA5F00003G"]))
            let partyID = try #require(try created.json()["id"] as? Int)
            let entry: [String: Any] = ["party_id": partyID, "reason": "组织主播虚假宣传", "evidence": "杭市监罚〔2026〕7号"]

            let byReviewer = try await client.execute(
                uri: "/api/v1/blacklist", method: .post, headers: cast.headers("reviewer"), body: try jsonBody(entry))
            let byCQO = try await client.execute(
                uri: "/api/v1/blacklist", method: .post, headers: cast.headers("cqo"), body: try jsonBody(entry))
            let review = try await client.execute(
                uri: "/api/v1/parties/\(partyID)/reviews", method: .post, headers: cast.headers("reviewer"))
            let listed = try await client.execute(uri: "/api/v1/blacklist", method: .get, headers: cast.headers("cqo"))
            let parties = try await client.execute(
                uri: "/api/v1/parties?platform_id=\(cast.platform.id)", method: .get, headers: cast.headers("regulator")
            )

            #expect(byReviewer.status == .forbidden)
            #expect(try byReviewer.errorCode() == "cqo_only")
            #expect(byCQO.status == .created)
            #expect(try byCQO.json()["credit_code"] as? String == "91440300MA5F00003G")
            let ruleIDs = (try review.json()["evaluation"] as? [String: Any])?["findings"] as? [[String: Any]]
            #expect(ruleIDs?.compactMap { $0["rule_id"] as? String } == [RuleID.documentMissing, RuleID.blacklisted])
            #expect((try listed.json()["entries"] as? [Any])?.count == 1)
            #expect((try parties.json()["parties"] as? [[String: Any]])?.map { $0["id"] as? Int } == [partyID])
            let kinds = try await stores.ledger.ledgerLeaves(from: 0, limit: 10).map { try $0.entry().kind }
            #expect(kinds == [.blacklistChange])
        }
    }
}
