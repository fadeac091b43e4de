public import Foundation
public import Ledger
import QualityCore

/// A scanned unit's ledger evidence, as the JSON verdict carries it: the ledger evidence of its
/// issuance's manifest entry, the manifest itself, and the log's verifier key. A client checks
/// offline that the log holds an issuance of this batch covering this unit's index.
///
/// What it proves: the producer's issuance of the unit's range was logged, under a checkpoint
/// the log signed, and so cannot be quietly rewritten later. What it cannot prove offline: that
/// the serial's security tag is genuine, which needs the producer's secret (the verdict's
/// `serial.authentic` check).
public struct UnitEvidence: Sendable, Hashable, Codable {
    /// The manifest entry's position.
    public var leafIndex: UInt64
    /// The manifest entry's canonical encoding.
    public var leafData: Data
    /// The signed checkpoint the proof leads to.
    public var checkpoint: String
    /// The inclusion proof's hashes.
    public var inclusionProof: [LedgerHash]
    /// The issuance manifest whose SHA-256 the entry carries.
    public var manifest: String
    /// The log's note verifier key, for clients that have not pinned it.
    public var logKey: String

    /// Evidence from the ledger's part, the manifest and the key.
    public init(ledger: LedgerEvidence, manifest: IssuanceManifest, logKey: NoteVerifierKey) {
        leafIndex = ledger.leafIndex
        leafData = ledger.leafData
        checkpoint = ledger.checkpoint
        inclusionProof = ledger.inclusionProof
        self.manifest = manifest.text
        self.logKey = logKey.description
    }

    /// The ledger's part.
    public var ledger: LedgerEvidence {
        LedgerEvidence(leafIndex: leafIndex, leafData: leafData, checkpoint: checkpoint, inclusionProof: inclusionProof)
    }

    /// What a successful check established.
    public struct Finding: Sendable {
        /// The checkpoint the proof leads to.
        public var checkpoint: Checkpoint
        /// The manifest entry.
        public var entry: LedgerEntry
        /// The manifest.
        public var manifest: IssuanceManifest
        /// The unit's index within its batch.
        public var unitIndex: Int64
    }

    /// Checks the evidence for a unit (GTIN-14, lot, serial as in the verdict) against the log's
    /// key (`key`, or else the one in the evidence): the ledger evidence verifies, the entry is a
    /// code issuance whose digest is the manifest's, and the manifest covers this unit.
    public func verify(gtin: String, lot: String, serial: String, trusting key: NoteVerifierKey? = nil) throws
        -> Finding
    {
        let trusted = try key ?? NoteVerifierKey(parsing: logKey)
        let (checkpoint, entry) = try ledger.verify(trusting: trusted)
        let manifest = try IssuanceManifest(parsing: manifest)
        guard entry.kind == .codeIssuance,
            entry.record == LedgerRecordReference(table: IssuanceManifest.table, key: String(manifest.issuanceID))
        else {
            throw QualityError.invalid(
                "evidence_mismatch", "the logged entry is not the manifest's issuance (it is \(entry.kind.rawValue))")
        }
        guard entry.payloadDigest == manifest.digest, entry == manifest.entry else {
            throw QualityError.invalid("evidence_mismatch", "the manifest is not the one the log recorded")
        }
        guard manifest.gtin == gtin, manifest.lot == lot else {
            throw QualityError.invalid(
                "evidence_mismatch", "the manifest is for \(manifest.gtin) lot \(manifest.lot), not \(gtin) lot \(lot)")
        }
        guard let unit = UnitSerial(parsing: serial), manifest.covers(index: unit.index) else {
            throw QualityError.invalid("evidence_mismatch", "the manifest does not cover serial \(serial)")
        }
        return Finding(checkpoint: checkpoint, entry: entry, manifest: manifest, unitIndex: unit.index)
    }
}
