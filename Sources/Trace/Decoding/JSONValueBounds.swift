/// Finds where a JSON value ends without checking its syntax: the reader uses it to take whole
/// events out of a document that is read in pieces, and the event reader then checks every byte.
enum JSONValueBounds {
    /// The offset just past the value starting at (or after blanks at) `from` in `bytes`, or
    /// `nil` when the bytes end first. A number or literal ends at the first delimiter after it,
    /// so it needs one byte more; at the end of the document pass `atEnd` to end it there.
    static func end(of bytes: UnsafeBufferPointer<UInt8>, from: Int, atEnd: Bool) -> Int? {
        var index = from
        let count = bytes.count
        while index < count, isBlank(bytes[index]) { index += 1 }
        guard index < count else { return atEnd ? count : nil }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let close = stringEnd(bytes, from: index) else { return atEnd ? count : nil }
                    index = close
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return atEnd ? count : nil
        case UInt8(ascii: "\""):
            return stringEnd(bytes, from: index) ?? (atEnd ? count : nil)
        default:
            while index < count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return index
                default: index += 1
                }
            }
            return atEnd ? count : nil
        }
    }

    /// The offset just past the closing quote of the string opening at `from`.
    @inline(__always)
    private static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
