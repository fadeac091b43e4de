public import Foundation

/// Writes query results as an EPCIS 2.0 `EPCISQueryDocument` (JSON-LD): the stored events'
/// canonical JSON, in order, under `epcisBody.queryResults.resultsBody.eventList`.
public enum EventQueryDocument {
    /// The document text for a page of events.
    public static func json(
        _ events: [StoredEvent], queryName: String = "SimpleEventQuery", createdAt: Date = Date()
    ) -> String {
        let micros = Int64((createdAt.timeIntervalSince1970 * 1_000_000).rounded())
        let created = EPCISTimestamp.format(millisecondsSince1970: EPCISTimestamp.floorDivide(micros, 1000))
        var text =
            #"{"@context":[""# + StoredEvent.contextURL + #""],"type":"EPCISQueryDocument","schemaVersion":"2.0","#
        text += #""creationDate":""# + created + #"","epcisBody":{"queryResults":{"queryName":"#
        text += JSONValue.string(queryName).serialized + #","resultsBody":{"eventList":["#
        text += events.map(\.json).joined(separator: ",")
        text += "]}}}}"
        return text
    }
}
