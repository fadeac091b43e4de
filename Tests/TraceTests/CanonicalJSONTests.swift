import Foundation
import QualityCore
import Testing

@testable import Trace

/// The canonical JSON a repository stores must read back as the same event: same hash, same
/// identifiers, for every shared document in either syntax.
@Suite(.enabled(if: TraceTestData.isAvailable, TraceTestData.missingComment))
struct CanonicalJSONTests {
    /// Every valid shared document: the OpenEPCIS capture documents and events, and the event
    /// hash examples in JSON-LD and XML.
    static let documents: [String] =
        TraceTestData.files(in: OpenEPCISDocumentTests.folder + "/Documents", extensions: ["json"]).map {
            OpenEPCISDocumentTests.folder + "/Documents/" + $0
        }
        + TraceTestData.files(in: OpenEPCISDocumentTests.folder + "/Events", extensions: ["json"]).map {
            OpenEPCISDocumentTests.folder + "/Events/" + $0
        }
        + TraceTestData.files(in: "epcis-event-hash/examples", extensions: ["jsonld", "xml"]).map {
            "epcis-event-hash/examples/" + $0
        }

    @Test("each event's canonical JSON reads back with the same event hash and identifiers", arguments: documents)
    func roundTrip(path: String) throws {
        let document = try EPCISDocumentDecoder().decode(try TraceTestData.data(path))
        let hashes = document.eventHashes
        #expect(!document.events.isEmpty)
        for (index, event) in document.events.enumerated() {
            let json = event.canonicalJSON(eventID: "urn:uuid:00000000-0000-4000-8000-000000000000")
            let reread = try EPCISDocumentDecoder().decode(Array(json.utf8))

            #expect(reread.kind == .bareEvent)
            let rehashed = reread.events.first.map { EventHasher.hash(of: $0, ignoring: document.ignoredFields) }
            #expect(rehashed == hashes[index], "\(path) event \(index): \(json)")
            #expect(
                EventCapture.identifiers(of: reread.events[0]) == EventCapture.identifiers(of: event),
                "\(path) event \(index)")
        }
    }

    @Test("the writer escapes what JSON requires and keeps numbers as written")
    func serialisation() {
        let value = JSONValue.object([
            JSONMember(key: "text", value: .string("a\"b\\c\nd\u{01}/é")),
            JSONMember(key: "number", value: .number("26.0")),
            JSONMember(key: "list", value: .array([.bool(true), .null])),
        ])

        #expect(value.serialized == #"{"text":"a\"b\\c\nd\u0001/é","number":26.0,"list":[true,null]}"#)
        #expect((try? JSONParser.parse(Array(value.serialized.utf8))) == value)
    }

    @Test("query parameters are read, normalised and checked")
    func queryParameters() throws {
        let query = try EventQuery(
            parameters: [
                ("eventType", "ObjectEvent|AggregationEvent"),
                ("EQ_bizStep", "shipping|urn:epcglobal:cbv:bizstep:receiving"),
                ("GE_eventTime", "2026-03-01T08:00:00 08:00"), ("MATCH_epc", "urn:epc:id:sgtin:4012345.011111.9876"),
                ("perPage", "5"), ("nextPageToken", EventQuery.pageToken(after: EventCursor(time: nil, sequence: 77))),
            ], visibleTo: 3)

        #expect(query.eventTypes == ["ObjectEvent", "AggregationEvent"])
        #expect(
            query.bizSteps == ["https://ref.gs1.org/cbv/BizStep-shipping", "https://ref.gs1.org/cbv/BizStep-receiving"])
        #expect(query.eventTimeFrom == EPCISTimestamp("2026-03-01T00:00:00Z").microsecondsSince1970)
        #expect(
            query.matches == [
                .init(identities: ["https://id.gs1.org/01/04012345111118/21/9876"], roles: [.epc, .child])
            ])
        #expect(query.limit == 5 && query.after == EventCursor(time: nil, sequence: 77) && query.visibleTo == 3)
        let ordered = try EventQuery(
            parameters: [
                ("orderBy", "recordTime"), ("EQ_bizTransaction_po", "urn:epcglobal:cbv:bt:0614141073467:1152"),
                ("nextPageToken", EventQuery.pageToken(after: EventCursor(time: -5, sequence: 9))),
            ], visibleTo: nil)
        #expect(ordered.order == .recordTime(ascending: false))
        #expect(ordered.after == EventCursor(time: -5, sequence: 9))
        #expect(
            ordered.bizTransactions == [
                .init(type: "https://ref.gs1.org/cbv/BTT-po", identities: ["urn:epcglobal:cbv:bt:0614141073467:1152"])
            ])
        for bad in [
            ("perPage", "0"), ("perPage", "1001"), ("LT_recordTime", "2026-03-01"), ("EQ_action", "CREATE"),
            ("MATCH_anyEPC", "not a uri"), ("EQ_quantity", "3"), ("nextPageToken", "p!"), ("eventType", "A||B"),
            ("orderBy", "bizStep"),
            ("orderDirection", "UP"), ("orderDirection", "ASC"),
        ] {
            #expect(throws: QualityError.self, "\(bad)") { try EventQuery(parameters: [bad], visibleTo: nil) }
        }
    }
}
