/// The character classes of all 256 byte values as bit flags, so that the parser classifies
/// a byte with one table load; built once from the `ASCIISet` definitions.
enum ByteClass {
    /// Allowed in a URI (RFC 3986 characters plus `%`).
    static let uri: UInt8 = 1 << 0
    /// Not allowed in a host name.
    static let forbiddenInHost: UInt8 = 1 << 1
    /// GS1 character set 82 (`X`).
    static let cset82: UInt8 = 1 << 2
    /// GS1 character set 39 (`Y`).
    static let cset39: UInt8 = 1 << 3
    /// GS1 character set 64 without padding (`Z`).
    static let cset64: UInt8 = 1 << 4
    /// A digit (`N`).
    static let digit: UInt8 = 1 << 5
    /// A delimiter the parser must note: `/ ? # % +`.
    static let delimiter: UInt8 = 1 << 6

    /// Flags by byte value. Written once on first use and never changed, hence the
    /// `nonisolated(unsafe)` on an immutable table of plain bytes.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let classes: [(ASCIISet, UInt8)] = [
            (.uriCharacters, uri), (.forbiddenInHost, forbiddenInHost), (.cset82, cset82), (.cset39, cset39),
            (.cset64, cset64), (.digits, digit), (ASCIISet(characters: "/?#%+"), delimiter),
        ]
        for byte in 0..<256 {
            table[byte] = classes.reduce(0) { flags, entry in entry.0.contains(UInt8(byte)) ? flags | entry.1 : flags }
        }
        return UnsafePointer(table)
    }()

    /// Whether every byte of `data` has all bits of `flags`.
    @inline(__always)
    static func all(_ data: UnsafeBufferPointer<UInt8>, have flags: UInt8, in table: UnsafePointer<UInt8> = Self.table) -> Bool {
        var common: UInt8 = 0xFF
        for byte in data { common &= table[Int(byte)] }
        return common & flags == flags
    }
}
