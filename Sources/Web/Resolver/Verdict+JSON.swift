import Foundation
import Hummingbird
import Passport
import QualityCore

extension Verdict {
    /// The verdict as the API's JSON (the same document `JSONCoding` makes from `Codable`, keys
    /// sorted), written directly to bytes: it is the body of every scan.
    var jsonBytes: [UInt8] { jsonBytes() }

    /// The verdict's JSON, with the unit's ledger evidence as member `evidence` when given, and
    /// the product's and batch's JSON taken from a cache when one is given.
    func jsonBytes(evidence: UnitEvidence? = nil, fragments: JSONFragments? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: 4_096)
        writer.object { json in
            if let batch {
                json.key("batch")
                if let fragments { json.raw(fragments.json(batch)) } else { json.write(batch) }
            }
            json.key("checked_at"); json.date(checkedAt)
            json.key("checks")
            json.array { list in
                for check in checks {
                    list.object { item in
                        item.key("id"); item.string(check.id)
                        item.key("message"); item.string(check.message)
                        item.key("message_zh"); item.string(check.messageZH)
                        item.key("outcome"); item.string(check.outcome.rawValue)
                    }
                }
            }
            if let evidence { json.key("evidence"); json.write(evidence) }
            if let firstScanAt { json.key("first_scan_at"); json.date(firstScanAt) }
            json.key("gtin"); json.string(gtin)
            if let lot { json.key("lot"); json.string(lot) }
            if let producer { json.key("producer"); json.string(producer) }
            if let product {
                json.key("product")
                if let fragments { json.raw(fragments.json(product)) } else { json.write(product) }
            }
            json.key("reasons"); json.array { list in for reason in reasons { list.string(reason) } }
            json.key("reasons_zh"); json.array { list in for reason in reasonsZH { list.string(reason) } }
            json.key("recent_scans"); json.array { list in for scan in recentScans { list.write(scan) } }
            json.key("scan_count"); json.integer(scanCount)
            if let serial { json.key("serial"); json.string(serial) }
            json.key("uri"); json.string(uri)
            json.key("verdict"); json.string(verdict.rawValue)
        }
        return writer.bytes
    }

    /// The JSON response carrying the verdict.
    func jsonResponse(evidence: UnitEvidence? = nil, fragments: JSONFragments? = nil) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: jsonBytes(evidence: evidence, fragments: fragments))))
    }
}

extension JSONWriter {
    /// Writes a product as its `Codable` form does.
    mutating func write(_ product: Product) {
        object { json in
            if let brand = product.brand { json.key("brand"); json.string(brand) }
            json.key("category"); json.string(product.category.rawValue)
            if let composition = product.composition { json.key("composition"); json.string(composition) }
            json.key("created_at"); json.date(product.createdAt)
            json.key("gtin"); json.string(product.gtin.gtin14)
            json.key("name"); json.string(product.name)
            if let origin = product.origin { json.key("origin"); json.string(origin) }
            json.key("owner_id"); json.integer(product.ownerID)
            if let specification = product.specification { json.key("specification"); json.string(specification) }
            if let standard = product.standard { json.key("standard"); json.string(standard) }
        }
    }

    /// Writes a batch as its `Codable` form does.
    mutating func write(_ batch: Batch) {
        object { json in
            json.key("created_at"); json.date(batch.createdAt)
            if let expiresOn = batch.expiresOn { json.key("expires_on"); json.string(expiresOn.description) }
            if let gln = batch.factoryGLN { json.key("factory_gln"); json.string(gln) }
            json.key("gtin"); json.string(batch.gtin.gtin14)
            if let report = batch.labReport { json.key("lab_report"); json.string(report) }
            json.key("lot"); json.string(batch.lot)
            json.key("produced_on"); json.string(batch.producedOn.description)
            if let quantity = batch.quantity { json.key("quantity"); json.integer(quantity) }
            if let recall = batch.recall {
                json.key("recall")
                json.object { item in
                    item.key("by_organisation_id"); item.integer(recall.byOrganisationID)
                    item.key("reason"); item.string(recall.reason)
                    item.key("recalled_at"); item.date(recall.recalledAt)
                }
            }
        }
    }

    /// Writes a scan record as its `Codable` form does.
    mutating func write(_ scan: ScanRecord) {
        object { json in
            json.key("client"); json.string(scan.client.rawValue)
            json.key("gtin"); json.string(scan.gtin.gtin14)
            if let location = scan.location {
                json.key("location")
                json.object { item in
                    item.key("latitude"); item.number(location.latitude)
                    item.key("longitude"); item.number(location.longitude)
                }
            }
            json.key("lot"); json.string(scan.lot)
            json.key("scanned_at"); json.date(scan.scannedAt)
            json.key("serial"); json.string(scan.serial)
            json.key("verdict"); json.string(scan.verdict.rawValue)
        }
    }
}
