import QualityCore
import Testing
import Trace

@Suite("Recall scope rules: serial ranges and lot memberships")
struct RecallScopeRulesTests {
    @Test("serials compare as numbers when both are digits, byte by byte otherwise")
    func serialOrder() throws {
        #expect(SerialRange.compare("9", "10") < 0)
        #expect(SerialRange.compare("007", "7") == 0)
        #expect(SerialRange.compare("10", "9A") < 0)
        #expect(SerialRange.compare("A10", "A9") < 0)
        #expect(SerialRange.compare("a", "B") > 0)
        let range = try SerialRange(from: "0100", to: "200")
        #expect(range.contains("100") && range.contains("200") && range.contains("0150"))
        #expect(!range.contains("99") && !range.contains("201"))
        // A serial with a letter compares byte by byte with both bounds.
        #expect(range.contains("150A") && !range.contains("3A") && !range.contains("0099A"))
    }

    @Test("an empty, malformed or inverted range is refused")
    func badRanges() {
        for (from, to, code) in [
            ("", "5", "bad_serial_range"), ("1 2", nil, "bad_serial_range"), ("B", "A", "inverted_serial_range"),
        ] {
            let error = #expect(throws: QualityError.self) { try SerialRange(from: from, to: to) }
            #expect(error?.code == code)
        }
    }

    @Test("ILMD lotNumber makes commissioned SGTINs members; a Digital Link carries its own lot")
    func memberships() {
        let commissioning = #"""
            {"type": "ObjectEvent", "action": "ADD", "epcList": ["urn:epc:id:sgtin:6901234.000001.7", "urn:epc:id:sscc:6901234.0000000001"],
             "ilmd": {"cbvmda:lotNumber": "L1"}}
            """#
        let observed = #"""
            {"type": "ObjectEvent", "action": "OBSERVE", "epcList": ["urn:epc:id:sgtin:6901234.000001.8"], "ilmd": {"cbvmda:lotNumber": "L1"},
             "childEPCs": [], "parentID": "https://shop.example/01/06901234000016/10/L%2F2/21/9"}
            """#
        let boundElsewhere = #"""
            {"@context": [{"mda": "urn:epcglobal:cbv:mda#"}], "type": "TransformationEvent",
             "outputEPCList": ["https://id.gs1.org/01/06901234000016/21/5"], "ilmd": {"mda:lotNumber": "T1"}}
            """#

        #expect(
            LotMembership.stated(byEventJSON: commissioning) == [
                LotMembership(gtin: "06901234000016", lot: "L1", identity: "https://id.gs1.org/01/06901234000016/21/7")
            ])
        #expect(
            LotMembership.stated(byEventJSON: observed) == [
                LotMembership(gtin: "06901234000016", lot: "L/2", identity: "https://id.gs1.org/01/06901234000016/21/9")
            ])
        #expect(LotMembership.stated(byEventJSON: boundElsewhere).map(\.lot) == ["T1"])
        #expect(LotMembership.stated(byEventJSON: "not json").isEmpty)
    }
}
