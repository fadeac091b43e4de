import Ledger

/// RFC 9162's recursive definitions (MTH, PATH, PROOF) written out literally over a list of leaf
/// data: slow and obviously right, the yardstick for the iterative code under test.
struct ReferenceTree {
    /// The leaves' hashes.
    let leafHashes: [LedgerHash]

    /// The leaves of RFC 6962's test tree (and of the transparency-dev proof vectors).
    static let rfc6962Leaves: [[UInt8]] = [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ]

    /// A tree of leaf data.
    init(data: [[UInt8]]) { leafHashes = data.map { TreeHasher.leafHash($0) } }

    /// A tree of leaf hashes.
    init(leafHashes: [LedgerHash]) { self.leafHashes = leafHashes }

    /// MTH(D[n]) of the first `size` leaves.
    func root(size: Int) -> LedgerHash { mth(0..<size) }

    /// PATH(m, D[n]).
    func inclusion(index: Int, size: Int) -> [LedgerHash] { path(index, 0..<size) }

    /// PROOF(m, D[n]).
    func consistency(first: Int, second: Int) -> [LedgerHash] { subproof(first, 0..<second, true) }

    private func mth(_ range: Range<Int>) -> LedgerHash {
        if range.isEmpty { return TreeHasher.emptyRoot }
        if range.count == 1 { return leafHashes[range.lowerBound] }
        let k = split(range.count)
        let middle = range.lowerBound + k
        return TreeHasher.nodeHash(mth(range.lowerBound..<middle), mth(middle..<range.upperBound))
    }

    private func path(_ m: Int, _ range: Range<Int>) -> [LedgerHash] {
        if range.count <= 1 { return [] }
        let k = split(range.count)
        let middle = range.lowerBound + k
        if m < k { return path(m, range.lowerBound..<middle) + [mth(middle..<range.upperBound)] }
        return path(m - k, middle..<range.upperBound) + [mth(range.lowerBound..<middle)]
    }

    private func subproof(_ m: Int, _ range: Range<Int>, _ complete: Bool) -> [LedgerHash] {
        if m == range.count { return complete ? [] : [mth(range)] }
        let k = split(range.count)
        let middle = range.lowerBound + k
        if m <= k { return subproof(m, range.lowerBound..<middle, complete) + [mth(middle..<range.upperBound)] }
        return subproof(m - k, middle..<range.upperBound, false) + [mth(range.lowerBound..<middle)]
    }

    /// The largest power of two smaller than n.
    private func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }
}
