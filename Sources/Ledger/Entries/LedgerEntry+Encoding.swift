/// The canonical byte encoding of an entry: the leaf data the tree hashes. It is deterministic
/// (one byte string per entry), unambiguous (every variable field is length-prefixed) and
/// versioned by its first byte. docs/ledger.md specifies it with a worked example.
///
///     version  u8 = 0x01
///     kind     u16 big-endian length ‖ UTF-8 name (e.g. "epcis_event")
///     table    u16 big-endian length ‖ UTF-8
///     key      u16 big-endian length ‖ UTF-8
///     time     i64 big-endian, microseconds since 1970-01-01T00:00:00Z
///     actor    u16 big-endian length ‖ UTF-8
///     digest   32 bytes, SHA-256 of the record's content
extension LedgerEntry {
    /// The first byte of every entry encoded by this version.
    public static let encodingVersion: UInt8 = 0x01
    /// The most UTF-8 bytes a table name, key or actor may have.
    public static let maximumFieldBytes = 1024

    /// The leaf data: the canonical encoding. Throws `invalidEntry` for an empty or over-long
    /// table, key or actor, or one containing NUL (which PostgreSQL text cannot hold).
    public func canonicalEncoding() throws(LedgerError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        bytes.append(Self.encodingVersion)
        try Self.appendField(kind.rawValue, named: "kind", to: &bytes)
        try Self.appendField(record.table, named: "record table", to: &bytes)
        try Self.appendField(record.key, named: "record key", to: &bytes)
        withUnsafeBytes(of: microsecondsSince1970.bigEndian) { bytes.append(contentsOf: $0) }
        try Self.appendField(actor, named: "actor", to: &bytes)
        payloadDigest.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The entry's leaf hash, SHA-256(0x00 ‖ canonical encoding).
    public func leafHash() throws(LedgerError) -> LedgerHash {
        TreeHasher.leafHash(try canonicalEncoding())
    }

    /// Reads an entry back from its canonical encoding; throws `invalidEntry` for anything that
    /// is not exactly one well-formed version-1 entry.
    public init(canonicalEncoding bytes: [UInt8]) throws(LedgerError) {
        var reader = Reader(bytes: bytes)
        guard try reader.byte() == Self.encodingVersion else {
            throw .invalidEntry("unknown encoding version \(bytes[0])")
        }
        let kindName = try reader.field()
        guard let kind = LedgerEntryKind(rawValue: kindName) else { throw .invalidEntry("unknown kind '\(kindName)'") }
        let table = try reader.field()
        let key = try reader.field()
        let time = Int64(bitPattern: try reader.uint64())
        let actor = try reader.field()
        let digest = try LedgerHash(bytes: try reader.take(LedgerHash.byteCount))
        guard reader.isAtEnd else { throw .invalidEntry("trailing bytes after the digest") }
        self.init(
            kind: kind, record: LedgerRecordReference(table: table, key: key), microsecondsSince1970: time,
            actor: actor, payloadDigest: digest)
        // Re-encoding checks the field rules, so a decoded entry is always one that encodes.
        guard try canonicalEncoding() == bytes else { throw .invalidEntry("not in canonical form") }
    }

    /// Appends one length-prefixed text field.
    ///
    /// Native strings are read from their contiguous UTF-8 storage: an audit re-encodes every
    /// entry of the log, and iterating `String.UTF8View` byte by byte took a third of the time.
    private static func appendField(_ text: String, named name: String, to bytes: inout [UInt8]) throws(LedgerError) {
        var text = text
        let problem = text.withUTF8 { utf8 -> String? in
            guard !utf8.isEmpty else { return "the \(name) is empty" }
            guard utf8.count <= maximumFieldBytes else {
                return "the \(name) has \(utf8.count) bytes; at most \(maximumFieldBytes) are allowed"
            }
            guard !utf8.contains(0) else { return "the \(name) contains a NUL character" }
            bytes.append(UInt8(utf8.count >> 8))
            bytes.append(UInt8(utf8.count & 0xFF))
            bytes.append(contentsOf: utf8)
            return nil
        }
        if let problem { throw .invalidEntry(problem) }
    }

    /// A cursor over an encoding being read.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) throws(LedgerError) -> ArraySlice<UInt8> {
            guard bytes.count - offset >= count else { throw .invalidEntry("the encoding ends early") }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func byte() throws(LedgerError) -> UInt8 { try take(1).first! }

        mutating func uint64() throws(LedgerError) -> UInt64 {
            try take(8).reduce(0) { $0 << 8 | UInt64($1) }
        }

        mutating func field() throws(LedgerError) -> String {
            let length = try take(2).reduce(0) { $0 << 8 | Int($1) }
            let utf8 = try take(length)
            guard let text = String(validating: utf8, as: UTF8.self) else {
                throw .invalidEntry("a field is not valid UTF-8")
            }
            return text
        }
    }
}
