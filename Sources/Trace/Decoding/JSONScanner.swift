/// A cursor over UTF-8 JSON text in memory: the strict RFC 8259 lexer under `JSONParser`, the
/// streaming document reader and the event reader.
///
/// It works on raw bytes because capture reads hundreds of thousands of events a second: a
/// string without escapes becomes a `String` straight from the buffer, a member name can be
/// matched without becoming a `String` at all, and a value can be stepped over without being
/// built. Positions are offsets into `bytes`; `base` is the offset of `bytes[0]` in the whole
/// document, so that a failure names its place in the document.
struct JSONScanner {
    /// Why the text is not JSON, and where: an offset in the whole document.
    struct Failure: Error, Sendable, Equatable {
        /// What is wrong.
        let message: String
        /// Offset of the offending byte in the document.
        let offset: Int
    }

    /// Deepest nesting accepted, so that hostile input cannot exhaust the stack.
    static let maximumDepth = 256

    /// The text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var position: Int
    /// Offset of `bytes[0]` in the document.
    let base: Int

    /// A scanner at the start of `bytes`, which begin at offset `base` of the document.
    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0, base: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.base = base
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, or 0 at the end.
    var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// A failure at a position (the current one by default).
    func failure(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(message: message, offset: base + min(offset ?? position, bytes.count))
    }

