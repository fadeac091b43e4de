/// Splits text into numeric, alphanumeric and byte segments so that the encoded bit stream is as
/// short as possible, e.g. the digit runs of a GS1 Digital Link URI go into numeric segments.
///
/// A shortest-path search over the input: for every byte and mode it keeps the cheapest encoding
/// of the prefix that ends in that mode. Costs are counted in sixths of a bit so that numeric
/// (10/3 bits per digit) and alphanumeric (11/2 bits per character) runs add up exactly; a
/// segment is rounded up to whole bits when the next one starts.
enum QRSegmentPlanner {
    /// The modes the planner chooses between.
    private static let modes: [QRSegmentMode] = [.numeric, .alphanumeric, .byte]

    /// The cheapest segmentation of UTF-8 bytes for versions in a size class (see
    /// `QRSegmentMode.sizeClass(ofVersion:)`). Multi-byte characters always land in byte mode.
    static func segments(for bytes: [UInt8], sizeClass: Int) -> [QRSegment] {
        guard !bytes.isEmpty else { return [] }
        let unreachable = Int.max / 4
        let headerCosts = modes.map { (4 + $0.characterCountBits(sizeClass: sizeClass)) * 6 }
        // Mode each prefix ended in before a byte, indexed by byte * 3 + mode.
        var previousMode = [UInt8](repeating: 0, count: bytes.count * 3)
        var costs = [unreachable, unreachable, unreachable]

        for (position, byte) in bytes.enumerated() {
            var next = [unreachable, unreachable, unreachable]
            for (target, mode) in modes.enumerated() where mode.canEncode(byte) {
                let byteCost = characterCost(mode)
                if position == 0 {
                    next[target] = headerCosts[target] + byteCost
                    previousMode[target] = UInt8(target)
                    continue
                }
                var best = costs[target]
                var from = target
                for source in 0..<3 where source != target && costs[source] < unreachable {
                    let switched = roundedUpToBit(costs[source]) + headerCosts[target]
                    if switched < best {
                        best = switched
                        from = source
                    }
                }
                if best < unreachable {
                    next[target] = best + byteCost
                    previousMode[position * 3 + target] = UInt8(from)
                }
            }
            costs = next
        }

        var mode = 0
        for candidate in 1..<3 where roundedUpToBit(costs[candidate]) < roundedUpToBit(costs[mode]) {
            mode = candidate
        }
        // Walk back, recording the mode of every byte, then cut runs into segments.
        var chosen = [Int](repeating: 0, count: bytes.count)
        for position in stride(from: bytes.count - 1, through: 0, by: -1) {
            chosen[position] = mode
            mode = Int(previousMode[position * 3 + mode])
        }
        var segments: [QRSegment] = []
        var start = 0
        for position in 1...bytes.count where position == bytes.count || chosen[position] != chosen[start] {
            segments.append(QRSegment(mode: modes[chosen[start]], bytes: bytes[start..<position]))
            start = position
        }
        return segments
    }

    /// Cost of one input byte in a mode, in sixths of a bit.
    private static func characterCost(_ mode: QRSegmentMode) -> Int {
        switch mode {
        case .numeric: 20
        case .alphanumeric: 33
        case .byte, .eci: 48
        }
    }

    /// A cost in sixths of a bit rounded up to a whole bit.
    private static func roundedUpToBit(_ cost: Int) -> Int {
        (cost + 5) / 6 * 6
    }
}
