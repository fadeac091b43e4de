import Access
import Foundation
import Passport
import QualityCore
import Testing

@Suite("Ownership rules")
struct OwnershipTests {
    @Test("a producer registers GTINs only under its own prefixes; others may not register at all")
    func prefixes() async throws {
        let world = try await PassportWorld()
        let foreign = ProductDraft(gtin: "6923456000018", name: "Milk", category: "food")
        let error = await #expect(throws: QualityError.self) {
            _ = try await world.service.registerProduct(foreign, by: world.producer)
        }
        #expect(error?.kind == .forbidden)
        #expect(error?.code == "gtin_outside_prefix")
        let byPlatform = await #expect(throws: QualityError.self) {
            _ = try await world.service.registerProduct(
                ProductDraft(gtin: "6901234000023", name: "Soy", category: "food"), by: world.platform)
        }
        #expect(byPlatform?.code == "not_a_producer")
    }

    @Test("another producer can neither add batches to, issue codes for, nor recall someone else's product")
    func isolation() async throws {
        let world = try await PassportWorld()
        let batch = await #expect(throws: QualityError.self) {
            _ = try await world.service.registerBatch(
                BatchDraft(gtin: world.gtin.gtin14, lot: "EVIL", produced: "2026-01-01"), by: world.rival)
        }
        #expect(batch?.kind == .forbidden)
        let issue = await #expect(throws: QualityError.self) {
            _ = try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: 5, by: world.rival)
        }
        #expect(issue?.kind == .forbidden)
        let recall = await #expect(throws: QualityError.self) {
            _ = try await world.service.recall(gtin: world.gtin, lot: "WC-1", reason: "x", by: world.rival)
        }
        #expect(recall?.kind == .forbidden)
    }

    @Test("issuances never overlap, also when several run at once")
    func issuancesNeverRepeat() async throws {
        let world = try await PassportWorld()
        let ranges = try await withThrowingTaskGroup(of: Issuance.self) { group in
            for _ in 0..<8 {
                group.addTask { try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: 1_000, by: world.producer) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }.sorted { $0.firstIndex < $1.firstIndex }
        for (earlier, later) in zip(ranges, ranges.dropFirst()) {
            #expect(earlier.firstIndex + earlier.count <= later.firstIndex)
        }
        #expect(ranges.reduce(0) { $0 + $1.count } == 8_000)
    }

    @Test("issuance counts are bounded")
    func boundedCount() async throws {
        let world = try await PassportWorld()
        for count: Int64 in [0, -1, 100_000_001] {
            let error = await #expect(throws: QualityError.self) {
                _ = try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: count, by: world.producer)
            }
            #expect(error?.code == "bad_count")
        }
    }
}
