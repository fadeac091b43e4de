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

@Suite("The resolver: content negotiation and Digital Link forms")
struct ResolverTests {
    @Test("a browser gets the scan page: Chinese by default, verdict banner, facts, inline QR, no scripts")
    func htmlPage() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 0)
        try await world.withApp { client in
            let response = try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains(#"<html lang="zh-CN">"#))
            #expect(html.contains(#"name="viewport""#))
            #expect(html.contains(#"class="banner tone-green""#))
            #expect(html.contains("正品"))
            #expect(html.contains("Genuine"))
            #expect(html.contains("✓"))
            for fact in [
                "五常大米 5kg", "稻花香", "黑龙江五常", "GB/T 19266", "Alpha Foods", "LOT1", "2026-01-01", "CMA-2026-0001",
            ] {
                #expect(html.contains(fact), "the page should show \(fact)")
            }
            #expect(html.contains("<svg"))
            #expect(!html.contains("<script"))
            #expect(html.contains(#"href="/01/"#) && html.contains("lang=en"))
            #expect(response.headers[.init("Link")!]?.contains(#"rel="linkset""#) == true)
        }
        await world.close()
    }

    @Test("?lang=en and Accept-Language: en switch the page to English")
    func english() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 0)
        try await world.withApp { client in
            let byQuery = try await client.execute(
                uri: path + "?lang=en", method: .get, headers: [.accept: "text/html"])
            #expect(byQuery.text.contains(#"<html lang="en">"#))
            #expect(byQuery.text.contains("<h1 id=\"verdict-word\">Genuine</h1>"))
            #expect(byQuery.text.contains("Product"))
            let byHeader = try await client.execute(
                uri: path, method: .get, headers: [.accept: "text/html", .acceptLanguage: "en-GB,en;q=0.9,zh;q=0.5"])
            #expect(byHeader.text.contains(#"<html lang="en">"#))
            let chinese = try await client.execute(
                uri: path, method: .get, headers: [.accept: "text/html", .acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8"])
            #expect(chinese.text.contains("<h1 id=\"verdict-word\">正品</h1>"))
            let history = try await world.stores.passport.scanHistory(
                gtin: world.gtin, lot: "LOT1", serial: String(path.suffix(20)), recent: 5)
            #expect(history.count == 2, "switching language is not a new scan")
        }
        await world.close()
    }

    @Test("user data on the page is escaped")
    func escaping() async throws {
        let world = try await WebWorld()
        let gtin = WebWorld.withCheckDigit("690123400055")
        _ = try await world.service.registerProduct(
            .init(gtin: gtin, name: #"<script>alert("x")</script>"#, category: "other"), by: world.producerA)
        try await world.withApp { client in
            let response = try await client.execute(uri: "/01/\(gtin)", method: .get, headers: [.accept: "text/html"])
            #expect(response.status == .ok)
            #expect(!response.text.contains("<script>"))
            #expect(response.text.contains("&lt;script&gt;"))
        }
        await world.close()
    }

    @Test("Accept: application/json gets the JSON verdict with verdict and reasons")
    func json() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 0)
        try await world.withApp { client in
            let response = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let verdict = try response.json()
            #expect(verdict["verdict"] as? String == "genuine")
            #expect((verdict["reasons"] as? [String])?.isEmpty == false)
            #expect(verdict["scan_count"] as? Int == 1)
            #expect((verdict["product"] as? [String: Any])?["name"] as? String == "五常大米 5kg")
            #expect(verdict["producer"] as? String == "Alpha Foods")
            #expect(verdict["uri"] as? String == WebWorld.stem + path)
        }
        await world.close()
    }

    @Test(
        "a linkset is served for ?linkType=linkset and for Accept: application/linkset+json",
        arguments: [("?linkType=linkset", nil), ("", "application/linkset+json")] as [(String, String?)])
    func linkset(query: String, accept: String?) async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 0)
        try await world.withApp { client in
            var headers: HTTPFields = [:]
            if let accept { headers[.accept] = accept }
            let response = try await client.execute(uri: path + query, method: .get, headers: headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/linkset+json")
            let document = try response.json()
            let context = try #require((document["linkset"] as? [[String: Any]])?.first)
            #expect(context["anchor"] as? String == WebWorld.stem + path)
            for relation in ["pip", "defaultLink", "certificationInfo", "recallStatus"] {
                #expect(
                    context["https://gs1.org/voc/\(relation)"] as? [[String: Any]] != nil, "missing gs1:\(relation)")
            }
            let pip = try #require((context["https://gs1.org/voc/pip"] as? [[String: Any]])?.first)
            #expect(pip["href"] as? String == WebWorld.stem + path)
            let report = try #require((context["https://gs1.org/voc/certificationInfo"] as? [[String: Any]])?.first)
            #expect((report["title"] as? String)?.contains("CMA-2026-0001") == true)
            let history = try await world.stores.passport.scanHistory(
                gtin: world.gtin, lot: "LOT1", serial: String(path.suffix(20)), recent: 1)
            #expect(history.count == 0, "a linkset lookup is not a scan")
        }
        await world.close()
    }

    @Test("product-level codes work as linkset and as JSON; GTIN-13 and path prefixes resolve")
    func otherForms() async throws {
        let world = try await WebWorld()
        let gtin13 = String(world.gtin.gtin14.dropFirst())
        try await world.withApp { client in
            let linkset = try await client.execute(uri: "/01/\(gtin13)?linkType=linkset", method: .get)
            #expect(linkset.status == .ok)
            let context = try #require((try linkset.json()["linkset"] as? [[String: Any]])?.first)
            #expect(context["anchor"] as? String == "\(WebWorld.stem)/01/\(world.gtin.gtin14)")
            #expect((context["itemDescription"] as? String)?.contains("五常大米") == true)

            let json = try await client.execute(
                uri: "/01/\(world.gtin.gtin14)/10/LOT1", method: .get, headers: [.accept: "application/json"])
            #expect(json.status == .ok)
            #expect(try json.json()["verdict"] as? String == "unknown")

            let unitPath = try await world.unitPath(index: 2)
            let prefixed = try await client.execute(
                uri: "/products/china" + unitPath + "?17=991231", method: .get, headers: [.accept: "application/json"])
            #expect(prefixed.status == .ok)
            #expect(try prefixed.json()["verdict"] as? String == "genuine")
        }
        await world.close()
    }

    @Test("a non-trade-item key has no passport: 404, its linkset still answers")
    func otherKeys() async throws {
        let world = try await WebWorld()
        let sscc = "/00/" + WebWorld.withCheckDigit("10614141000000001")
        try await world.withApp { client in
            let json = try await client.execute(uri: sscc, method: .get, headers: [.accept: "application/json"])
            #expect(json.status == .notFound)
            #expect(try json.errorCode() == "no_passport")
            let linkset = try await client.execute(uri: sscc + "?linkType=linkset", method: .get)
            #expect(linkset.status == .ok)
        }
        await world.close()
    }

    @Test("a scan with a location records it; OPTIONS and HEAD answer on links")
    func locationAndMethods() async throws {
        let world = try await WebWorld()
        let path = try await world.unitPath(index: 3)
        try await world.withApp { client in
            let scan = try await client.execute(
                uri: path + "?lat=31.234&lon=121.47", method: .get, headers: [.accept: "application/json"])
            #expect(scan.status == .ok)
            let history = try await world.stores.passport.scanHistory(
                gtin: world.gtin, lot: "LOT1", serial: String(path.suffix(20)), recent: 1)
            #expect(history.count == 1)
            #expect(history.recent.first?.location?.latitude == 31.2)
            #expect(history.recent.first?.client == .api)

            let options = try await client.execute(uri: path, method: .options)
            #expect(options.status == .noContent)
            #expect(options.headers[.allow] == "GET, HEAD, OPTIONS")
            let head = try await client.execute(uri: path, method: .head, headers: [.accept: "text/html"])
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            let after = try await world.stores.passport.scanHistory(
                gtin: world.gtin, lot: "LOT1", serial: String(path.suffix(20)), recent: 1)
            #expect(after.count == 1, "HEAD is not a scan")
        }
        await world.close()
    }

    @Test("public scans are rate-limited per client: 429 rate_limited with Retry-After")
    func rateLimit() async throws {
        var configuration = WebWorld.testConfiguration()
        configuration.scanRateLimitPerMinute = 1
        let world = try await WebWorld(configuration: configuration)
        let path = try await world.unitPath(index: 4)
        try await world.withApp { client in
            let allowed = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
            #expect(allowed.status == .ok)
            let refused = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
            #expect(refused.status == .tooManyRequests)
            #expect(try refused.errorCode() == "rate_limited")
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok, "operations endpoints are not scan-limited")
        }
        await world.close()
    }

    @Test("QR images and badges render for valid codes")
    func images() async throws {
        let world = try await WebWorld()
        let uri = try await world.unitURI(index: 0)
        let encoded = uri.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? uri
        try await world.withApp { client in
            let svg = try await client.execute(uri: "/api/v1/qr?uri=\(encoded)&ec=H", method: .get)
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(svg.text.hasPrefix("<svg"))
            let png = try await client.execute(uri: "/api/v1/qr?uri=\(encoded)&format=png", method: .get)
            #expect(png.status == .ok)
            #expect(Array(png.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

            let badge = try await client.execute(uri: "/badge/\(world.gtin.gtin14).svg", method: .get)
            #expect(badge.status == .ok)
            #expect(badge.text.contains("有批次召回"), "producer A has a recalled batch")
            let clean = try await client.execute(uri: "/badge/\(world.gtinB.gtin14).svg", method: .get)
            #expect(clean.text.contains("数字护照已验证"))
            let none = try await client.execute(uri: "/badge/\(world.unregistered).svg", method: .get)
            #expect(none.text.contains("未登记"))
        }
        await world.close()
    }
}
