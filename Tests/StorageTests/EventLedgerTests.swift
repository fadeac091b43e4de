import Access
import Foundation
import Ledger
import QualityCore
import Storage
import Testing
import Trace

/// Captured EPCIS events in the ledger, on both backends: each newly stored event appends one
/// entry naming it by its event hash, a re-capture appends nothing, an event stored without its
/// entry (a crash between the two steps) is appended by the repair, and the log audits clean.
@Suite("Captured events in the ledger")
struct EventLedgerTests {
    @Test("a capture appends one entry per new event; a re-capture appends none", arguments: StoreFixture.all)
    func captureAppends(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let ledger = Ledger(store: stores.ledger, signer: LedgerSample.signer)
            let capture = EventCapture(store: stores.events, ledger: ledger)
            let producer = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)

            let first = try await capture.capture(Array(EventSample.document.utf8), by: producer.id)
            #expect(first.success && first.acceptedCount == first.eventCount && first.eventCount > 1)
            #expect(try await ledger.treeHead().size == UInt64(first.eventCount))

            let again = try await capture.capture(Array(EventSample.document.utf8), by: producer.id)
            #expect(again.duplicateCount == first.eventCount)
            #expect(try await ledger.treeHead().size == UInt64(first.eventCount))

            let more = try await capture.capture(Array(EventSample.documentWithOneMore().utf8), by: nil)
            #expect(more.acceptedCount == 1)
            #expect(try await ledger.treeHead().size == UInt64(first.eventCount) + 1)
            #expect(try await stores.events.eventsMissingLedgerIndex(captureID: nil, recordedBefore: nil, limit: 10).isEmpty)

            // Each entry names a stored event and digests its stored JSON.
            let stored = try await stores.events.events(matching: EventQuery()).events
            let leaves = try await stores.ledger.ledgerLeaves(from: 0, limit: 100)
            let entries = try leaves.map { try $0.entry() }
            #expect(entries.allSatisfy { $0.kind == .epcisEvent && $0.record.table == "epcis_events" })
            #expect(Set(entries.map(\.record.key)) == Set(stored.map(\.hash.uri)))
            // The last stored event came from the import without an organisation; the rest from
            // the producer's capture.
            for (position, event) in stored.enumerated() {
                let entry = try #require(entries.first { $0.record.key == event.hash.uri })
                #expect(entry.payloadDigest == LedgerHash.sha256(of: Array(event.json.utf8)))
                #expect(entry.microsecondsSince1970 == event.recordTime)
                #expect(entry.actor == (position == stored.count - 1 ? "system" : "organisation:\(producer.id)"))
            }

            try await ledger.close()
            let report = try await LedgerAudit(store: stores.ledger, verifier: LedgerSample.signer.verifierKey).run()
            #expect(report.isClean, "\(report.problem?.message ?? "")")
        }
    }

    @Test("events stored without their entry are appended by the repair, after the grace period", arguments: StoreFixture.all)
    func repairAppendsMissing(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            // Stored as a crash would leave them: the capture committed, the append never made.
            let recorded = Date(timeIntervalSince1970: 1_790_000_000)
            let job = try await EventSample.capture(into: stores, at: recorded)
            let ledger = Ledger(store: stores.ledger, signer: LedgerSample.signer)
            let capture = EventCapture(store: stores.events, ledger: ledger)
            #expect(try await stores.events.eventsMissingLedgerIndex(captureID: job.id, recordedBefore: nil, limit: 100).count == job.eventCount)

            // Within the grace period nothing is taken: the capture's own request may still append.
            #expect(try await capture.appendMissingLedgerEntries(grace: 300, now: recorded + 60) == 0)
            #expect(try await capture.appendMissingLedgerEntries(grace: 300, now: recorded + 600) == job.eventCount)
            #expect(try await capture.appendMissingLedgerEntries(grace: 300, now: recorded + 600) == 0)
            #expect(try await ledger.treeHead().size == UInt64(job.eventCount))

            await #expect(throws: QualityError.self) {
                try await stores.events.recordLedgerIndexes([EventLedgerPosition(sequence: 9_999_999, index: 0)])
            }
            try await ledger.close()
            let report = try await LedgerAudit(store: stores.ledger, verifier: LedgerSample.signer.verifierKey).run()
            #expect(report.isClean, "\(report.problem?.message ?? "")")
        }
    }
}
