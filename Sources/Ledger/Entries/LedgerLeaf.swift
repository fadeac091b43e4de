/// An entry with its leaf hash, ready to append. The hash is computed by the initialiser and
/// nowhere else, so a leaf's hash always matches its entry; callers compute it before joining a
/// batch, outside any lock.
public struct LedgerLeaf: Sendable, Hashable {
    /// The entry.
    public let entry: LedgerEntry
    /// SHA-256(0x00 ‖ entry.canonicalEncoding()).
    public let hash: LedgerHash

    /// Encodes and hashes an entry; throws `invalidEntry` when it cannot be encoded.
    public init(_ entry: LedgerEntry) throws(LedgerError) {
        self.entry = entry
        self.hash = try entry.leafHash()
    }
}
