public import QualityCore

/// What went wrong in the ledger: a proof that does not verify, a malformed hash, note, key or
/// entry, or a request outside the tree.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A hash that is not 32 bytes long.
    case malformedHash(byteCount: Int)
    /// A leaf position at or past the tree's size.
    case leafIndexOutOfRange(index: UInt64, size: UInt64)
    /// A consistency request whose first size exceeds its second.
    case treeSizesOutOfOrder(first: UInt64, second: UInt64)
    /// A consistency request from the empty tree, which proves nothing.
    case consistencyFromEmptyTree
    /// A tree size larger than the log.
    case sizeBeyondTree(size: UInt64, treeSize: UInt64)
    /// A proof with more hashes than its tree sizes allow.
    case proofTooLong
    /// A proof with fewer hashes than its tree sizes need.
    case proofTooShort
    /// A proof that does not reproduce the (newer) root.
    case rootMismatch
    /// A consistency proof that does not reproduce the older root.
    case firstRootMismatch
    /// A complete subtree the store should hold but does not.
    case missingNode(NodeID)
    /// Stored tree data that contradicts itself.
    case corruptTree(String)
    /// An entry that cannot be encoded (empty, too long, or with a NUL character).
    case invalidEntry(String)
    /// A signed note that breaks the signed-note format.
    case malformedNote(String)
    /// A checkpoint body that breaks the checkpoint format.
    case malformedCheckpoint(String)
    /// A verifier or signer key string that cannot be read.
    case malformedKey(String)
    /// A checkpoint from another log.
    case wrongOrigin(expected: String, found: String)
    /// A signature by a trusted key that does not verify.
    case badSignature(keyName: String)
    /// A note with no signature by any trusted key.
    case noTrustedSignature
    /// The signing key file cannot be read or written safely.
    case keyFile(String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .malformedHash: "malformed_hash"
        case .leafIndexOutOfRange: "leaf_index_out_of_range"
        case .treeSizesOutOfOrder: "tree_sizes_out_of_order"
        case .consistencyFromEmptyTree: "consistency_from_empty_tree"
        case .sizeBeyondTree: "size_beyond_tree"
        case .proofTooLong: "proof_too_long"
        case .proofTooShort: "proof_too_short"
        case .rootMismatch: "root_mismatch"
        case .firstRootMismatch: "first_root_mismatch"
        case .missingNode: "missing_node"
        case .corruptTree: "corrupt_tree"
        case .invalidEntry: "invalid_entry"
        case .malformedNote: "malformed_note"
        case .malformedCheckpoint: "malformed_checkpoint"
        case .malformedKey: "malformed_key"
        case .wrongOrigin: "wrong_origin"
        case .badSignature: "bad_signature"
        case .noTrustedSignature: "no_trusted_signature"
        case .keyFile: "key_file"
        }
    }

    /// A message for people.
    public var description: String {
        switch self {
        case .malformedHash(let count): "a hash must have 32 bytes; this one has \(count)"
        case .leafIndexOutOfRange(let index, let size): "leaf \(index) is not in a tree of \(size) leaves"
        case .treeSizesOutOfOrder(let first, let second): "tree size \(first) is larger than \(second)"
        case .consistencyFromEmptyTree: "a consistency proof needs a first tree of at least one leaf"
        case .sizeBeyondTree(let size, let treeSize): "tree size \(size) is beyond the log's \(treeSize) leaves"
        case .proofTooLong: "the proof has more hashes than the tree sizes allow"
        case .proofTooShort: "the proof has fewer hashes than the tree sizes need"
        case .rootMismatch: "the proof does not lead to the given root"
        case .firstRootMismatch: "the proof does not lead to the given older root"
        case .missingNode(let node): "the store has no hash for complete subtree \(node)"
        case .corruptTree(let detail): "stored tree data is inconsistent: \(detail)"
        case .invalidEntry(let detail): "invalid ledger entry: \(detail)"
        case .malformedNote(let detail): "malformed signed note: \(detail)"
        case .malformedCheckpoint(let detail): "malformed checkpoint: \(detail)"
        case .malformedKey(let detail): "malformed note key: \(detail)"
        case .wrongOrigin(let expected, let found): "checkpoint is from log '\(found)', not '\(expected)'"
        case .badSignature(let name): "the signature by \(name) does not verify"
        case .noTrustedSignature: "the note has no signature by a trusted key"
        case .keyFile(let detail): "ledger key file: \(detail)"
        }
    }

    /// The same failure as a domain error, for the interfaces that report `QualityError`s.
    public var qualityError: QualityError {
        switch self {
        case .missingNode, .corruptTree, .keyFile:
            QualityError(.conflict, code: code, message: description)
        default:
            QualityError(.invalid, code: code, message: description)
        }
    }
}
