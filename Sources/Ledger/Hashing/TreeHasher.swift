import Crypto
public import Foundation

/// The Merkle tree hashing of RFC 9162 §2.1.1 with SHA-256: a leaf hashes as
/// SHA-256(0x00 ‖ data), an interior node as SHA-256(0x01 ‖ left ‖ right), and the empty tree as
/// SHA-256 of nothing. The prefixes keep a leaf from ever hashing like a node (second preimages).
public enum TreeHasher {
    /// The root of the tree with no leaves: SHA-256 of the empty string.
    public static let emptyRoot = LedgerHash(SHA256.hash(data: [UInt8]()))

    /// The hash of a leaf with some data.
    public static func leafHash(_ data: some ContiguousBytes) -> LedgerHash {
        data.withUnsafeBytes { bytes in
            var hasher = SHA256()
            withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: bytes)
            return LedgerHash(hasher.finalize())
        }
    }

    /// The hash of an interior node from its children's hashes.
    ///
    /// The 65-byte input is assembled on the stack: this runs once per leaf on every append and
    /// twice per leaf in an audit.
    public static func nodeHash(_ left: LedgerHash, _ right: LedgerHash) -> LedgerHash {
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { buffer in
            buffer.storeBytes(of: 0x01, toByteOffset: 0, as: UInt8.self)
            left.write(to: buffer, at: 1)
            right.write(to: buffer, at: 33)
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return LedgerHash(hasher.finalize())
        }
    }
}
