/// The first inconsistency an audit finds: what kind, where in the log, and a message naming it.
public struct LedgerProblem: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kinds of inconsistency, each with a stable code.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An entry's fields no longer hash to its stored leaf hash.
        case entryEdited = "entry_edited"
        /// An entry's fields make no valid entry (unknown kind, malformed digest).
        case entryUnreadable = "entry_unreadable"
        /// A position inside the tree has no entry.
        case entryMissing = "entry_missing"
        /// An entry lies beyond the tree head.
        case entryUnexpected = "entry_unexpected"
        /// A stored subtree hash disagrees with the entries under it.
        case subtreeMismatch = "subtree_mismatch"
        /// A complete subtree has no stored hash.
        case nodeMissing = "node_missing"
        /// A subtree hash is stored for leaves the tree does not have.
        case nodeUnexpected = "node_unexpected"
        /// A checkpoint's root differs from the entries' root at its size, or from its own note.
        case checkpointMismatch = "checkpoint_mismatch"
        /// A checkpoint's note is malformed or its signature does not verify.
        case checkpointSignature = "checkpoint_signature"
        /// A checkpoint is for more leaves than the log holds.
        case checkpointBeyondTree = "checkpoint_beyond_tree"
        /// The tree head's root differs from the entries' root.
        case headMismatch = "head_mismatch"
    }

    /// What kind of inconsistency.
    public var kind: Kind
    /// The leaf position or tree size where it shows.
    public var position: UInt64
    /// A message for people.
    public var message: String

    /// A problem from its parts.
    public init(_ kind: Kind, at position: UInt64, _ message: String) {
        self.kind = kind
        self.position = position
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
