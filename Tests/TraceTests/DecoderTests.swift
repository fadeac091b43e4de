import Testing

@testable import Trace

/// Reading EPCIS JSON-LD and XML into the event model.
@Suite struct DecoderTests {
    /// The @context of the test documents: the EPCIS context and an `ex` prefix.
    static let context =
        "\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",{\"ex\":\"https://ns.example.com/epcis/\"}]"

    /// An EPCISDocument holding the given events (JSON text, comma-separated).
    static func json(_ events: String) throws -> EPCISDocument {
        let text =
            "{\(context),\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-01-01T00:00:00Z\",\"epcisBody\":{\"eventList\":[\(events)]}}"
        return try EPCISJSONDecoder().decode(Array(text.utf8))
    }

    /// A shipping ObjectEvent in JSON-LD with user extensions.
    static let shipping = """
        {"type":"ObjectEvent","eventTime":"2026-03-01T10:00:00.5+08:00","eventTimeZoneOffset":"+08:00",\
        "epcList":["urn:epc:id:sgtin:6901234.012345.A1"],"action":"OBSERVE","bizStep":"shipping","disposition":"in_transit",\
        "readPoint":{"id":"urn:epc:id:sgln:6901234.00001.0"},\
        "bizTransactionList":[{"type":"po","bizTransaction":"urn:epcglobal:cbv:bt:6901234000009:PO-7"}],\
        "ex:zeta":"last","ex:carrier":{"ex:name":"SF","ex:weight":26.0,"ex:fragile":true},"ex:alpha":["1","2"]}
        """

    /// The same shipping event in XML, with identifiers as Digital Links, legacy CBV URNs and extensions reordered.
    static let shippingXML = """
        <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:ex="https://ns.example.com/epcis/" schemaVersion="2.0" creationDate="2026-01-01T00:00:00Z">
          <EPCISBody><EventList><ObjectEvent>
            <eventTime>2026-03-01T02:00:00.500Z</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
            <epcList><epc>https://id.gs1.org/01/06901234123456/21/A1</epc></epcList>
            <action>OBSERVE</action><bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep><disposition>cbv:Disp-in_transit</disposition>
            <readPoint><id>https://id.gs1.org/414/6901234000016</id></readPoint>
            <bizTransactionList><bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epcglobal:cbv:bt:6901234000009:PO-7</bizTransaction></bizTransactionList>
            <ex:alpha>2</ex:alpha><ex:alpha>1</ex:alpha>
            <ex:carrier><ex:fragile>true</ex:fragile><ex:weight>26</ex:weight><ex:name>SF</ex:name></ex:carrier>
            <ex:zeta>last</ex:zeta>
          </ObjectEvent></EventList></EPCISBody>
        </epcis:EPCISDocument>
        """

    /// A JSON-LD event fills the model, short names expanded to CBV Web URIs.
    @Test func jsonEventBecomesTheModel() throws {
        let document = try Self.json(Self.shipping)
        #expect(document.problems.isEmpty)
        let event = try #require(document.events.first)
        #expect(event.type == .object)
        #expect(event.action == .observe)
        #expect(event.bizStep == "https://ref.gs1.org/cbv/BizStep-shipping")
        #expect(event.disposition == "https://ref.gs1.org/cbv/Disp-in_transit")
        #expect(event.bizTransactionList?.first?.type == "https://ref.gs1.org/cbv/BTT-po")
        #expect(event.epcList?.first?.canonical == "https://id.gs1.org/01/06901234123456/21/A1")
        #expect(event.readPoint?.id?.canonical == "https://id.gs1.org/414/6901234000016")
    }

    /// User extensions keep document order, namespaces, prefixes and the text of numbers.
    @Test func extensionsKeepOrderNamespacesAndNumberText() throws {
        let event = try #require(try Self.json(Self.shipping).events.first)
        #expect(event.extensions.map(\.name.localName) == ["zeta", "carrier", "alpha"])
        #expect(
            event.extensions.allSatisfy {
                $0.name.namespace == "https://ns.example.com/epcis/" && $0.name.prefix == "ex"
            })
        guard case .fields(let carrier, _) = event.extensions[1].value else {
            Issue.record("carrier is not an object")
            return
        }
        #expect(carrier.map(\.name.localName) == ["name", "weight", "fragile"])
        #expect(carrier[1].value == .number("26.0"))
        #expect(carrier[2].value == .boolean(true))
        #expect(event.extensions[2].value == .list([.text("1"), .text("2")]))
    }

    /// The same event in JSON-LD and in XML gives the same model values and the same hash.
    @Test func jsonAndXMLOfOneEventHashEqually() throws {
        let fromJSON = try Self.json(Self.shipping)
        let fromXML = try EPCISXMLDecoder().decode(Array(Self.shippingXML.utf8))
        #expect(fromXML.problems.isEmpty)
        #expect(fromXML.events.first?.bizStep == fromJSON.events.first?.bizStep)
        #expect(fromXML.events.first?.epcList == fromJSON.events.first?.epcList)
        #expect(fromXML.preHashes == fromJSON.preHashes)
        #expect(fromXML.eventHashes == fromJSON.eventHashes)
    }

