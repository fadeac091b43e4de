import Foundation
public import Ledger
public import Passport
import QualityCore
import Synchronization

/// Finds a scanned unit's ledger evidence cheaply: the issuance comes from the passport
/// catalogue's cache (with its manifest's ledger position), the checkpoint from
/// `LatestCheckpoint`, the manifest entry is rebuilt from the issuance rather than read, and
/// inclusion proofs are cached per leaf and checkpoint size. Every unit of an issuance shares one
/// proof, and the checkpoint moves at most once a second, so most scans read nothing.
public final class EvidenceLookup: Sendable {
    /// The passport use cases (their catalogue and store).
    let service: PassportService
    /// The log.
    let ledger: Ledger
    /// The latest checkpoint.
    let latest: LatestCheckpoint
    /// Proofs for the current checkpoint size, by leaf position.
    private let proofs = Mutex<(size: UInt64, byLeaf: [UInt64: InclusionProof])>((0, [:]))
    /// The most proofs kept.
    let capacity = 10_000

    /// A lookup over the service's data and the log.
    public init(service: PassportService, ledger: Ledger, latest: LatestCheckpoint) {
        self.service = service
        self.ledger = ledger
        self.latest = latest
    }

    /// The evidence of a verdict's unit, or `nil` when there is none to give: the code names no
    /// authentic issued unit, or its issuance is not yet under a signed checkpoint (it will be
    /// within a second).
    public func evidence(for verdict: Verdict) async throws -> UnitEvidence? {
        guard [.genuine, .suspectedClone, .recalled, .expired].contains(verdict.verdict),
            let lot = verdict.lot, let serial = verdict.serial, let unit = UnitSerial(parsing: serial),
            let gtin = try? GTIN(verdict.gtin)
        else { return nil }
        let issuances = try await service.catalog.issuances(gtin, lot) {
            try await service.store.issuances(gtin: gtin, lot: lot)
        }
        guard let issuance = issuances.first(where: { $0.contains(index: unit.index) }),
            let position = issuance.ledgerIndex
        else { return nil }
        let checkpoint = try await latest.current()
        guard position < checkpoint.treeSize else { return nil }
        let manifest = IssuanceManifest(issuance)
        let proof = try await proof(index: position, size: checkpoint.treeSize)
        let evidence = try LedgerEvidence(entry: manifest.entry, proof: proof, checkpoint: checkpoint.note)
        return UnitEvidence(ledger: evidence, manifest: manifest, logKey: ledger.verifierKey)
    }

    /// The inclusion proof of a leaf in the tree of a size, from the cache or the stored nodes.
    func proof(index: UInt64, size: UInt64) async throws -> InclusionProof {
        if let cached = proofs.withLock({ $0.size == size ? $0.byLeaf[index] : nil }) { return cached }
        let proof = try await ledger.inclusionProof(index: index, size: size)
        proofs.withLock { proofs in
            if proofs.size != size {
                // A proof is kept for the latest size only: older checkpoints are not served.
                guard size > proofs.size else { return }
                proofs = (size, [:])
            }
            if proofs.byLeaf.count >= capacity { proofs.byLeaf.removeAll() }
            proofs.byLeaf[index] = proof
        }
        return proof
    }
}