    /// Steps over blanks.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Steps over one byte that must be there, after blanks.
    mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws(Failure) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw failure(message()) }
        position += 1
    }

    // MARK: Objects and arrays, member by member

    /// Starts reading an object at `{`; returns whether it is empty (and then steps past `}`).
    mutating func beginObject() throws(Failure) -> Bool {
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return true
        }
        return false
    }

    /// The range of the next member name (without quotes) and whether it holds escapes, leaving
    /// the cursor on the member's value.
    mutating func memberName() throws(Failure) -> (range: Range<Int>, escaped: Bool) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw failure("expected a member name in double quotes")
        }
        let name = try stringRange()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw failure("expected ':' after a member name")
        }
        position += 1
        skipWhitespace()
        return name
    }

    /// After a member's value: whether another member follows (stepping past `,`) or the object
    /// ends (stepping past `}`).
    mutating func nextMember() throws(Failure) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of input inside an object") }
        switch bytes[position] {
        case UInt8(ascii: ","):
            position += 1
            return true
        case UInt8(ascii: "}"):
            position += 1
            return false
        default:
            throw failure("expected ',' or '}' in an object")
        }
    }

    /// Starts reading an array at `[`; returns whether it is empty (and then steps past `]`).
    mutating func beginArray() throws(Failure) -> Bool {
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return true
        }
        return false
    }

    /// After an item: whether another follows (stepping past `,`) or the array ends (past `]`).
    mutating func nextItem() throws(Failure) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of input inside an array") }
        switch bytes[position] {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            return true
        case UInt8(ascii: "]"):
            position += 1
            return false
        default:
            throw failure("expected ',' or ']' in an array")
        }
    }

    // MARK: Values

    /// The JSON type name of the value at the cursor, as problem reports write it.
    var valueTypeName: String {
        switch peek {
        case UInt8(ascii: "{"): "object"
        case UInt8(ascii: "["): "array"
        case UInt8(ascii: "\""): "string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "boolean"
        case UInt8(ascii: "n"): "null"
        default: "number"
        }
    }

    /// Reads the value at the cursor as a tree.
    mutating func value(depth: Int = 0) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        guard position < bytes.count else { throw failure("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            var members: [JSONMember] = []
            if try beginObject() { return .object(members) }
            repeat {
                let key = try memberKey()
                members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
            } while try nextMember()
            return .object(members)
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            if try beginArray() { return .array(items) }
            repeat {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
            } while try nextItem()
            return .array(items)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[position])))', expected a value")
        }
    }

    /// The next member name as a string, leaving the cursor on its value.
    mutating func memberKey() throws(Failure) -> String {
        let name = try memberName()
        return try text(of: name)
    }

    /// Steps over the value at the cursor, checking its syntax as `value()` does but building nothing.
    mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        guard position < bytes.count else { throw failure("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            if try beginObject() { return }
            repeat {
                _ = try memberName()
                try skipValue(depth: depth + 1)
            } while try nextMember()
        case UInt8(ascii: "["):
            if try beginArray() { return }
            repeat {
                skipWhitespace()
                try skipValue(depth: depth + 1)
            } while try nextItem()
        case UInt8(ascii: "\""): _ = try stringRange(validating: true)
        case UInt8(ascii: "t"): _ = try literal("true", .null)
        case UInt8(ascii: "f"): _ = try literal("false", .null)
        case UInt8(ascii: "n"): _ = try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try numberRange()
        default: throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[position])))', expected a value")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("unexpected end of input") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw failure("invalid literal, expected \(word)")
        }
        position += count
        return value
    }

    /// A number's literal text.
    mutating func number() throws(Failure) -> String {
        let range = try numberRange()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The range of a number literal.
    mutating func numberRange() throws(Failure) -> Range<Int> {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw failure("a number needs a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw failure("a number may not have a leading zero")
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure("a decimal point needs digits after it")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("an exponent needs digits") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        return start..<position
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: Strings

    /// Reads the string at the cursor (on its opening quote).
    mutating func string() throws(Failure) -> String {
        try text(of: stringRange())
    }

    /// The range of the string at the cursor, between its quotes, and whether it holds escapes;
    /// the cursor ends after the closing quote. With `validating`, an escape-free string's
    /// bytes are checked to be UTF-8 here (as `text(of:)` would when making the string).
    mutating func stringRange(validating: Bool = false) throws(Failure) -> (range: Range<Int>, escaped: Bool) {
        let quote = position
        position += 1
        let start = position
        var nonASCII = false
        while true {
            guard position < bytes.count else { throw failure("unterminated string", at: quote) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw failure("control character in a string; escape it") }
            if byte == UInt8(ascii: "\\") {
                // Escapes are rare: decode the string once to check them (and to find its end)
                // exactly as reading it would.
                _ = try decodedString(from: quote)
                return (start..<(position - 1), true)
            }
            if byte >= 0x80 { nonASCII = true }
            position += 1
        }
        let range = start..<position
        position += 1
        if validating && nonASCII,
            String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) == nil
        {
            throw failure("string is not valid UTF-8", at: quote)
        }
        return (range, false)
    }

    /// The text of a string range from `stringRange()`.
    func text(of string: (range: Range<Int>, escaped: Bool)) throws(Failure) -> String {
        if !string.escaped {
            let slice = UnsafeBufferPointer(rebasing: bytes[string.range])
            // ASCII needs no validation (and `String(validating:)`, being generic over the
            // encoding, looks up type metadata on every call).
            var ascii = true
            for byte in slice where byte >= 0x80 {
                ascii = false
                break
            }
            if ascii { return String(decoding: slice, as: UTF8.self) }
            guard let text = String(validating: slice, as: UTF8.self)
            else { throw failure("string is not valid UTF-8", at: string.range.lowerBound - 1) }
            return text
        }
        var copy = self
        return try copy.decodedString(from: string.range.lowerBound - 1)
    }

    /// Whether the escape-free bytes of `range` are exactly `word`.
    @inline(__always)
    func bytes(_ range: Range<Int>, equal word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard range.count == count else { return false }
        let start = word.utf8Start
        for offset in 0..<count where bytes[range.lowerBound + offset] != start[offset] { return false }
        return true
    }

    /// Reads a string with escapes from its opening quote at `quote`.
    private mutating func decodedString(from quote: Int) throws(Failure) -> String {
        position = quote + 1
        var scalars: [UInt8] = []
        var runStart = position
        while true {
            guard position < bytes.count else { throw failure("unterminated string", at: quote) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                break
            }
            if byte < 0x20 { throw failure("control character in a string; escape it") }
            if byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                try appendEscape(to: &scalars)
                runStart = position
                continue
            }
            position += 1
        }
        guard let text = String(validating: scalars, as: UTF8.self) else {
            throw failure("string is not valid UTF-8", at: quote)
        }
        return text
    }

    private mutating func appendEscape(to output: inout [UInt8]) throws(Failure) {
        position += 1
        guard position < bytes.count else { throw failure("unterminated escape") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hexQuad()
            if (0xD800...0xDBFF).contains(code) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw failure("unpaired UTF-16 surrogate in \\u escape")
                }
                position += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired UTF-16 surrogate in \\u escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw failure("unpaired UTF-16 surrogate in \\u escape")
            }
            output.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
        default:
            throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("\\u needs four hexadecimal digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("\\u needs four hexadecimal digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
