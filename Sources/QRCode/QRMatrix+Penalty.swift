extension QRMatrix {
    /// The mask evaluation score of ISO/IEC 18004 7.8.3; the encoder keeps the mask with the
    /// lowest score. Sums four rules: runs of five or more equal modules in a line, 2×2 blocks of
    /// one colour, finder-like 1:1:3:1:1 patterns with four light modules on a side, and the
    /// deviation of the dark share from 50%.
    ///
    /// This runs eight times per symbol and dominated encoding time in profiles, so it reads the
    /// modules through an unsafe buffer to avoid a bounds check per module.
    var penaltyScore: Int {
        modules.withUnsafeBufferPointer { grid in
            var score = 0
            for line in 0..<size {
                score += Self.linePenalty(grid, start: line * size, stride: 1, count: size)
                score += Self.linePenalty(grid, start: line, stride: size, count: size)
            }
            return score + Self.blockPenalty(grid, size: size) + Self.balancePenalty(grid)
        }
    }

    /// Rules 1 and 3 along one row (`stride` 1) or column (`stride` size).
    ///
    /// Rule 3 slides an 11-module window over the line padded with four light modules at each
    /// end (the quiet zone) and matches dark-light-dark-dark-dark-light-dark with four light
    /// modules after or before it.
    private static func linePenalty(_ grid: UnsafeBufferPointer<UInt8>, start: Int, stride: Int, count: Int) -> Int {
        // Written without branches on module colour: with data modules about half dark, branches
        // on them mispredict often enough to double the cost of this loop.
        var score = 0
        var runColour = 2
        var runLength = 0
        var window = 0
        for index in 0..<count {
            let colour = Int(grid[start + index * stride])
            let continues = colour == runColour
            score &+= !continues && runLength >= 5 ? runLength &- 2 : 0
            runLength = continues ? runLength &+ 1 : 1
            runColour = colour
            window = (window << 1 | colour) & 0x7FF
            score &+= window == 0b101_1101_0000 || window == 0b000_0101_1101 ? 40 : 0
        }
        score += runLength >= 5 ? runLength - 2 : 0
        // Four light modules of quiet zone after the line can complete a pattern that ends light.
        for _ in 0..<4 {
            window = (window << 1) & 0x7FF
            score += window == 0b101_1101_0000 ? 40 : 0
        }
        return score
    }

    /// Rule 2: 3 points for every 2×2 block of one colour, overlapping blocks counted separately.
    private static func blockPenalty(_ grid: UnsafeBufferPointer<UInt8>, size: Int) -> Int {
        var blocks = 0
        for y in 0..<(size - 1) {
            let row = y * size
            for x in 0..<(size - 1) {
                let index = row + x
                let sum = grid[index] &+ grid[index + 1] &+ grid[index + size] &+ grid[index + size + 1]
                if sum == 0 || sum == 4 { blocks += 1 }
            }
        }
        return blocks * 3
    }

    /// Rule 4: 10 points for every full 5% step the dark share is away from 50%.
    private static func balancePenalty(_ grid: UnsafeBufferPointer<UInt8>) -> Int {
        var dark = 0
        for module in grid { dark += Int(module) }
        let total = grid.count
        return abs(dark * 20 - total * 10) / total * 10
    }
}
