import Foundation
import Passport
import QualityCore
import Testing

@testable import Web

@Suite("The scan verdict's hand-written JSON")
struct VerdictJSONTests {
    /// Verdicts of every kind, with optional fields present and absent, recent scans with and
    /// without locations, a recall, quotes and control characters in text.
    static func verdicts(_ world: WebWorld) async throws -> [Verdict] {
        let service = world.service
        let shanghai = ScanContext(location: try ScanLocation(latitude: 31.2, longitude: 121.5), client: .browser)
        let beijing = ScanContext(location: try ScanLocation(latitude: 39.9, longitude: 116.0), client: .api)
        var verdicts: [Verdict] = []
        let genuine = try await world.unitURI(index: 1)
        verdicts.append(try await service.verify(genuine, context: shanghai))
        verdicts.append(try await service.verify(genuine, context: ScanContext(client: .api)))
        verdicts.append(try await service.verify(genuine, context: beijing))
        verdicts.append(try await service.verify(try await world.unitURI(lot: "OLD1", index: 1), context: shanghai))
        verdicts.append(try await service.verify(try await world.unitURI(lot: "REC1", index: 2), context: shanghai))
        verdicts.append(try await service.verify(try await world.unitURI(index: 4_000), context: shanghai))
        verdicts.append(
            try await service.verify("\(WebWorld.stem)/01/\(world.unregistered)/10/X/21/ABC", context: shanghai))
        verdicts.append(try await service.verify("\(WebWorld.stem)/01/\(world.gtinB.gtin14)/10/B1", context: beijing))
        var odd = verdicts[0]
        odd.reasons.append("quote \" backslash \\ newline \n tab \t bell \u{7} 中文 / slash")
        odd.checkedAt = Date(timeIntervalSince1970: 1_790_000_000.999)
        verdicts.append(odd)
        return verdicts
    }

    @Test("equals, as a JSON value, what JSONEncoder makes of the Codable verdict")
    func matchesCodable() async throws {
        let world = try await WebWorld()
        let verdicts = try await Self.verdicts(world)
        #expect(Set(verdicts.map(\.verdict)).count >= 5)
        for verdict in verdicts {
            let fast = try JSONSerialization.jsonObject(with: Data(verdict.jsonBytes)) as? NSDictionary
            let codable = try JSONSerialization.jsonObject(with: try JSONCoding.encoder().encode(verdict)) as? NSDictionary
            #expect(fast != nil)
            #expect(fast == codable, "\(verdict.verdict): \(String(decoding: verdict.jsonBytes, as: UTF8.self))")
        }
        // Product and batch JSON taken from the fragment cache (written on the first pass, reused
        // on the second) gives the same bytes.
        let fragments = JSONFragments()
        for _ in 0..<2 {
            for verdict in verdicts {
                #expect(verdict.jsonBytes(fragments: fragments) == verdict.jsonBytes)
            }
        }
        await world.close()
    }
}
