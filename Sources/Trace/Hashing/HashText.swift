/// Byte-level string helpers for the hashing hot path, where Foundation's `trimmingCharacters`
/// and the generic `String.contains` dominated a profile (they bridge or build search tables
/// for every value).
enum HashText {
    /// `text` without leading and trailing whitespace (ASCII blanks and Unicode white space).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex { !$0.properties.isWhitespace }!
        return String(scalars[start...end])
    }

    /// Whether `text` contains `needle` (both compared as UTF-8 bytes).
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ contains($0, needle) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { contains($0, needle) }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let first = needle.utf8Start[0]
        var index = 0
        while index <= bytes.count - count {
            if bytes[index] == first {
                var offset = 1
                while offset < count && bytes[index + offset] == needle.utf8Start[offset] { offset += 1 }
                if offset == count { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether `text` contains the byte.
    static func contains(_ text: String, byte: UInt8) -> Bool {
        text.utf8.contains(byte)
    }
}
