import Foundation
import Trace

/// A capture job's errors as stored: a JSON array of problems, the same text on both backends.
enum CaptureErrorsCoding {
    /// The JSON text of a list of problems.
    static func encode(_ problems: [EPCISProblem]) throws -> String {
        String(decoding: try JSONEncoder().encode(problems), as: UTF8.self)
    }

    /// The problems stored as JSON text.
    static func decode(_ text: String) throws -> [EPCISProblem] {
        do {
            return try JSONDecoder().decode([EPCISProblem].self, from: Data(text.utf8))
        } catch {
            throw CorruptRow(table: "epcis_captures", problem: "errors are not a JSON list of problems")
        }
    }

    /// The event hash stored as 64 hexadecimal digits.
    static func hash(hex: String) throws -> EventHash {
        guard let hash = EventHash(uri: "ni:///sha-256;" + hex + "?ver=CBV2.0") else {
            throw CorruptRow(table: "epcis_events", problem: "malformed event hash '\(hex)'")
        }
        return hash
    }
}
