import Foundation
import Ledger
import Passport

extension JSONWriter {
    /// Writes a unit's ledger evidence as its `Codable` form does (snake_case keys, sorted,
    /// base64 bytes and hashes).
    mutating func write(_ evidence: UnitEvidence) {
        object { json in
            json.key("checkpoint"); json.string(evidence.checkpoint)
            json.key("inclusion_proof")
            json.array { list in for hash in evidence.inclusionProof { list.string(hash.base64) } }
            json.key("leaf_data"); json.string(evidence.leafData.base64EncodedString())
            json.key("leaf_index"); json.integer(evidence.leafIndex)
            json.key("log_key"); json.string(evidence.logKey)
            json.key("manifest"); json.string(evidence.manifest)
        }
    }
}
