import Foundation
import HTTPTypes
import HummingbirdTesting
import QualityCore
import Storage
import Testing
import Trace
import Web

@Suite("The unit's journey on the scan page")
struct JourneyPageTests {
    /// Captures the demo journey of unit 0 of the world's LOT1, starting on 1 March 2026.
    static func captureJourney(_ world: WebWorld) async throws {
        let document = DemoJourney.document(
            unit: try await world.unitURI(index: 0), factory: "urn:epc:id:sgln:6901234.00000.0",
            case: "urn:epc:id:sscc:6901234.1000000001", startingOn: try CalendarDay("2026-03-01"))
        let job = try await EventCapture(store: world.stores.events).capture(Array(document.utf8), by: nil)
        #expect(job.success, "\(job.errors)")
    }

    /// The `data-stage` values of a page's timeline, in order.
    static func stages(_ html: String) -> [String] {
        html.components(separatedBy: "data-stage=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("a unit with events shows its timeline with dates and places, in Chinese and English; others show none")
    func timeline() async throws {
        let world = try await WebWorld()
        try await Self.captureJourney(world)
        let withJourney = try await world.unitPath(index: 0)
        let without = try await world.unitPath(index: 1)
        let centre = EPCISIdentifier(DemoJourney.distributionCentre).canonical
        let centreGLN = String(centre.split(separator: "/").last ?? "")

        try await world.withApp { client in
            let chinese = try await client.execute(uri: withJourney, method: .get, headers: [.accept: "text/html"])
            let english = try await client.execute(
                uri: withJourney + "?lang=en", method: .get, headers: [.accept: "text/html"])
            let none = try await client.execute(uri: without, method: .get, headers: [.accept: "text/html"])
            let json = try await client.execute(uri: withJourney, method: .get, headers: [.accept: "application/json"])

            let page = chinese.text
            #expect(page.contains(#"id="journey""#))
            #expect(Self.stages(page) == ["origin", "shipped", "transit", "transit", "shelved", "sold"])
            for word in ["产地", "出厂", "运输", "上架", "售出", "赋码", "发货", "收货", "2026-03-01 08:00", "2026-03-08 19:00"] {
                #expect(page.contains(word), "the Chinese timeline lacks \(word)")
            }
            #expect(page.contains("GLN \(centreGLN)"))
            let englishPage = english.text
            for word in ["Journey", "Origin", "Shipped", "In transit", "On the shelf", "Sold", "Received"] {
                #expect(englishPage.contains(word), "the English timeline lacks \(word)")
            }
            #expect(!none.text.contains(#"id="journey""#))
            #expect(json.status == .ok)
            #expect(!json.text.contains("journey"))
        }
        await world.close()
    }
}
