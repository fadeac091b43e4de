import Foundation
import Passport
import QualityCore

/// Builds the linkset of a Digital Link from what the passport knows, the way a GS1
/// conformant resolver lists a code's links: the scan page (`gs1:pip`, also the
/// `gs1:defaultLink`), the lab report (`gs1:certificationInfo`) and the recall status
/// (`gs1:recallStatus`). Works for product and batch codes as well as unit codes.
struct LinksetBuilder {
    /// The passport use cases.
    let service: PassportService

    /// The linkset for a parsed link.
    func linkset(for link: DigitalLink) async throws -> Linkset {
        let anchor = link.canonicalURI(stem: service.stem)
        guard let gtin = link.gtin else {
            return Linkset(linkset: [.init(anchor: anchor, itemDescription: nil, relations: [])])
        }
        let product = try await service.store.product(gtin: gtin)
        let lot = link["10"]
        let batch: Batch? =
            if let lot, product != nil { try await service.store.batch(gtin: gtin, lot: lot) } else { nil }

        let vocabulary = Linkset.vocabulary
        let page = Linkset.Target(
            href: anchor, title: "产品护照 · Product passport", type: "text/html", hreflang: ["zh", "en"])
        var relations: [(String, [Linkset.Target])] = [
            (vocabulary + "defaultLink", [page]),
            (vocabulary + "pip", [page]),
        ]
        if let report = batch?.labReport {
            let isURL = report.hasPrefix("https://") || report.hasPrefix("http://")
            relations.append(
                (
                    vocabulary + "certificationInfo",
                    [
                        .init(
                            href: isURL ? report : anchor + "#batch", title: "检测报告 · Lab report: \(report)",
                            type: isURL ? nil : "text/html", hreflang: nil)
                    ]
                ))
        }
        if product != nil {
            let status: String =
                if let batch {
                    batch.recall == nil ? "未召回 · Not recalled" : "已召回 · Recalled: \(batch.recall?.reason ?? "")"
                } else { "批次未知 · Batch not known" }
            relations.append(
                (
                    vocabulary + "recallStatus",
                    [.init(href: anchor + "?format=json", title: status, type: "application/json", hreflang: nil)]
                ))
        }
        var description: String?
        if let product {
            description = [product.brand, product.name, product.specification].compactMap { $0 }.joined(separator: " ")
        }
        return Linkset(linkset: [.init(anchor: anchor, itemDescription: description, relations: relations)])
    }
}
