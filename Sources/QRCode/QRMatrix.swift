/// The module grid of a symbol while it is being built: function patterns first, then the
/// codewords, then a mask and the format information.
struct QRMatrix: Sendable {
    /// Modules along one side.
    let size: Int
    /// 1 for a dark module, 0 for a light one, row by row.
    private(set) var modules: [UInt8]
    /// Whether a module belongs to a function pattern or the format or version information, and so
    /// carries no data and is never masked.
    private(set) var isReserved: [Bool]

    /// A grid for a version with every function pattern and the version information drawn, and the
    /// format information areas reserved.
    init(version: QRVersion) {
        size = version.size
        modules = [UInt8](repeating: 0, count: size * size)
        isReserved = [Bool](repeating: false, count: size * size)
        drawTimingPatterns()
        drawFinderPattern(centreX: 3, centreY: 3)
        drawFinderPattern(centreX: size - 4, centreY: 3)
        drawFinderPattern(centreX: 3, centreY: size - 4)
        drawAlignmentPatterns(centres: version.alignmentCentres)
        // Reserve the format areas now so codeword placement skips them; the bits come with the mask.
        drawFormatInformation(0)
        drawVersionInformation(version.number)
    }

    /// Whether the module at column `x`, row `y` is dark.
    func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] != 0 }

    /// Sets a module and marks it as part of a function pattern.
    private mutating func setFunctionModule(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark ? 1 : 0
        isReserved[y * size + x] = true
    }

    /// Row 6 and column 6 alternate dark and light, starting dark.
    private mutating func drawTimingPatterns() {
        for index in 0..<size {
            setFunctionModule(x: 6, y: index, dark: index % 2 == 0)
            setFunctionModule(x: index, y: 6, dark: index % 2 == 0)
        }
    }

    /// A 7×7 finder pattern with the light separator around it, clipped at the symbol edge.
    private mutating func drawFinderPattern(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx
                let y = centreY + dy
                guard x >= 0, x < size, y >= 0, y < size else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunctionModule(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// 5×5 alignment patterns at every pair of centres except the three finder corners.
    private mutating func drawAlignmentPatterns(centres: [Int]) {
        guard let first = centres.first, let last = centres.last else { return }
        for centreY in centres {
            for centreX in centres {
                let onFinder =
                    (centreX == first && centreY == first) || (centreX == first && centreY == last)
                    || (centreX == last && centreY == first)
                if onFinder { continue }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunctionModule(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
    }

    /// Writes both copies of a 15-bit format word and the dark module beside the lower-left finder.
    mutating func drawFormatInformation(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 != 0 }
        // Around the upper-left finder: up column 8, then left along row 8 (skipping the timing pattern).
        for index in 0...5 { setFunctionModule(x: 8, y: index, dark: bit(index)) }
        setFunctionModule(x: 8, y: 7, dark: bit(6))
        setFunctionModule(x: 8, y: 8, dark: bit(7))
        setFunctionModule(x: 7, y: 8, dark: bit(8))
        for index in 9...14 { setFunctionModule(x: 14 - index, y: 8, dark: bit(index)) }
        // Second copy: row 8 under the upper-right finder, column 8 beside the lower-left one.
        for index in 0...7 { setFunctionModule(x: size - 1 - index, y: 8, dark: bit(index)) }
        for index in 8...14 { setFunctionModule(x: 8, y: size - 15 + index, dark: bit(index)) }
        setFunctionModule(x: 8, y: size - 8, dark: true)
    }

    /// Writes both 6×3 copies of the version word for versions 7 and above.
    private mutating func drawVersionInformation(_ version: Int) {
        guard version >= 7 else { return }
        let bits = QRFormatInformation.versionBits(version: version)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 != 0
            let across = size - 11 + index % 3
            let down = index / 3
            setFunctionModule(x: across, y: down, dark: dark)
            setFunctionModule(x: down, y: across, dark: dark)
        }
    }

    /// Places codeword bits, most significant first, in two-module-wide columns that zigzag up and
    /// down from the lower-right corner, skipping reserved modules and the vertical timing column.
    /// Modules left over (the remainder bits) stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        var bitIndex = 0
        var upward = true
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in stride(from: right, through: right - 1, by: -1) where !isReserved[y * size + x] {
                    guard bitIndex < totalBits else { continue }
                    let byte = codewords[bitIndex >> 3]
                    modules[y * size + x] = (byte >> (7 - UInt8(bitIndex & 7))) & 1
                    bitIndex += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }

    /// Flips the data modules selected by a mask; applying the same mask twice restores the grid.
    mutating func applyMask(_ mask: QRMask) {
        let size = size
        isReserved.withUnsafeBufferPointer { reserved in
            modules.withUnsafeMutableBufferPointer { grid in
                for y in 0..<size {
                    for x in 0..<size where !reserved[y * size + x] && mask.flips(x: x, y: y) {
                        grid[y * size + x] ^= 1
                    }
                }
            }
        }
    }
}
