/// Why a witness refused a checkpoint: the log showed it a history that contradicts the one it
/// accepted before (a fork or a rollback), changed its key, or served something that does not
/// verify. A refusal is never retried into acceptance; it is reported.
public enum WitnessRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The log now signs with another key than the one pinned.
    case keyChanged(pinned: String, served: String)
    /// The checkpoint is signed by the log's key but is for a smaller tree than one accepted.
    case rollback(accepted: UInt64, served: UInt64)
    /// The checkpoint is for the accepted size but has another root.
    case forkAtSameSize(size: UInt64, accepted: LedgerHash, served: LedgerHash)
    /// The consistency proof from the accepted tree to the served one does not verify.
    case forkInconsistent(from: UInt64, to: UInt64, problem: LedgerError)
    /// The checkpoint does not open with the log's key (bad signature, wrong origin, malformed).
    case invalidCheckpoint(LedgerError)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .keyChanged: "key_changed"
        case .rollback: "rollback"
        case .forkAtSameSize, .forkInconsistent: "fork"
        case .invalidCheckpoint: "invalid_checkpoint"
        }
    }

    /// A message for people.
    public var description: String {
        switch self {
        case .keyChanged(let pinned, let served):
            "the log's key changed from \(pinned) to \(served)"
        case .rollback(let accepted, let served):
            "rollback: the log signed a checkpoint of \(served) leaves after one of \(accepted) was accepted"
        case .forkAtSameSize(let size, let accepted, let served):
            "fork: two checkpoints of \(size) leaves with different roots (accepted \(accepted.base64), now \(served.base64))"
        case .forkInconsistent(let from, let to, let problem):
            "fork: the tree of \(to) leaves does not extend the accepted tree of \(from) (\(problem))"
        case .invalidCheckpoint(let problem):
            "the served checkpoint is not valid: \(problem)"
        }
    }
}
