import Access
import Foundation
import QualityCore
import Storage
import Testing
import Trace

extension StoreConformance {
    @Test(
        "a captured document is stored whole and a second capture of it is all duplicates", arguments: StoreFixture.all)
    func captureIsIdempotent(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let first = try await EventSample.capture(into: stores, at: Date(timeIntervalSince1970: 1_800_000_000))
            let second = try await EventSample.capture(into: stores, at: Date(timeIntervalSince1970: 1_800_000_001))
            let third = try await EventSample.capture(
                EventSample.documentWithOneMore(), into: stores, at: Date(timeIntervalSince1970: 1_800_000_002))

            #expect(first.success && first.eventCount == 4 && first.acceptedCount == 4 && first.duplicateCount == 0)
            #expect(second.success && second.acceptedCount == 0 && second.duplicateCount == 4)
            #expect(third.acceptedCount == 1 && third.duplicateCount == 4)
            #expect(
                try await EventSample.steps(stores)
                    == ["commissioning", "packing", "shipping", "commissioning", "retail_selling"])
            #expect(try await stores.events.captureJob(id: second.id) == second)
            #expect(try await stores.events.captureJobs(of: nil, limit: 2) == [third, second])
        }
    }

    @Test("two captures of one document at once store it once, both succeeding", arguments: StoreFixture.all)
    func concurrentCaptures(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            async let first = EventSample.capture(into: stores)
            async let second = EventSample.capture(into: stores)
            let jobs = try await [first, second]

            #expect(jobs.allSatisfy { $0.success })
            #expect(jobs.map(\.acceptedCount).reduce(0, +) == 4)
            #expect(jobs.map(\.duplicateCount).reduce(0, +) == 4)
            #expect(try await EventSample.steps(stores).count == 4)
        }
    }

    @Test("an event repeated inside one document is stored once", arguments: StoreFixture.all)
    func duplicateInsideDocument(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let repeated =
                #"{"type": "ObjectEvent", "eventTime": "2026-03-01T00:00:00Z", "eventTimeZoneOffset": "+08:00", "epcList": ["\#(EventSample.unit1URN)"], "action": "OBSERVE"}"#
            let sameInstant =
                #"{"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "epcList": ["\#(EventSample.unit1URN)"], "action": "OBSERVE"}"#
            let doubled = EventSample.document.replacingOccurrences(
                of: #""eventList": ["#, with: #""eventList": ["# + repeated + ", " + sameInstant + ",")

            let job = try await EventSample.capture(doubled, into: stores)

            #expect(job.eventCount == 6)
            #expect(job.acceptedCount == 5)
            #expect(job.duplicateCount == 1)
        }
    }

    @Test(
        "a document with an error is rejected whole: its job keeps every reason, no event is stored",
        arguments: StoreFixture.all)
    func rejectedCapture(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let broken = EventSample.document
                .replacingOccurrences(of: #""bizStep": "packing""#, with: #""bizStep": "wrapping""#)
                .replacingOccurrences(
                    of: #""eventTime": "2026-03-03T08:00:00+08:00""#, with: #""eventTime": "03/03/2026""#)

            let job = try await EventSample.capture(broken, into: stores)

            #expect(!job.success)
            #expect(job.acceptedCount == 0)
            #expect(job.errors.map(\.path).contains("epcisBody.eventList[1].bizStep"))
            #expect(job.errors.map(\.path).contains("epcisBody.eventList[2].eventTime"))
            #expect(try await stores.events.captureJob(id: job.id) == job)
            #expect(try await EventSample.steps(stores).isEmpty)
        }
    }

    @Test("a capture that fails in the store leaves neither job nor events", arguments: StoreFixture.all)
    func failedCaptureLeavesNothing(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            await #expect(throws: (any Error).self) {
                try await EventSample.capture(into: stores, by: 999)
            }

            #expect(try await EventSample.steps(stores).isEmpty)
            let retry = try await EventSample.capture(into: stores)
            #expect(retry.acceptedCount == 4)
        }
    }

    @Test("an unknown capture job is nil", arguments: StoreFixture.all)
    func unknownJob(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let job = try await stores.events.captureJob(id: "cap_000000000000000000000000")
            #expect(job == nil)
        }
    }

    @Test("queries select by type, times, action, step, disposition and locations", arguments: StoreFixture.all)
    func queryByFields(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let recordedAt = Date(timeIntervalSince1970: 1_800_000_000)
            _ = try await EventSample.capture(into: stores, at: recordedAt)
            let march2 = try #require(EPCISTimestamp("2026-03-02T00:00:00Z").microsecondsSince1970)
            let march3 = try #require(EPCISTimestamp("2026-03-03T08:00:00+08:00").microsecondsSince1970)
            let recorded = Int64(1_800_000_000) * 1_000_000

            #expect(
                try await EventSample.steps(stores) { $0.eventTypes = ["ObjectEvent"] } == [
                    "commissioning", "shipping",
                ])
            #expect(
                try await EventSample.steps(stores) { $0.eventTypes = ["AggregationEvent", "TransformationEvent"] }
                    == ["packing", "commissioning"])
            #expect(
                try await EventSample.steps(stores) { $0.eventTimeFrom = march2 } == [
                    "packing", "shipping", "commissioning",
                ])
            #expect(
                try await EventSample.steps(stores) { $0.eventTimeBefore = march3 } == ["commissioning", "packing"])
            #expect(try await EventSample.steps(stores) { $0.recordTimeFrom = recorded }.count == 4)
            #expect(try await EventSample.steps(stores) { $0.recordTimeFrom = recorded + 1 }.isEmpty)
            #expect(try await EventSample.steps(stores) { $0.recordTimeBefore = recorded + 1 }.count == 4)
            #expect(try await EventSample.steps(stores) { $0.actions = ["OBSERVE"] } == ["shipping"])
            #expect(
                try await EventSample.steps(stores) { $0.bizSteps = ["https://ref.gs1.org/cbv/BizStep-packing"] }
                    == ["packing"])
            #expect(
                try await EventSample.steps(stores) { $0.dispositions = ["https://ref.gs1.org/cbv/Disp-in_transit"] }
                    == ["shipping"])
            let factory = EPCISIdentifier(EventSample.factory).canonical
            let warehouse = EPCISIdentifier(EventSample.warehouse).canonical
            #expect(try await EventSample.steps(stores) { $0.readPoints = [factory] } == ["commissioning", "packing"])
            #expect(try await EventSample.steps(stores) { $0.bizLocations = [warehouse] } == ["shipping"])
            #expect(
                try await EventSample.steps(stores) {
                    $0.readPoints = [warehouse]
                    $0.eventTypes = ["TransformationEvent"]
                } == ["commissioning"])
        }
    }

    @Test(
        "identifier matches treat an EPC URN and a Digital Link of one key as one identity", arguments: StoreFixture.all
    )
    func queryByIdentifiers(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            _ = try await EventSample.capture(into: stores)
            let unit1 = EventSample.unit1
            let unit2 = EPCISIdentifier(EventSample.unit2URN).canonical
            let pallet = EPCISIdentifier(EventSample.pallet).canonical
            let lot = EPCISIdentifier(EventSample.outputLot).canonical
            func match(_ parameter: String, _ identities: [String]) -> EventQuery.IdentifierMatch {
                EventQuery.IdentifierMatch(identities: identities, roles: EventQuery.matchRoles[parameter] ?? [])
            }

            #expect(EPCISIdentifier(EventSample.unit1Link).canonical == unit1)
            #expect(
                try await EventSample.steps(stores) { $0.matches = [match("MATCH_epc", [unit1])] } == [
                    "commissioning", "packing",
                ])
            #expect(
                try await EventSample.steps(stores) { $0.matches = [match("MATCH_anyEPC", [unit1])] }
                    == ["commissioning", "packing", "commissioning"])
            #expect(
                try await EventSample.steps(stores) { $0.matches = [match("MATCH_parentID", [pallet])] } == ["packing"])
            #expect(try await EventSample.steps(stores) { $0.matches = [match("MATCH_epc", [pallet])] } == ["shipping"])
            #expect(
                try await EventSample.steps(stores) { $0.matches = [match("MATCH_inputEPC", [unit1])] } == [
                    "commissioning"
                ])
            #expect(
                try await EventSample.steps(stores) { $0.matches = [match("MATCH_outputEPCClass", [lot])] } == [
                    "commissioning"
                ])
            #expect(try await EventSample.steps(stores) { $0.matches = [match("MATCH_epcClass", [lot])] }.isEmpty)
            #expect(
                try await EventSample.steps(stores) {
                    $0.matches = [match("MATCH_anyEPC", [unit1]), match("MATCH_epc", [unit2, pallet])]
                } == ["commissioning", "packing"])
            #expect(
                try await EventSample.steps(stores) {
                    $0.matches = [match("MATCH_parentID", [pallet]), match("MATCH_epc", [unit2])]
                } == ["packing"])
            let pattern = try EventQuery(
                parameters: [("MATCH_anyEPC", "urn:epc:idpat:sgtin:6901234.000001.*|\(EventSample.pallet)")],
                visibleTo: nil)
            let otherProduct = try EventQuery(
                parameters: [("MATCH_epc", "urn:epc:idpat:sgtin:6901234.000002.*")], visibleTo: nil)
            #expect(
                try await stores.events.events(matching: pattern).events.map { EventSample.step(of: $0.json) }
                    == ["commissioning", "packing", "shipping", "commissioning"])
            #expect(try await stores.events.events(matching: otherProduct).events.isEmpty)
        }
    }

    @Test("pages follow capture order and end without a next position", arguments: StoreFixture.all)
    func paging(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            _ = try await EventSample.capture(into: stores)
            var query = EventQuery()
            query.limit = 3

            let first = try await stores.events.events(matching: query)
            let next = try #require(first.next)
            query.after = next
            let second = try await stores.events.events(matching: query)
            var whole = EventQuery()
            whole.limit = 4
            let exact = try await stores.events.events(matching: whole)

            #expect(first.events.map { EventSample.step(of: $0.json) } == ["commissioning", "packing", "shipping"])
            #expect(second.events.map { EventSample.step(of: $0.json) } == ["commissioning"])
            #expect(second.next == nil)
            #expect(exact.events.count == 4 && exact.next == nil)
        }
    }

    @Test(
        "an organisation sees the events it captured, first or again; the event ID finds an event",
        arguments: StoreFixture.all)
    func visibilityAndEventIDs(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let market = try await stores.access.createOrganisation(name: "Jade Market", role: .platform)
            _ = try await EventSample.capture(into: stores, by: dairy.id)

            let mine = try await EventSample.steps(stores) { $0.visibleTo = dairy.id }
            let theirs = try await EventSample.steps(stores) { $0.visibleTo = market.id }
            let stored = try #require(try await stores.events.events(matching: EventQuery()).events.first)
            let byID = try await stores.events.events(withID: stored.eventID, visibleTo: dairy.id)
            let hidden = try await stores.events.events(withID: stored.eventID, visibleTo: market.id)
            let unknown = try await stores.events.events(
                withID: "urn:uuid:00000000-0000-0000-0000-000000000000", visibleTo: nil)

            let recapture = try await EventSample.capture(into: stores, by: market.id)
            let theirsAfter = try await EventSample.steps(stores) { $0.visibleTo = market.id }

            #expect(mine.count == 4)
            #expect(theirs.isEmpty)
            #expect(recapture.duplicateCount == 4)
            #expect(theirsAfter == mine)
            #expect(stored.eventID == stored.hash.uri)
            #expect(byID == [stored])
            #expect(hidden.isEmpty)
            #expect(unknown.isEmpty)
        }
    }

    @Test("the stored JSON reads back as the same event with the same hash", arguments: StoreFixture.all)
    func storedJSONRoundTrips(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            _ = try await EventSample.capture(into: stores)
            let original = try EPCISDocumentDecoder().decode(Array(EventSample.document.utf8))

            let stored = try await stores.events.events(matching: EventQuery()).events
            #expect(stored.map(\.hash) == original.eventHashes)
            for event in stored {
                let reread = try EPCISDocumentDecoder().decode(Array(event.json.utf8))
                #expect(reread.kind == .bareEvent)
                #expect(reread.eventHashes == [event.hash], "\(event.json)")
            }
        }
    }

    @Test("results order by event or record time either way, and pages keep the order", arguments: StoreFixture.all)
    func ordering(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            _ = try await EventCapture(store: stores.events).capture(Array(TraceSample.document.utf8), by: nil)
            func pages(_ order: EventOrder) async throws -> [[String]] {
                var query = EventQuery()
                query.order = order
                query.limit = 4
                var result: [[String]] = []
                while true {
                    let page = try await stores.events.events(matching: query)
                    result.append(page.events.map { EventSample.step(of: $0.json) })
                    guard let next = page.next else { return result }
                    query.after = next
                }
            }

            let ascending = try await pages(.eventTime(ascending: true))
            let descending = try await pages(.eventTime(ascending: false))
            let recorded = try await pages(.recordTime(ascending: false))

            #expect(
                ascending == [
                    ["creating_class_instance", "commissioning", "packing", "staging_outbound"],
                    ["loading", "shipping", "assembling", "repackaging"], ["unpacking"],
                ])
            #expect(
                descending == [
                    ["unpacking", "repackaging", "assembling", "shipping"],
                    ["loading", "staging_outbound", "packing", "commissioning"], ["creating_class_instance"],
                ])
            #expect(
                recorded.flatMap { $0 } == [
                    "unpacking", "creating_class_instance", "repackaging", "assembling", "shipping", "loading",
                    "staging_outbound", "packing", "commissioning",
                ])
        }
    }

    @Test("business transactions select by type and identity", arguments: StoreFixture.all)
    func queryByTransaction(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            _ = try await EventSample.capture(into: stores)
            let order = EPCISIdentifier("urn:epcglobal:cbv:bt:6901234000009:PO-7").canonical

            let po = try await EventSample.steps(stores) {
                $0.bizTransactions = [.init(type: "https://ref.gs1.org/cbv/BTT-po", identities: [order])]
            }
            let wrongType = try await EventSample.steps(stores) {
                $0.bizTransactions = [.init(type: "https://ref.gs1.org/cbv/BTT-inv", identities: [order])]
            }
            let wrongOrder = try await EventSample.steps(stores) {
                $0.bizTransactions = [.init(type: "https://ref.gs1.org/cbv/BTT-po", identities: ["urn:x:other"])]
            }

            #expect(po == ["shipping"])
            #expect(wrongType.isEmpty)
            #expect(wrongOrder.isEmpty)
        }
    }
}
