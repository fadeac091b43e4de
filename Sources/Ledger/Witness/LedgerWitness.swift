public import Foundation

/// A witness of a log (c2sp.org/tlog-witness in spirit): it accepts a log's checkpoint only if
/// it extends every checkpoint it accepted before, and then cosigns it with its own key, so that
/// a client holding checkpoints cosigned by independent witnesses knows the log showed them all
/// one history. It refuses, and never cosigns, a rollback or a fork.
///
/// The cosignature is an ordinary signed-note signature line by the witness's Ed25519 key over
/// the checkpoint text, added after the log's own; verifiers that do not know the witness key
/// ignore it. The log's key is pinned at the first checkpoint accepted (trust on first use,
/// unless the caller pins it beforehand).
public struct LedgerWitness: Sendable {
    /// The witness's signing key; its name appears in the cosignature line.
    public let signer: NoteSigner

    /// A witness signing with a key.
    public init(signer: NoteSigner) {
        self.signer = signer
    }

    /// Examines a checkpoint served by the log. `previous` is the state after the last accepted
    /// checkpoint (none on the first run); `logKey` the key the log serves now; `consistency`
    /// fetches the log's consistency proof between two sizes. Returns the new state with the
    /// cosigned checkpoint, or throws a `WitnessRefusal` (or the fetch's error).
    public func examine(
        note: String, logKey: NoteVerifierKey, previous: WitnessState?, now: Date = Date(),
        consistency: (UInt64, UInt64) async throws -> ConsistencyProof
    ) async throws -> WitnessState {
        if let previous, previous.logKey != logKey.description {
            throw WitnessRefusal.keyChanged(pinned: previous.logKey, served: logKey.description)
        }
        let checkpoint: Checkpoint
        let signed: SignedNote
        do {
            checkpoint = try Checkpoint.open(note, verifier: logKey)
            signed = try SignedNote(parsing: note)
        } catch {
            throw WitnessRefusal.invalidCheckpoint(error)
        }
        if let previous {
            try await checkConsistency(of: checkpoint, with: previous, consistency: consistency)
        }
        // Keep the log's own signature and add ours; other lines (other witnesses') are not ours to vouch for.
        let logSignatures = signed.signatures.filter { logKey.matches($0) }
        let cosigned = try SignedNote(text: signed.text, signatures: logSignatures).adding(signatureBy: signer)
        return WitnessState(
            logKey: logKey.description, origin: checkpoint.origin, treeSize: checkpoint.treeSize,
            rootHash: checkpoint.rootHash, cosignedNote: cosigned.serialized, acceptedAt: now)
    }

    /// Refuses a checkpoint that does not extend the accepted one.
    private func checkConsistency(
        of checkpoint: Checkpoint, with previous: WitnessState,
        consistency: (UInt64, UInt64) async throws -> ConsistencyProof
    ) async throws {
        if checkpoint.treeSize < previous.treeSize {
            throw WitnessRefusal.rollback(accepted: previous.treeSize, served: checkpoint.treeSize)
        }
        if checkpoint.treeSize == previous.treeSize {
            guard checkpoint.rootHash == previous.rootHash else {
                throw WitnessRefusal.forkAtSameSize(
                    size: checkpoint.treeSize, accepted: previous.rootHash, served: checkpoint.rootHash)
            }
            return
        }
        // Every tree extends the empty one.
        guard previous.treeSize > 0 else { return }
        let proof = try await consistency(previous.treeSize, checkpoint.treeSize)
        guard proof.firstSize == previous.treeSize, proof.secondSize == checkpoint.treeSize else {
            throw WitnessRefusal.forkInconsistent(
                from: previous.treeSize, to: checkpoint.treeSize,
                problem: .corruptTree("the log answered with a proof for other sizes"))
        }
        do {
            try proof.verify(firstRoot: previous.rootHash, secondRoot: checkpoint.rootHash)
        } catch {
            throw WitnessRefusal.forkInconsistent(from: previous.treeSize, to: checkpoint.treeSize, problem: error)
        }
    }
}
