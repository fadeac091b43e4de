import Access
import Foundation
import QualityCore
import Storage
import Testing
import Trace

extension StoreConformance {
    /// Captures the recall sample, as `organisationID` when given.
    func captureRecallSample(_ stores: Stores, by organisationID: Int64? = nil) async throws {
        let job = try await EventCapture(store: stores.events).capture(
            Array(RecallSample.document.utf8), by: organisationID)
        #expect(job.success, "\(job.errors)")
    }

    @Test(
        "a lot's recall scope: its units, three packing levels net of unpacking, places, orders and lots downstream",
        arguments: StoreFixture.all)
    func recallScopeOfLot(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            try await captureRecallSample(stores)

            let scope = try await RecallScopeSearch(store: stores.recallScope).scope(
                gtin: RecallSample.gtin, lot: "L1", visibleTo: nil)

            let id = RecallSample.id
            #expect(
                scope.units
                    == [
                        "https://id.gs1.org/01/06901234000016/21/1001", "https://id.gs1.org/01/06901234000016/21/1002",
                        "https://id.gs1.org/01/06901234000016/21/1003", "https://id.gs1.org/01/06901234000016/21/1004",
                        "https://id.gs1.org/01/06901234000016/21/1010", "https://id.gs1.org/01/06901234000016/21/A7",
                        "https://id.gs1.org/01/06901234000023/21/9001",
                    ])
            #expect(Set(scope.containers) == Set([1, 2, 4, 9, 6, 7].map { id(RecallSample.sscc($0)) }))
            #expect(
                scope.lots == [
                    "https://id.gs1.org/01/06901234000016/10/L1", "https://id.gs1.org/01/06901234000023/10/B1",
                    "https://id.gs1.org/01/06901234000030/10/C1",
                ])
            #expect(
                Set(scope.locations) == Set(["1", "2", "3", "4", "5", "6", "7"].map { id(RecallSample.place($0)) }))
            #expect(
                scope.orders == [
                    "urn:epcglobal:cbv:bt:6901234000009:ASN-5", "urn:epcglobal:cbv:bt:6901234000009:MO-3",
                    "urn:epcglobal:cbv:bt:6901234000009:PO-77",
                ])
            #expect(
                scope.counts
                    == .init(units: 7, containers: 6, locations: 7, orders: 3, lots: 3))
        }
    }

    @Test(
        "a serial range narrows the units and their containers; edges count, numbers compare as numbers",
        arguments: StoreFixture.all)
    func recallScopeOfRange(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            try await captureRecallSample(stores)
            let search = RecallScopeSearch(store: stores.recallScope)
            func scope(_ from: String?, _ to: String?) async throws -> RecallScope {
                try await search.scope(
                    gtin: RecallSample.gtin, lot: "L1", serials: try SerialRange(from: from, to: to), visibleTo: nil)
            }
            let serials = { (scope: RecallScope) in
                scope.units.map { $0.components(separatedBy: "/21/").last ?? "" }
            }

            let middle = try await scope("1002", "1004")
            let single = try await scope("1010", "1010")
            let numeric = try await scope("9", "1001")
            let lettered = try await scope("A", "A9")
            let open = try await scope("1004", nil)

            #expect(serials(middle) == ["1002", "1003", "1004", "9001"])
            #expect(Set(middle.containers) == Set([1, 2, 4, 9, 6].map { RecallSample.id(RecallSample.sscc($0)) }))
            #expect(middle.lots.count == 3)
            #expect(serials(single) == ["1010"] && single.containers.isEmpty && single.lots.count == 1)
            #expect(serials(numeric) == ["1001"])
            #expect(serials(lettered) == ["A7"])
            #expect(Set(lettered.containers) == Set([2, 4, 9].map { RecallSample.id(RecallSample.sscc($0)) }))
            #expect(serials(open) == ["1004", "1010", "A7"])
            #expect(open.containers.count == 3)
        }
    }

    @Test(
        "recall scoping refuses a bad GTIN, an empty lot and an inverted range; sees only what it may",
        arguments: StoreFixture.all)
    func recallScopeBadInputAndVisibility(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let producer = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let other = try await stores.access.createOrganisation(name: "Rival Foods", role: .producer)
            try await captureRecallSample(stores, by: producer.id)
            let search = RecallScopeSearch(store: stores.recallScope)

            let badGTIN = await #expect(throws: QualityError.self) {
                try await search.scope(gtin: "6901234000017", lot: "L1", visibleTo: nil)
            }
            let emptyLot = await #expect(throws: QualityError.self) {
                try await search.scope(gtin: RecallSample.gtin, lot: "", visibleTo: nil)
            }
            let inverted = #expect(throws: QualityError.self) { try SerialRange(from: "1004", to: "1002") }
            let own = try await search.scope(gtin: RecallSample.gtin, lot: "L1", visibleTo: producer.id)
            let foreign = try await search.scope(gtin: RecallSample.gtin, lot: "L1", visibleTo: other.id)
            let unknown = try await search.scope(gtin: RecallSample.gtin, lot: "L9", visibleTo: nil)

            #expect(badGTIN?.kind == .invalid && emptyLot?.code == "bad_lot")
            #expect(inverted?.code == "inverted_serial_range")
            #expect(own.counts.units == 7 && own.counts.containers == 6)
            #expect(foreign.units.isEmpty && foreign.containers.isEmpty && foreign.orders.isEmpty)
            #expect(foreign.lots == ["https://id.gs1.org/01/06901234000016/10/L1"])
            #expect(unknown.units.isEmpty && unknown.counts.lots == 1)
        }
    }

    @Test(
        "the lot index takes events captured later, including ones naming units learnt earlier",
        arguments: StoreFixture.all)
    func recallScopeIndexesLaterCaptures(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            // Packing first, commissioning after: the index must reach back to the packing.
            let packing = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2026-04-01T00:00:00Z", "epcisBody": {"eventList": [
                \(RecallSample.event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(RecallSample.sscc(1))", "childEPCs": ["\#(RecallSample.unit("1001"))"]"#))
                ]}}
                """
            let commissioning = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2026-04-01T00:00:00Z", "epcisBody": {"eventList": [
                \(RecallSample.event(1, #""type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "epcList": ["\#(RecallSample.unit("1001"))"], "ilmd": {"cbvmda:lotNumber": "L1"}"#))
                ]}}
                """
            let capture = EventCapture(store: stores.events)
            let search = RecallScopeSearch(store: stores.recallScope)
            _ = try await capture.capture(Array(packing.utf8), by: nil)
            let before = try await search.scope(gtin: RecallSample.gtin, lot: "L1", visibleTo: nil)
            _ = try await capture.capture(Array(commissioning.utf8), by: nil)
            let after = try await search.scope(gtin: RecallSample.gtin, lot: "L1", visibleTo: nil)
            let again = try await stores.recallScope.indexLots()

            #expect(before.units.isEmpty)
            #expect(after.units == ["https://id.gs1.org/01/06901234000016/21/1001"])
            #expect(after.containers == [RecallSample.id(RecallSample.sscc(1))])
            #expect(again == 0)
        }
    }
}
