import Access
import Foundation
import Passport
import QualityCore
import Storage
import Testing

/// Test data: valid GTINs, fixed instants and ready-made rows.
enum Sample {
    /// 2026-01-01T00:00:00.123Z: a millisecond instant, which both stores must return exactly.
    static let instant = Date(timeIntervalSince1970: 1_767_225_600.123)

    /// An instant some milliseconds after `instant`. Dividing whole milliseconds gives the
    /// `Date` nearest the decimal value, as a literal does; adding seconds to `instant` might not.
    static func instant(plusMilliseconds milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(1_767_225_600_123 + milliseconds) / 1000)
    }

    /// A day, which must exist.
    static func day(_ text: String) throws -> CalendarDay { try CalendarDay(text) }

    /// The GTIN-14 for an item number under a company prefix, with its check digit.
    static func gtin(prefix: String = "6901234", item: Int) throws -> GTIN {
        let itemDigits = String(item)
        let padding = String(repeating: "0", count: 12 - prefix.count - itemDigits.count)
        let payload = "0" + prefix + padding + itemDigits
        let check = try #require(GS1CheckDigit.mod10(for: payload))
        return try GTIN(payload + String(check))
    }

    /// A product with every optional field set.
    static func fullProduct(gtin: GTIN, owner: Int64) -> Product {
        Product(
            gtin: gtin, ownerID: owner, name: "Pure milk 250 ml", brand: "Sunny Meadow", category: .food,
            specification: "250 ml × 12", standard: "GB 25190-2010", composition: "生牛乳",
            origin: "内蒙古呼和浩特", createdAt: instant)
    }

    /// A product with only the required fields.
    static func bareProduct(gtin: GTIN, owner: Int64) -> Product {
        Product(gtin: gtin, ownerID: owner, name: "Plain item", category: .other, createdAt: instant)
    }

    /// A batch with only the required fields.
    static func bareBatch(gtin: GTIN, lot: String = "L001") throws -> Batch {
        Batch(gtin: gtin, lot: lot, producedOn: try day("2026-01-01"), createdAt: instant)
    }

    /// An organisation, a product and a batch of it, ready for issuance and scans.
    static func producerWithBatch(_ stores: Stores, lot: String = "L001") async throws -> (Organisation, Batch) {
        let producer = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
        let gtin = try gtin(item: 1)
        try await stores.passport.createProduct(bareProduct(gtin: gtin, owner: producer.id))
        let batch = try bareBatch(gtin: gtin, lot: lot)
        try await stores.passport.createBatch(batch)
        return (producer, batch)
    }

    /// A scan of a unit of a batch.
    static func scan(
        _ batch: Batch, serial: String, at date: Date, verdict: VerdictKind = .genuine,
        location: ScanLocation? = nil, client: ScanClient = .browser
    ) -> ScanRecord {
        ScanRecord(
            gtin: batch.gtin, lot: batch.lot, serial: serial, scannedAt: date, verdict: verdict,
            location: location, client: client)
    }
}
