import Access
import Foundation
import QualityCore

/// A small, realistic world for `qloop demo` and for tests that need one: five producers in food,
/// cosmetics, apparel and electronics with their products and batches, a platform, a lab and a
/// regulator, issued codes, some scans, one expired batch and one recalled batch.
public struct DemoWorld: Sendable {
    /// Links a visitor can try, each a unit's scan page.
    public struct Links: Sendable, Codable {
        /// A genuine unit.
        public var genuine: String
        /// A well-formed code that was never issued.
        public var forged: String
        /// A unit of the recalled batch.
        public var recalled: String
        /// A unit of the expired batch.
        public var expired: String
        /// A unit scanned too often.
        public var suspectedClone: String
        /// A code whose GTIN nobody registered.
        public var unknown: String
    }

    /// The service the world is built through, so every rule applies to it.
    public let service: PassportService

    /// Creates a builder over a service.
    public init(service: PassportService) { self.service = service }

    /// Name of the demo platform organisation.
    public static let platformName = "优选直播平台 YouXuan Live"
    /// Name of the demo regulator organisation.
    public static let regulatorName = "示范市市场监督管理局 Demo Market Regulator"

    private struct ProducerSeed {
        let name: String
        let prefix: String
        let gln: String
        let products: [ProductSeed]
    }

    private struct ProductSeed {
        let draft: ProductDraft
        let lots: [(lot: String, producedDaysAgo: Int, shelfLifeDays: Int?, quantity: Int64)]
    }

    private static let producers: [ProducerSeed] = [
        ProducerSeed(
            name: "黑土地粮油 Heitudi Grain & Oil", prefix: "6901234", gln: "6901234000009",
            products: [
                ProductSeed(
                    draft: ProductDraft(
                        gtin: "6901234000016", name: "五常稻花香大米 5kg", brand: "黑土地", category: "food",
                        specification: "5 kg", standard: "GB/T 19266", composition: "粳米（稻花香2号）",
                        origin: "黑龙江省五常市"),
                    lots: [("WC2026-09A", 60, 540, 20_000), ("WC2026-10B", 30, 540, 20_000)]),
                ProductSeed(
                    draft: ProductDraft(
                        gtin: "6901234000023", name: "有机黄豆 1kg", brand: "黑土地", category: "food",
                        specification: "1 kg", standard: "GB 1352", composition: "大豆", origin: "黑龙江省黑河市"),
                    lots: [("HD2026-08", 90, 365, 5_000)]),
            ]),
        ProducerSeed(
            name: "青禾乳业 Qinghe Dairy", prefix: "6923456", gln: "6923456000001",
            products: [
                ProductSeed(
                    draft: ProductDraft(
                        gtin: "6923456000018", name: "青禾纯牛奶 250ml×12", brand: "青禾", category: "food",
                        specification: "250 ml × 12", standard: "GB 25190-2010", composition: "生牛乳",
                        origin: "内蒙古呼和浩特市"),
                    lots: [("QH20261101", 20, 180, 50_000), ("QH20260301", 260, 180, 50_000)])
            ]),
        ProducerSeed(
            name: "兰芝雅化妆品 Lanzhiya Cosmetics", prefix: "6934567", gln: "6934567000002",
            products: [
                ProductSeed(
                    draft: ProductDraft(
                        gtin: "6934567000019", name: "玻尿酸保湿面霜 50g", brand: "兰芝雅", category: "cosmetics",
                        specification: "50 g", standard: "GB/T 29665", composition: "水、甘油、透明质酸钠、角鲨烷",
                        origin: "上海市"),
                    lots: [("LZY-2610-01", 45, 1095, 10_000)]),
                ProductSeed(
                    draft: ProductDraft(
                        gtin: "6934567000026", name: "清透防晒乳 SPF50+ PA++++ 40ml", brand: "兰芝雅",
                        category: "cosmetics", specification: "40 ml", standard: "GB/T 35893",
                        composition: "水、氧化锌、二氧化钛、甘油", origin: "上海市"),
                    lots: [("LZY-2609-07", 80, 1095, 8_000)]),
            ]),
        ProducerSeed(
            name: "草原绒纺 Grassland Cashmere", prefix: "6945678", gln: "6945678000003",
            products: [
                ProductSeed(
                    draft: ProductDraft(
                        gtin: "6945678000010", name: "女士圆领羊绒衫", brand: "草原绒", category: "apparel",
                        specification: "M / 165/88A", standard: "GB/T 29862", composition: "山羊绒 50%、羊毛 50%",
                        origin: "内蒙古鄂尔多斯市"),
                    lots: [("CY-AW26-001", 100, nil, 3_000)])
            ]),
        ProducerSeed(
            name: "深能电子 Shenneng Electronics", prefix: "6956789", gln: "6956789000004",
            products: [
                ProductSeed(
                    draft: ProductDraft(
                        gtin: "6956789000011", name: "快充移动电源 10000mAh", brand: "深能", category: "electronics",
                        specification: "10000 mAh / 22.5 W", standard: "GB 4943.1-2022, GB 31241-2022 (CCC)",
                        composition: "锂离子电芯、阻燃外壳", origin: "广东省深圳市"),
                    lots: [("SN-PB-2607", 120, nil, 40_000), ("SN-PB-2609", 70, nil, 40_000)])
            ]),
    ]

