public import QualityCore

/// The way of one unit from its factory to a buyer, as EPCIS events, for the demo world and
/// for tests of the scan page: coded and packed into a case at the factory, shipped on an
/// order, received at a distribution centre, shipped on and received at a shop, unpacked,
/// stocked on the shelf and sold. Captured through `EventCapture` like any other document.
public enum DemoJourney {
    /// A distribution centre's location.
    public static let distributionCentre = "urn:epc:id:sgln:6970001.00001.0"
    /// A shop's location.
    public static let shop = "urn:epc:id:sgln:6970002.00001.0"

    /// The EPCIS 2.0 JSON-LD document of a unit's journey starting on `day` (China time):
    /// `unit` as printed on its label (a Digital Link), `factory` and `case` as EPC URNs.
    public static func document(unit: String, factory: String, case parent: String, startingOn day: CalendarDay)
        -> String
    {
        func at(_ offset: Int, _ hour: Int) -> String {
            CalendarDay(daysSinceEpoch: day.daysSinceEpoch + offset).description
                + "T" + (hour < 10 ? "0" : "") + "\(hour):00:00+08:00"
        }
        func event(_ offset: Int, _ hour: Int, _ body: String, place: String) -> String {
            #"{"eventTime": "\#(at(offset, hour))", "eventTimeZoneOffset": "+08:00", \#(body), "readPoint": {"id": "\#(place)"}, "bizLocation": {"id": "\#(place)"}}"#
        }
        let order =
            #""bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6970002000014:PO-2026-0001"}]"#
        let events = [
            event(
                0, 8,
                #""type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "disposition": "active", "epcList": ["\#(unit)"]"#,
                place: factory),
            event(
                0, 10,
                #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(parent)", "childEPCs": ["\#(unit)"]"#,
                place: factory),
            event(
                1, 9,
                #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "epcList": ["\#(parent)"], \#(order)"#,
                place: factory),
            event(
                3, 14,
                #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress", "epcList": ["\#(parent)"]"#,
                place: distributionCentre),
            event(
                4, 9,
                #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "epcList": ["\#(parent)"]"#,
                place: distributionCentre),
            event(
                5, 11,
                #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress", "epcList": ["\#(parent)"]"#,
                place: shop),
            event(
                5, 15,
                #""type": "AggregationEvent", "action": "DELETE", "bizStep": "unpacking", "parentID": "\#(parent)", "childEPCs": ["\#(unit)"]"#,
                place: shop),
            event(
                5, 16,
                #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "stocking", "disposition": "sellable_accessible", "epcList": ["\#(unit)"]"#,
                place: shop),
            event(
                7, 19,
                #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "retail_selling", "disposition": "retail_sold", "epcList": ["\#(unit)"]"#,
                place: shop),
        ]
        return """
            {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
             "schemaVersion": "2.0", "creationDate": "\(at(7, 20))", "epcisBody": {"eventList": [
            \(events.joined(separator: ",\n"))
            ]}}
            """
    }
}
