/// Positions of the `/` in a URI path, the first sixteen held inline so that parsing a
/// typical link allocates nothing for them.
struct SlashPositions {
    private typealias Inline = (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
    private var inline: Inline = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var overflow: [Int] = []
    /// How many positions are held.
    private(set) var count = 0

    /// Adds a position after the others.
    @inline(__always)
    mutating func append(_ position: Int) {
        if count < 16 {
            let slot = count
            withUnsafeMutableBytes(of: &inline) { $0.storeBytes(of: Int32(truncatingIfNeeded: position), toByteOffset: slot * 4, as: Int32.self) }
        } else {
            overflow.append(position)
        }
        count += 1
    }

    /// The position at `index`.
    ///
    /// A switch rather than `withUnsafeBytes(of: inline)`, which copies all sixteen slots
    /// for every read.
    @inline(__always)
    subscript(index: Int) -> Int {
        let value: Int32
        switch index {
        case 0: value = inline.0
        case 1: value = inline.1
        case 2: value = inline.2
        case 3: value = inline.3
        case 4: value = inline.4
        case 5: value = inline.5
        case 6: value = inline.6
        case 7: value = inline.7
        case 8: value = inline.8
        case 9: value = inline.9
        case 10: value = inline.10
        case 11: value = inline.11
        case 12: value = inline.12
        case 13: value = inline.13
        case 14: value = inline.14
        case 15: value = inline.15
        default: return overflow[index - 16]
        }
        return Int(value)
    }
}

/// The first four entry indices of a Digital Link path, kept in one integer; a path with
/// more AIs than that is invalid anyway and looks the rest up again.
struct SmallIndexList {
    private var bits: UInt64 = 0
    /// How many indices are held, at most four.
    private(set) var count = 0

    /// Puts an index (below 65536) in front, dropping the last when four are held.
    mutating func prepend(_ index: Int) {
        bits = bits << 16 | UInt64(index)
        count = min(count + 1, 4)
    }

    /// The index at `position`, counted from the front.
    subscript(position: Int) -> Int { Int((bits >> (16 * UInt64(position))) & 0xFFFF) }
}