    /// recordTime, eventID and errorDeclaration leave the hash unchanged; a changed value changes it.
    @Test func hashIgnoresRecordTimeEventIDAndErrorDeclaration() throws {
        let plain = try Self.json(Self.shipping).eventHashes
        let decorated = Self.shipping.replacingOccurrences(
            of: "\"type\":\"ObjectEvent\",",
            with: "\"type\":\"ObjectEvent\",\"recordTime\":\"2026-03-02T00:00:00Z\",\"eventID\":\"urn:uuid:1\","
                + "\"errorDeclaration\":{\"declarationTime\":\"2026-03-03T00:00:00Z\",\"reason\":\"did_not_occur\"},")
        #expect(try Self.json(decorated).eventHashes == plain)
        let changed = Self.shipping.replacingOccurrences(of: "PO-7", with: "PO-8")
        #expect(try Self.json(changed).eventHashes != plain)
    }

    /// Malformed JSON is refused with the line where it breaks.
    @Test func malformedJSONThrowsWithPosition() {
        #expect(throws: EPCISDecodingError.self) {
            try EPCISJSONDecoder().decode(Array("{\"type\": \"EPCISDocument\",\n  \"x\": }".utf8))
        }
        do {
            _ = try EPCISJSONDecoder().decode(Array("{\"a\":1,\n\"b\":tru}".utf8))
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("line 2"))
        }
    }

    /// Malformed XML, and XML that is not EPCIS, are refused.
    @Test func malformedXMLThrows() {
        #expect(throws: EPCISDecodingError.self) {
            try EPCISXMLDecoder().decode(Array("<EPCISDocument><EPCISBody></EPCISDocument>".utf8))
        }
        #expect(throws: EPCISDecodingError.self) { try EPCISDocumentDecoder().decode(Array("<html/>".utf8)) }
    }

    /// Wrong JSON types, legacy CBV URNs in JSON and repeated fields are reported with their paths.
    @Test func jsonShapeProblemsHavePaths() throws {
        let document = try Self.json(
            "{\"type\":\"ObjectEvent\",\"eventTime\":5,\"action\":\"ADD\",\"bizStep\":\"urn:epcglobal:cbv:bizstep:shipping\",\"action\":\"ADD\"}"
        )
        let reasons = Dictionary(grouping: document.problems, by: \.path)
        #expect(reasons["epcisBody.eventList[0].eventTime"]?.first?.reason.contains("must be a string") == true)
        #expect(reasons["epcisBody.eventList[0].bizStep"]?.first?.reason.contains("legacy CBV URN") == true)
        #expect(reasons["epcisBody.eventList[0].action"]?.first?.reason.contains("appears twice") == true)
    }

    /// A single event and an EPCISQueryDocument are read, with paths for query results.
    @Test func bareEventsAndQueryDocumentsAreRead() throws {
        let bare = try EPCISDocumentDecoder().decode(Array("{\(Self.context),\(Self.shipping.dropFirst())".utf8))
        #expect(bare.kind == .bareEvent)
        #expect(bare.events.count == 1)
        #expect(EPCISValidator.errors(EPCISValidator().validate(bare)).isEmpty)
        let query = """
            {\(Self.context),"type":"EPCISQueryDocument","schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z",\
            "epcisBody":{"queryResults":{"queryName":"SimpleEventQuery","resultsBody":{"eventList":[\(Self.shipping)]}}}}
            """
        let document = try EPCISDocumentDecoder().decode(Array(query.utf8))
        #expect(document.kind == .queryDocument)
        #expect(document.path(ofEvent: 0) == "epcisBody.queryResults.resultsBody.eventList[0]")
        #expect(document.eventHashes == (try Self.json(Self.shipping)).eventHashes)
    }

    /// Fields a type does not have, missing actions, inputs and outputs, offsets and unknown CBV URIs are errors.
    @Test func typeRulesAreChecked() throws {
        let document = try Self.json(
            """
            {"type":"AggregationEvent","eventTime":"2026-03-01T10:00:00Z","eventTimeZoneOffset":"+00:00","action":"ADD",\
            "epcList":["urn:epc:id:sgtin:6901234.012345.A1"],"childEPCs":[]},\
            {"type":"TransformationEvent","eventTime":"2026-03-01T10:00:00Z","eventTimeZoneOffset":"+25:00","action":"ADD",\
            "outputEPCList":["urn:epc:id:sgtin:6901234.012345.A1"],"bizStep":"https://ref.gs1.org/cbv/BizStep-brewing"}
            """)
        let errors = EPCISValidator.errors(EPCISValidator().validate(document)).map(\.description)
        #expect(
            errors.contains {
                $0.hasPrefix("epcisBody.eventList[0].epcList:") && $0.contains("not a field of AggregationEvent")
            })
        #expect(errors.contains { $0.hasPrefix("epcisBody.eventList[0].childEPCs:") })
        #expect(errors.contains { $0.hasPrefix("epcisBody.eventList[1].action:") })
        #expect(errors.contains { $0.hasPrefix("epcisBody.eventList[1].eventTimeZoneOffset:") })
        #expect(errors.contains { $0.hasPrefix("epcisBody.eventList[1].inputEPCList:") })
        #expect(errors.contains { $0.contains("'brewing' is not a CBV business step") })
    }
}

extension String {
    /// Every occurrence of `target` replaced, for building test inputs.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
