import Access
import Foundation
import Ledger
import Passport
import QualityCore
import Storage
import Testing

/// Passport writes through `PassportService` with a ledger, on both backends: each write appends
/// its entry, an issuance keeps the position of its manifest, the entries point back to their
/// records, and the log audits clean.
@Suite("Passport writes in the ledger")
struct PassportLedgerTests {
    /// The service over the stores, appending to a ledger signed by the test key.
    static func service(_ stores: Stores) -> (PassportService, Ledger) {
        let ledger = Ledger(store: stores.ledger, signer: LedgerSample.signer)
        let service = PassportService(
            store: stores.passport, access: stores.access, stem: "https://id.test.example", ledger: ledger)
        return (service, ledger)
    }

    @Test("issuing codes appends one manifest leaf that points back to the issuance", arguments: StoreFixture.all)
    func issuanceManifest(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, ledger) = Self.service(stores)
            let producer = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: producer.id)
            let gtin = try Sample.gtin(item: 1)
            _ = try await service.registerProduct(
                ProductDraft(gtin: gtin.gtin14, name: "Pure milk", category: "food"), by: producer)
            _ = try await service.registerBatch(
                BatchDraft(gtin: gtin.gtin14, lot: "L/001", produced: "2026-01-01"), by: producer)
            let before = try await ledger.treeHead().size

            let issuance = try await service.issueCodes(gtin: gtin, lot: "L/001", count: 250, by: producer)
            let second = try await service.issueCodes(gtin: gtin, lot: "L/001", count: 10, by: producer)

            #expect(try await ledger.treeHead().size == before + 2)
            let position = try #require(issuance.ledgerIndex)
            #expect(position == before)
            #expect(second.ledgerIndex == before + 1)
            let stored = try await stores.passport.issuances(gtin: gtin, lot: "L/001")
            #expect(stored.map(\.ledgerIndex) == [before, before + 1])
            let leaf = try #require(try await stores.ledger.ledgerLeaves(from: position, limit: 1).first)
            let entry = try leaf.entry()
            #expect(entry.kind == .codeIssuance)
            #expect(entry.record == LedgerRecordReference(table: "issuances", key: String(issuance.id)))
            #expect(entry.actor == "organisation:\(producer.id)")
            let manifest = IssuanceManifest(stored[0])
            #expect(entry.payloadDigest == manifest.digest)
            #expect(manifest.covers(index: 249) && !manifest.covers(index: 250))
            #expect(try IssuanceManifest(parsing: manifest.text) == manifest)

            try await ledger.close()
            let checkpoint = try #require(try await stores.ledger.latestLedgerCheckpoint())
            let opened = try Checkpoint.open(checkpoint.note, verifier: LedgerSample.signer.verifierKey)
            let proof = try await ledger.inclusionProof(index: position, size: opened.treeSize)
            try proof.verify(leafHash: try manifest.entry.leafHash(), root: opened.rootHash)
            let report = try await LedgerAudit(store: stores.ledger, verifier: LedgerSample.signer.verifierKey).run()
            #expect(report.isClean, "\(report.problem?.message ?? "")")
        }
    }

    @Test("registrations, a recall and its lifting each append an entry naming the record", arguments: StoreFixture.all)
    func passportChanges(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let (service, ledger) = Self.service(stores)
            let producer = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let regulator = try await stores.access.createOrganisation(name: "Market Regulator", role: .regulator)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: producer.id)
            let gtin = try Sample.gtin(item: 2)

            let product = try await service.registerProduct(
                ProductDraft(gtin: gtin.gtin14, name: "Rice 5 kg", category: "food"), by: producer)
            let batch = try await service.registerBatch(
                BatchDraft(gtin: gtin.gtin14, lot: "R1", produced: "2026-02-01"), by: producer)
            let recalled = try await service.recall(gtin: gtin, lot: "R1", reason: "mould", by: regulator)
            let lifted = try await service.liftRecall(gtin: gtin, lot: "R1", reason: "retested: safe", by: regulator)
            await #expect(throws: QualityError.self) {
                try await service.liftRecall(gtin: gtin, lot: "R1", reason: "again", by: regulator)
            }

            #expect(recalled.recall != nil && lifted.recall == nil)
            #expect(try await stores.passport.batch(gtin: gtin, lot: "R1")?.recall == nil)
            let entries = try await stores.ledger.ledgerLeaves(from: 0, limit: 10).map { try $0.entry() }
            #expect(entries.map(\.kind) == [.passportChange, .passportChange, .recall, .recallStatus])
            #expect(entries[0].record == LedgerRecordReference(table: "products", key: gtin.gtin14))
            #expect(entries[0] == (try PassportLedgerEntry.product(product)))
            #expect(entries[1] == (try PassportLedgerEntry.batch(batch, by: producer.id)))
            let batchKey = LedgerRecordReference(table: "batches", key: "\(gtin.gtin14)/R1")
            #expect(entries[1...].allSatisfy { $0.record == batchKey })
            #expect(entries[2].actor == "organisation:\(regulator.id)")
            #expect(entries[2].payloadDigest != entries[3].payloadDigest)
            #expect(
                entries[2] == (try PassportLedgerEntry.recall(try #require(recalled.recall), gtin: gtin, lot: "R1")))

            try await ledger.close()
            let report = try await LedgerAudit(store: stores.ledger, verifier: LedgerSample.signer.verifierKey).run()
            #expect(report.isClean, "\(report.problem?.message ?? "")")
            #expect(report.entriesChecked == 4)
        }
    }

    @Test("manifests of issuances that never reached the ledger are appended later", arguments: StoreFixture.all)
    func missingManifests(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let producer = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: producer.id)
            let gtin = try Sample.gtin(item: 4)
            // Written as if the process stopped between storing each issuance and appending it.
            let tenMinutesAgo = Date().addingTimeInterval(-600)
            let unlogged = PassportService(
                store: stores.passport, access: stores.access, stem: "https://id.test.example",
                now: { tenMinutesAgo })
            _ = try await unlogged.registerProduct(
                ProductDraft(gtin: gtin.gtin14, name: "Tea", category: "food"), by: producer)
            _ = try await unlogged.registerBatch(
                BatchDraft(gtin: gtin.gtin14, lot: "T1", produced: "2026-03-01"), by: producer)
            let old = try await unlogged.issueCodes(gtin: gtin, lot: "T1", count: 5, by: producer)
            let older = try await unlogged.issueCodes(gtin: gtin, lot: "T1", count: 5, by: producer)
            let justNow = try await PassportService(
                store: stores.passport, access: stores.access, stem: "https://id.test.example"
            ).issueCodes(gtin: gtin, lot: "T1", count: 5, by: producer)
            #expect(old.ledgerIndex == nil && older.ledgerIndex == nil && justNow.ledgerIndex == nil)

            let (service, ledger) = Self.service(stores)
            let appended = try await service.appendMissingIssuanceManifests(grace: 60)
            let again = try await service.appendMissingIssuanceManifests(grace: 60)

            #expect(appended == 2 && again == 0)
            let stored = try await stores.passport.issuances(gtin: gtin, lot: "T1")
            #expect(stored.map(\.ledgerIndex) == [0, 1, nil], "the recent issuance is left to its own request")
            for issuance in stored.prefix(2) {
                let position = try #require(issuance.ledgerIndex)
                let leaf = try #require(try await stores.ledger.ledgerLeaves(from: position, limit: 1).first)
                #expect(try leaf.entry() == IssuanceManifest(issuance).entry)
            }
            try await ledger.close()
            let report = try await LedgerAudit(store: stores.ledger, verifier: LedgerSample.signer.verifierKey).run()
            #expect(report.isClean, "\(report.problem?.message ?? "")")
        }
    }

    @Test("a manifest text that is not canonical is refused")
    func manifestParsing() throws {
        let issuance = Issuance(
            id: 7, gtin: try Sample.gtin(item: 3), lot: "LOT 1", firstIndex: 100, count: 5, issuedBy: 2,
            issuedAt: Sample.instant)
        let manifest = IssuanceManifest(issuance)
        #expect(manifest.issuedAtMicroseconds == 1_767_225_600_123_000)
        // The text auditors recompute, pinned as docs/ledger.md documents it.
        #expect(
            manifest.text
                == "qualityloop code issuance v1\nid 7\ngtin 06901234000030\nlot LOT 1\nfirst 100\ncount 5\nissued_by 2\nissued_at 1767225600123000\n"
        )
        #expect(try IssuanceManifest(parsing: manifest.text) == manifest)
        for bad in [
            manifest.text.replacingOccurrences(of: "count 5", with: "count 05"),
            manifest.text.replacingOccurrences(of: "first 100", with: "start 100"),
            String(manifest.text.dropLast()),
            manifest.text + "extra 1\n",
            manifest.text.replacingOccurrences(of: "v1", with: "v2"),
        ] {
            #expect(throws: QualityError.self) { try IssuanceManifest(parsing: bad) }
        }
    }
}
