import Foundation
import Ledger
import Testing

/// Hashing, the compact range and proof generation against RFC 9162's recursive definitions.
@Suite("Merkle tree")
struct TreeTests {
    /// Leaf hashes of distinct data, enough for every small tree shape.
    static let leafHashes = (0..<70).map { TreeHasher.leafHash(Array("leaf \($0)".utf8)) }

    @Test("leaf, node and empty-tree hashes are RFC 9162's")
    func knownHashes() throws {
        #expect(TreeHasher.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            TreeHasher.leafHash([UInt8]()).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        let tree = ReferenceTree(data: ReferenceTree.rfc6962Leaves)
        #expect(tree.root(size: 8).hex == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
        let left = tree.leafHashes[0]
        let right = tree.leafHashes[1]
        var input: [UInt8] = [0x01]
        input += left.bytes + right.bytes
        #expect(TreeHasher.nodeHash(left, right) == LedgerHash.sha256(of: input))
    }

    @Test("hashes round-trip through bytes, hex and base64; other lengths are refused")
    func hashForms() throws {
        let hash = Self.leafHashes[3]
        #expect(try LedgerHash(bytes: hash.bytes) == hash)
        #expect(LedgerHash(hex: hash.hex) == hash)
        #expect(LedgerHash(hex: hash.hex.uppercased()) == hash)
        #expect(LedgerHash(base64: hash.base64) == hash)
        #expect(throws: LedgerError.malformedHash(byteCount: 31)) { try LedgerHash(bytes: hash.bytes.dropLast()) }
        #expect(throws: LedgerError.malformedHash(byteCount: 33)) { try LedgerHash(bytes: hash.bytes + [0]) }
        #expect(LedgerHash(base64: "ZG9uJ3QgY2FyZSAx") == nil)
        #expect(LedgerHash(hex: String(hash.hex.dropLast()) + "g") == nil)
    }

    @Test("the compact range's root equals MTH at every size, and it reports each completed subtree once")
    func compactRange() throws {
        let reference = ReferenceTree(leafHashes: Self.leafHashes)
        var range = CompactRange()
        var completed: [NodeID] = []
        #expect(range.root == TreeHasher.emptyRoot)
        for (index, hash) in Self.leafHashes.enumerated() {
            range.append(hash) { node, _ in completed.append(node) }
            #expect(range.root == reference.root(size: index + 1), "size \(index + 1)")
            #expect(CompactRange.nodes(forSize: range.size).count == range.hashes.count)
        }
        let size = UInt64(Self.leafHashes.count)
        #expect(UInt64(completed.count) == size - UInt64(size.nonzeroBitCount))
        #expect(Set(completed).count == completed.count)
        let rebuilt = try CompactRange(size: range.size, hashes: range.hashes)
        #expect(rebuilt == range)
        #expect(throws: LedgerError.self) { try CompactRange(size: 5, hashes: [Self.leafHashes[0]]) }
    }

    @Test("inclusion proofs for every leaf of every tree up to 70 leaves equal PATH and verify")
    func inclusionProofs() throws {
        let reference = ReferenceTree(leafHashes: Self.leafHashes)
        let table = NodeTable(leafHashes: Self.leafHashes)
        for size in 1...Self.leafHashes.count {
            let root = reference.root(size: size)
            for index in 0..<size {
                let plan = try ProofPlan.inclusion(index: UInt64(index), size: UInt64(size))
                let proof = try table.hashes(for: plan)
                #expect(proof == reference.inclusion(index: index, size: size), "leaf \(index) of \(size)")
                try InclusionProof.verify(
                    index: UInt64(index), size: UInt64(size), leafHash: Self.leafHashes[index], path: proof, root: root)
                #expect(plan.nodes.count <= 2 * 7)
            }
        }
    }

    @Test("consistency proofs between every pair of sizes up to 70 equal PROOF and verify")
    func consistencyProofs() throws {
        let reference = ReferenceTree(leafHashes: Self.leafHashes)
        let table = NodeTable(leafHashes: Self.leafHashes)
        for second in 1...Self.leafHashes.count {
            for first in 1...second {
                let plan = try ProofPlan.consistency(first: UInt64(first), second: UInt64(second))
                let proof = try table.hashes(for: plan)
                #expect(proof == reference.consistency(first: first, second: second), "\(first) → \(second)")
                try ConsistencyProof.verify(
                    first: UInt64(first), second: UInt64(second), firstRoot: reference.root(size: first),
                    secondRoot: reference.root(size: second), path: proof)
            }
        }
    }

    @Test("a proof with any hash changed, dropped or added fails, as does one against the wrong root")
    func alteredProofs() throws {
        let reference = ReferenceTree(leafHashes: Self.leafHashes)
        let table = NodeTable(leafHashes: Self.leafHashes)
        let proof = try table.hashes(for: try ProofPlan.inclusion(index: 21, size: 53))
        let root = reference.root(size: 53)
        let leaf = Self.leafHashes[21]
        for position in proof.indices {
            var altered = proof
            altered[position] = Self.leafHashes[60]
            #expect(throws: LedgerError.rootMismatch) {
                try InclusionProof.verify(index: 21, size: 53, leafHash: leaf, path: altered, root: root)
            }
        }
        #expect(throws: LedgerError.proofTooShort) {
            try InclusionProof.verify(index: 21, size: 53, leafHash: leaf, path: Array(proof.dropLast()), root: root)
        }
        #expect(throws: LedgerError.proofTooLong) {
            try InclusionProof.verify(index: 21, size: 53, leafHash: leaf, path: proof + [root], root: root)
        }
        #expect(throws: LedgerError.rootMismatch) {
            try InclusionProof.verify(index: 21, size: 53, leafHash: leaf, path: proof, root: reference.root(size: 52))
        }
        #expect(throws: LedgerError.leafIndexOutOfRange(index: 53, size: 53)) {
            try InclusionProof.verify(index: 53, size: 53, leafHash: leaf, path: proof, root: root)
        }
        let consistency = try table.hashes(for: try ProofPlan.consistency(first: 21, second: 53))
        #expect(throws: LedgerError.firstRootMismatch) {
            try ConsistencyProof.verify(
                first: 21, second: 53, firstRoot: reference.root(size: 20), secondRoot: root, path: consistency)
        }
        #expect(throws: LedgerError.consistencyFromEmptyTree) { try ProofPlan.consistency(first: 0, second: 5) }
        #expect(throws: LedgerError.treeSizesOutOfOrder(first: 6, second: 5)) {
            try ProofPlan.consistency(first: 6, second: 5)
        }
    }

    @Test("a proof in a tree of ten million leaves reads at most two stored hashes per level")
    func proofPlanSize() throws {
        let size: UInt64 = 10_000_000
        for index: UInt64 in [0, 1, 4_999_999, 9_999_998, 9_999_999] {
            let plan = try ProofPlan.inclusion(index: index, size: size)
            #expect(plan.subtrees.count <= 24)
            #expect(plan.nodes.count <= 2 * 24)
        }
        let plan = try ProofPlan.consistency(first: 7_777_777, second: size)
        #expect(plan.nodes.count <= 2 * 24)
    }
}