    /// Builds the world if it is not there yet (it is recognised by the platform's name), and
    /// returns links to try either way.
    public func seed() async throws -> Links {
        let access = service.access
        if try await access.organisation(named: Self.platformName) == nil {
            try await build()
        }
        return try await links()
    }

    private func build() async throws {
        let access = service.access
        let now = service.now()
        let today = CalendarDay(chinaDayOf: now.timeIntervalSince1970)
        _ = try await access.createOrganisation(name: Self.platformName, role: .platform)
        let regulator = try await access.createOrganisation(name: Self.regulatorName, role: .regulator)
        _ = try await access.createOrganisation(name: "华测示范检测 Demo Testing Lab", role: .lab)
        for seed in Self.producers {
            let producer = try await access.createOrganisation(name: seed.name, role: .producer)
            try await access.addCompanyPrefix(try CompanyPrefix(seed.prefix), to: producer.id)
            for productSeed in seed.products {
                let product = try await service.registerProduct(productSeed.draft, by: producer)
                for lot in productSeed.lots {
                    let produced = CalendarDay(daysSinceEpoch: today.daysSinceEpoch - lot.producedDaysAgo)
                    let expires = lot.shelfLifeDays.map { CalendarDay(daysSinceEpoch: produced.daysSinceEpoch + $0) }
                    let draft = BatchDraft(
                        gtin: product.gtin.gtin14, lot: lot.lot, produced: produced.description,
                        expires: expires?.description, factoryGLN: seed.gln, quantity: lot.quantity,
                        labReport: "CMA-\(lot.lot)")
                    _ = try await service.registerBatch(draft, by: producer)
                    _ = try await service.issueCodes(gtin: product.gtin, lot: lot.lot, count: 1_000, by: producer)
                }
            }
        }
        let powerBank = try GTIN(checking: "6956789000011")
        _ = try await service.recall(
            gtin: powerBank, lot: "SN-PB-2607",
            reason: "电芯在充电时可能过热，存在起火风险 / cells may overheat while charging (fire risk)", by: regulator)
        try await scans()
    }

    /// Realistic scans: a few genuine ones in different cities, and one code copied onto many fakes.
    private func scans() async throws {
        let rice = try GTIN(checking: "6901234000016")
        let cities: [(Double, Double)] = [(31.2, 121.5), (39.9, 116.4), (23.1, 113.3), (30.6, 104.1)]
        for (offset, city) in cities.enumerated() {
            let uri = try await unitURI(gtin: rice, lot: "WC2026-09A", index: Int64(10 + offset))
            _ = try await service.verify(
                uri, context: ScanContext(location: try ScanLocation(latitude: city.0, longitude: city.1), client: .browser))
        }
        let cream = try GTIN(checking: "6934567000019")
        let copied = try await unitURI(gtin: cream, lot: "LZY-2610-01", index: 7)
        for _ in 0..<(service.clonePolicy.maximumScans + 5) {
            _ = try await service.verify(copied, context: ScanContext(client: .browser))
        }
    }

    private func unitURI(gtin: GTIN, lot: String, index: Int64) async throws -> String {
        let signer = try await service.signer(gtin: gtin, lot: lot)
        return service.labelWriter.uri(gtin: gtin, lot: lot, serial: signer.serial(index: index))
    }

    private func links() async throws -> Links {
        let rice = try GTIN(checking: "6901234000016")
        let genuine = try await unitURI(gtin: rice, lot: "WC2026-10B", index: 1)
        let issued = try await service.signer(gtin: rice, lot: "WC2026-10B").serial(index: 2)
        let forgedSerial = UnitSerial(keyID: issued.keyID, index: issued.index, tag: issued.tag ^ 0x1F)
        let forged = service.labelWriter.uri(gtin: rice, lot: "WC2026-10B", serial: forgedSerial)
        let recalled = try await unitURI(gtin: try GTIN(checking: "6956789000011"), lot: "SN-PB-2607", index: 3)
        let expired = try await unitURI(gtin: try GTIN(checking: "6923456000018"), lot: "QH20260301", index: 4)
        let clone = try await unitURI(gtin: try GTIN(checking: "6934567000019"), lot: "LZY-2610-01", index: 7)
        let unknown = service.labelWriter.uri(
            gtin: try GTIN(checking: "6970000000000"), lot: "X1", serial: forgedSerial)
        return Links(
            genuine: genuine, forged: forged, recalled: recalled, expired: expired, suspectedClone: clone,
            unknown: unknown)
    }
}
