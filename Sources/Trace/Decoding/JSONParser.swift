/// A strict RFC 8259 JSON parser over UTF-8 bytes that produces `JSONValue`.
///
/// Foundation's `JSONSerialization` returns unordered dictionaries and turns numbers into
/// doubles; EPCIS needs member order (user extensions are kept as written) and the literal
/// text of numbers, so the document is parsed here (with `JSONScanner`) in one pass.
enum JSONParser {
    /// Why a document is not JSON, with the line and column (both from 1) where it went wrong.
    struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        let message: String
        /// Line of the offending byte.
        let line: Int
        /// Column (in bytes) of the offending byte.
        let column: Int

        /// `message at line L, column C`.
        var description: String { "\(message) at line \(line), column \(column)" }

        /// The failure of a scan, placed by counting lines in the document's first bytes.
        init(_ failure: JSONScanner.Failure, in prefix: some Sequence<UInt8>) {
            var line = 1
            var column = 1
            for byte in prefix {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            self.init(message: failure.message, line: line, column: column)
        }

        /// Creates a failure.
        init(message: String, line: Int, column: Int) {
            self.message = message
            self.line = line
            self.column = column
        }
    }

    /// Deepest nesting accepted, so that hostile input cannot exhaust the stack.
    static let maximumDepth = JSONScanner.maximumDepth

    /// Parses a complete JSON text; anything but whitespace after the value is an error.
    static func parse(_ data: some Collection<UInt8>) throws(Failure) -> JSONValue {
        if let result = data.withContiguousStorageIfAvailable({ parse(buffer: $0) }) { return try result.get() }
        return try Array(data).withUnsafeBufferPointer { parse(buffer: $0) }.get()
    }

    /// Parses a JSON text held in a string.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, Failure> {
        var scanner = JSONScanner(buffer, position: byteOrderMarkLength(buffer))
        do throws(JSONScanner.Failure) {
            scanner.skipWhitespace()
            let value = try scanner.value()
            scanner.skipWhitespace()
            if !scanner.isAtEnd { throw scanner.failure("unexpected text after the JSON value") }
            return .success(value)
        } catch {
            return .failure(Failure(error, in: buffer.prefix(error.offset)))
        }
    }

    /// 3 when the text starts with a UTF-8 byte order mark (which many editors write and which
    /// is tolerated), else 0.
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
