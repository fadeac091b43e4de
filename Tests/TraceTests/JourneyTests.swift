import Testing
import Trace

@Suite("The buyer's journey from a unit's events")
struct JourneyTests {
    @Test("business steps and dispositions map to 产地 → 出厂 → 运输 → 上架 → 售出")
    func stages() {
        #expect(JourneyStage.of(bizStep: "https://ref.gs1.org/cbv/BizStep-commissioning", disposition: nil) == .origin)
        #expect(JourneyStage.of(bizStep: "urn:epcglobal:cbv:bizstep:shipping", disposition: nil) == .shipped)
        #expect(JourneyStage.of(bizStep: "arriving", disposition: nil) == .transit)
        #expect(JourneyStage.of(bizStep: "https://ref.gs1.org/cbv/BizStep-stocking", disposition: nil) == .shelved)
        #expect(
            JourneyStage.of(
                bizStep: "https://ref.gs1.org/cbv/BizStep-retail_selling",
                disposition: "https://ref.gs1.org/cbv/Disp-sellable_accessible") == .shelved)
        #expect(JourneyStage.of(bizStep: "https://ref.gs1.org/cbv/BizStep-retail_selling", disposition: nil) == .sold)
        #expect(JourneyStage.of(bizStep: "holding", disposition: "https://ref.gs1.org/cbv/Disp-retail_sold") == .sold)
        #expect(JourneyStage.of(bizStep: "https://ref.gs1.org/cbv/BizStep-holding", disposition: nil) == nil)
        #expect(JourneyStage.origin.chinese == "产地" && JourneyStage.sold.english == "Sold")
    }

    @Test("steps come in time order; same stage and place merge; a second departure is transit")
    func steps() throws {
        var sequence: Int64 = 0
        func event(_ time: Int64, _ step: String, at place: String, disposition: String? = nil) throws -> TraceEvent {
            sequence += 1
            return TraceEvent(
                sequence: sequence, hash: EventHash(preHash: "\(sequence)"), eventID: "e\(sequence)",
                type: "ObjectEvent",
                action: "OBSERVE", eventTime: time, bizStep: "https://ref.gs1.org/cbv/BizStep-" + step,
                disposition: disposition, readPoint: nil, bizLocation: place, identifiers: [])
        }
        let events = [
            try event(50, "retail_selling", at: "shop"), try event(10, "packing", at: "factory"),
            try event(0, "commissioning", at: "factory"), try event(20, "shipping", at: "factory"),
            try event(25, "holding", at: "yard"), try event(30, "receiving", at: "hub"),
            try event(35, "shipping", at: "hub"), try event(40, "receiving", at: "shop"),
            try event(45, "stocking", at: "shop"),
        ]

        let journey = Journey(events: events + events.prefix(2))

        #expect(journey.steps.map(\.stage) == [.origin, .shipped, .transit, .transit, .shelved, .sold])
        #expect(journey.steps.map(\.eventTime) == [0, 20, 30, 40, 45, 50])
        #expect(journey.steps.map(\.place) == ["factory", "factory", "hub", "shop", "shop", "shop"])
        #expect(journey.steps.first?.bizStep == "commissioning")
    }
}
