import Trace

/// What both backends share for recall scoping: the slice size of the lot indexer, the filter
/// that picks the events worth decoding, and the JSON arrays SQLite binds lists as.
enum RecallScopeSQL {
    /// Events read per lot-index transaction: big enough that the set-based inserts dominate,
    /// small enough that capture is not held up for long.
    static let sliceSize: Int64 = 50_000

    /// Only events whose text mentions a lot number or a Digital Link lot can state a
    /// membership (`LotMembership`); the others are never decoded.
    static func mayStateMembership(_ json: String) -> Bool {
        json.contains("lotNumber") || json.contains("/10/")
    }

    /// The memberships stated by candidate events, each with its event's position.
    static func memberships(of events: [(sequence: Int64, json: String)]) -> [(LotMembership, Int64)] {
        events.flatMap { event in LotMembership.stated(byEventJSON: event.json).map { ($0, event.sequence) } }
    }

    /// Positions as a JSON array, for `json_each(?)`.
    static func jsonArray(_ numbers: some Sequence<Int64>) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    /// Texts as a JSON array of strings, for `json_each(?)`.
    static func jsonArray(_ texts: some Sequence<String>) -> String {
        var output = "["
        var first = true
        for text in texts {
            if !first { output += "," }
            first = false
            output += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
            output += "\""
        }
        return output + "]"
    }

    /// A role read back, or a corrupt-row error.
    static func role(_ text: String, table: String) throws -> EventIdentifierRole {
        guard let role = EventIdentifierRole(rawValue: text) else {
            throw CorruptRow(table: table, problem: "unknown role '\(text)'")
        }
        return role
    }
}
