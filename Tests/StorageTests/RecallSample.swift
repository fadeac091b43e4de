import Foundation
import Trace

/// A supply chain for recall scoping, with the expected scope of lot L1 worked out by hand:
///
/// - lot L1 of GTIN 06901234000016 is commissioned with ILMD (units 1001, 1002, 1003, 1004,
///   1010) and one more unit, A7, is named by a Digital Link carrying `/10/L1`;
/// - three packing levels: cases 1 and 2 → pallet 1 → container 9; case 3 is packed and then
///   unpacked (`DELETE` listing 1004) and later shipped empty (place 8, order PO-88: out of
///   scope, while its packing at place 7 is in), case 5 emptied by a `DELETE` listing no children;
/// - case 7 holds a class-level quantity of L1;
/// - unit 1002 and a quantity of L1 are transformed into unit 9001 of GTIN 06901234000023 (lot
///   B1, by ILMD) and a quantity of lot C1 of GTIN 06901234000030; 9001 is packed in case 6;
/// - lot L2 of the same GTIN (unit 2001, case 8, order PO-99, place Z) is not in scope.
enum RecallSample {
    static let gtin = "6901234000016"
    static func unit(_ serial: String) -> String { "urn:epc:id:sgtin:6901234.000001.\(serial)" }
    static func sscc(_ number: Int) -> String { "urn:epc:id:sscc:6901234.000000000\(number)" }
    static func place(_ extensionDigits: String) -> String { "urn:epc:id:sgln:6901234.00000.\(extensionDigits)" }
    static let unitA7Link = "https://brand.example/01/06901234000016/10/L1/21/A7"
    static let classL1 = "urn:epc:class:lgtin:6901234.000001.L1"
    static let unitB = "urn:epc:id:sgtin:6901234.000002.9001"
    static let classC1 = "urn:epc:class:lgtin:6901234.000003.C1"

    /// One event on day `day` of April 2026, with a read point or business location when given.
    static func event(_ day: Int, _ body: String, readPoint: String? = nil, bizLocation: String? = nil) -> String {
        var text =
            #"{"eventTime": "2026-04-\#(String(format: "%02d", day))T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", \#(body)"#
        if let readPoint { text += #", "readPoint": {"id": "\#(readPoint)"}"# }
        if let bizLocation { text += #", "bizLocation": {"id": "\#(bizLocation)"}"# }
        return text + "}"
    }

    static func list(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }

    static let document = """
        {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
         "schemaVersion": "2.0", "creationDate": "2026-04-01T00:00:00Z", "epcisBody": {"eventList": [
        \(event(1, #""type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "epcList": \#(list(["1001", "1002", "1003", "1004", "1010"].map(unit))), "ilmd": {"cbvmda:lotNumber": "L1"}"#, readPoint: place("1"))),
        \(event(1, #""type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "epcList": \#(list([unit("2001")])), "ilmd": {"cbvmda:lotNumber": "L2"}"#, readPoint: place("90"))),
        \(event(2, #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "inspecting", "epcList": \#(list([unitA7Link]))"#, readPoint: place("2"))),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(1))", "childEPCs": \#(list([unit("1001"), unit("1002")]))"#)),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(2))", "childEPCs": \#(list([unit("1003"), unitA7Link]))"#)),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(3))", "childEPCs": \#(list([unit("1004")]))"#, bizLocation: place("7"))),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(5))", "childEPCs": \#(list([unit("1010")]))"#)),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(8))", "childEPCs": \#(list([unit("2001")]))"#, bizLocation: place("90"))),
        \(event(3, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(7))", "childQuantityList": [{"epcClass": "\#(classL1)", "quantity": 10}]"#)),
        \(event(4, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(4))", "childEPCs": \#(list([sscc(1), sscc(2)]))"#)),
        \(event(4, #""type": "AggregationEvent", "action": "DELETE", "bizStep": "unpacking", "parentID": "\#(sscc(3))", "childEPCs": \#(list([unit("1004")]))"#)),
        \(event(4, #""type": "AggregationEvent", "action": "DELETE", "bizStep": "unpacking", "parentID": "\#(sscc(5))""#)),
        \(event(5, #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "epcList": \#(list([sscc(3)])), "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:PO-88"}]"#, bizLocation: place("8"))),
        \(event(5, #""type": "AggregationEvent", "action": "ADD", "bizStep": "loading", "parentID": "\#(sscc(9))", "childEPCs": \#(list([sscc(4)]))"#)),
        \(event(6, #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "epcList": \#(list([sscc(9)])), "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:PO-77"}, {"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:ASN-5"}]"#, readPoint: place("3"), bizLocation: place("4"))),
        \(event(7, #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", "epcList": \#(list([sscc(4)]))"#, bizLocation: place("5"))),
        \(event(8, #""type": "TransformationEvent", "bizStep": "repackaging", "inputEPCList": \#(list([unit("1002")])), "inputQuantityList": [{"epcClass": "\#(classL1)", "quantity": 2}], "outputEPCList": \#(list([unitB])), "outputQuantityList": [{"epcClass": "\#(classC1)", "quantity": 1}], "ilmd": {"cbvmda:lotNumber": "B1"}, "bizTransactionList": [{"type": "prodorder", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:MO-3"}]"#, bizLocation: place("6"))),
        \(event(9, #""type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": "\#(sscc(6))", "childEPCs": \#(list([unitB]))"#)),
        \(event(9, #""type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "epcList": \#(list([unit("2001")])), "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000009:PO-99"}]"#, bizLocation: place("90")))
        ]}}
        """

    /// The canonical identity of an identifier.
    static func id(_ text: String) -> String { EPCISIdentifier(text).canonical }
}
