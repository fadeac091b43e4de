import Crypto
public import Foundation

/// A SHA-256 value: a Merkle tree node or root, a leaf hash, or a record's payload digest.
///
/// Held as four big-endian 64-bit words rather than an array, so that comparing, hashing and
/// copying one never touches the heap: a log audit handles tens of millions of them.
public struct LedgerHash: Sendable, Hashable, CustomStringConvertible {
    /// The number of bytes in a SHA-256 value.
    public static let byteCount = 32

    /// Bytes 0–7, big-endian.
    private let w0: UInt64
    /// Bytes 8–15, big-endian.
    private let w1: UInt64
    /// Bytes 16–23, big-endian.
    private let w2: UInt64
    /// Bytes 24–31, big-endian.
    private let w3: UInt64

    /// A hash from exactly 32 bytes; `malformedHash` for any other length.
    public init(bytes: some Collection<UInt8>) throws(LedgerError) {
        guard bytes.count == Self.byteCount else { throw .malformedHash(byteCount: bytes.count) }
        // Arrays, slices and `Data` are contiguous: read the words straight from their storage.
        // (This runs for every stored hash an audit reads.)
        if let hash = bytes.withContiguousStorageIfAvailable({ LedgerHash(UnsafeRawBufferPointer($0)) }) {
            self = hash
        } else {
            self = Array(bytes).withUnsafeBytes { LedgerHash($0) }
        }
    }

    /// A hash read from 32 bytes at the start of a buffer.
    init(_ buffer: UnsafeRawBufferPointer) {
        precondition(buffer.count >= Self.byteCount, "a SHA-256 value has 32 bytes")
        w0 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        w1 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        w2 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        w3 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    /// The hash of a finished SHA-256 computation.
    init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { LedgerHash($0) }
    }

    /// A hash from its standard base64 text (RFC 4648 §4), or `nil` when the text is not
    /// base64 of 32 bytes.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64), let hash = try? LedgerHash(bytes: data) else { return nil }
        self = hash
    }

    /// A hash from 64 hexadecimal digits (either case), or `nil`.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[pair]), let low = Self.nibble(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        guard let hash = try? LedgerHash(bytes: bytes) else { return nil }
        self = hash
    }

    /// The SHA-256 of some bytes, e.g. a record's canonical payload for `LedgerEntry.payloadDigest`.
    public static func sha256(of bytes: some DataProtocol) -> LedgerHash {
        LedgerHash(SHA256.hash(data: bytes))
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Self.byteCount) { buffer, count in
            write(to: UnsafeMutableRawBufferPointer(buffer))
            count = Self.byteCount
        }
    }

    /// The bytes as `Data`, for drivers that bind blobs.
    public var data: Data {
        var data = Data(count: Self.byteCount)
        data.withUnsafeMutableBytes { write(to: $0) }
        return data
    }

    /// Standard base64 of the bytes, as checkpoints and proofs carry hashes.
    public var base64: String { data.base64EncodedString() }

    /// Lower-case hexadecimal of the bytes.
    public var hex: String {
        let alphabet = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * Self.byteCount)
        for byte in bytes {
            text.append(alphabet[Int(byte >> 4)])
            text.append(alphabet[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The hexadecimal form.
    public var description: String { hex }

    /// Calls a body with the 32 bytes in a temporary buffer, without allocating. Inlinable so that
    /// it is specialised where it is used: the stores bind two hashes per appended leaf.
    @inlinable
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(byteCount: Self.byteCount, alignment: 8) { buffer in
            copyBytes(to: buffer)
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Writes the 32 bytes at the start of a buffer of at least 32 bytes.
    public func copyBytes(to buffer: UnsafeMutableRawBufferPointer) {
        write(to: buffer)
    }

    /// Writes the 32 bytes into a buffer at an offset.
    func write(to buffer: UnsafeMutableRawBufferPointer, at offset: Int = 0) {
        precondition(buffer.count - offset >= Self.byteCount, "a SHA-256 value has 32 bytes")
        buffer.storeBytes(of: w0.bigEndian, toByteOffset: offset, as: UInt64.self)
        buffer.storeBytes(of: w1.bigEndian, toByteOffset: offset + 8, as: UInt64.self)
        buffer.storeBytes(of: w2.bigEndian, toByteOffset: offset + 16, as: UInt64.self)
        buffer.storeBytes(of: w3.bigEndian, toByteOffset: offset + 24, as: UInt64.self)
    }

    /// The value of one hexadecimal digit.
    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension LedgerHash: Codable {
    /// Decodes the base64 text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = LedgerHash(base64: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not base64 of a 32-byte SHA-256 value")
        }
        self = hash
    }

    /// Encodes as base64 text, the form checkpoints use.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(base64)
    }
}
