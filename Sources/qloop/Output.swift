import Foundation

/// Printing for commands: JSON for scripts, lines for people, errors to standard error.
enum Output {
    /// An encoder with sorted keys and ISO 8601 dates, the shape every `--json` output uses.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Prints a value as one line of JSON.
    static func json(_ value: some Encodable) throws {
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
