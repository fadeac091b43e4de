import Access
import Foundation
import Passport
import QualityCore
import Storage
import Testing

extension StoreConformance {
    // MARK: Products

    @Test("products round-trip every field, set or nil, and list by GTIN", arguments: StoreFixture.all)
    func products(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let other = try await stores.access.createOrganisation(name: "Rival Foods", role: .producer)
            let full = Sample.fullProduct(gtin: try Sample.gtin(item: 2), owner: dairy.id)
            let bare = Sample.bareProduct(gtin: try Sample.gtin(item: 1), owner: dairy.id)
            let foreign = Sample.bareProduct(gtin: try Sample.gtin(prefix: "6909999", item: 1), owner: other.id)

            for product in [full, bare, foreign] { try await stores.passport.createProduct(product) }

            #expect(try await stores.passport.product(gtin: full.gtin) == full)
            #expect(try await stores.passport.product(gtin: bare.gtin) == bare)
            #expect(try await stores.passport.product(gtin: try Sample.gtin(item: 3)) == nil)
            #expect(try await stores.passport.products(ownedBy: dairy.id) == [bare, full])
            #expect(try await stores.passport.products(ownedBy: other.id + 1).isEmpty)
        }
    }

    @Test("a registered GTIN is a conflict; an unknown owner is not found", arguments: StoreFixture.all)
    func badProducts(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let product = Sample.bareProduct(gtin: try Sample.gtin(item: 1), owner: dairy.id)
            try await stores.passport.createProduct(product)

            var renamed = product
            renamed.name = "Another name"
            let duplicate = await #expect(throws: QualityError.self) {
                try await stores.passport.createProduct(renamed)
            }
            let orphan = await #expect(throws: QualityError.self) {
                try await stores.passport.createProduct(
                    Sample.bareProduct(gtin: try Sample.gtin(item: 2), owner: dairy.id + 1))
            }

            #expect(duplicate?.kind == .conflict)
            #expect(duplicate?.code == "product_exists")
            #expect(orphan?.kind == .notFound)
            #expect(orphan?.code == "organisation_not_found")
            #expect(try await stores.passport.product(gtin: product.gtin) == product)
        }
    }

    // MARK: Batches

    @Test("batches round-trip every field, set or nil, and list by production date", arguments: StoreFixture.all)
    func batches(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let gtin = try Sample.gtin(item: 1)
            try await stores.passport.createProduct(Sample.bareProduct(gtin: gtin, owner: dairy.id))
            let full = Batch(
                gtin: gtin, lot: "A-2026/01", producedOn: try Sample.day("2026-01-05"),
                expiresOn: try Sample.day("2026-07-05"), factoryGLN: "6901234000017", quantity: 120_000,
                labReport: "CMA-2026-000123", createdAt: Sample.instant(plusMilliseconds: 1))
            let early = try Sample.bareBatch(gtin: gtin, lot: "Z9")

            try await stores.passport.createBatch(full)
            try await stores.passport.createBatch(early)

            #expect(try await stores.passport.batch(gtin: gtin, lot: "A-2026/01") == full)
            #expect(try await stores.passport.batch(gtin: gtin, lot: "Z9") == early)
            #expect(try await stores.passport.batch(gtin: gtin, lot: "missing") == nil)
            #expect(try await stores.passport.batches(gtin: gtin) == [early, full])
            #expect(try await stores.passport.batches(gtin: try Sample.gtin(item: 2)).isEmpty)
        }
    }

    @Test("a known lot is a conflict; a batch of an unknown product is not found", arguments: StoreFixture.all)
    func badBatches(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, batch) = try await Sample.producerWithBatch(stores)

            let duplicate = await #expect(throws: QualityError.self) {
                try await stores.passport.createBatch(batch)
            }
            let orphan = await #expect(throws: QualityError.self) {
                try await stores.passport.createBatch(try Sample.bareBatch(gtin: try Sample.gtin(item: 9)))
            }

            #expect(duplicate?.kind == .conflict)
            #expect(duplicate?.code == "batch_exists")
            #expect(orphan?.kind == .notFound)
            #expect(orphan?.code == "product_not_found")
        }
    }

    // MARK: Recalls

    @Test("a recall is recorded with who, when and why, and can be lifted", arguments: StoreFixture.all)
    func recall(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (_, batch) = try await Sample.producerWithBatch(stores)
            let regulator = try await stores.access.createOrganisation(name: "SAMR Beijing", role: .regulator)
            let recall = Recall(
                recalledAt: Sample.instant(plusMilliseconds: 86_400_000), byOrganisationID: regulator.id,
                reason: "沙门氏菌超标")

            try await stores.passport.setRecall(recall, gtin: batch.gtin, lot: batch.lot)
            let recalled = try await stores.passport.batch(gtin: batch.gtin, lot: batch.lot)
            try await stores.passport.setRecall(nil, gtin: batch.gtin, lot: batch.lot)
            let lifted = try await stores.passport.batch(gtin: batch.gtin, lot: batch.lot)

            #expect(recalled?.recall == recall)
            #expect(lifted?.recall == nil)
            #expect(lifted == batch)
        }
    }

    @Test("recalling an unknown batch is not found", arguments: StoreFixture.all)
    func recallUnknownBatch(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (producer, batch) = try await Sample.producerWithBatch(stores)
            let recall = Recall(recalledAt: Sample.instant, byOrganisationID: producer.id, reason: "test")

            let error = await #expect(throws: QualityError.self) {
                try await stores.passport.setRecall(recall, gtin: batch.gtin, lot: "other")
            }

            #expect(error?.kind == .notFound)
            #expect(error?.code == "batch_not_found")
        }
    }
}
