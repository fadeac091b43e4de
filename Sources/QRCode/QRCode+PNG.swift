extension QRCode {
    /// A PNG image of the symbol: 1-bit grayscale, black modules on white.
    ///
    /// - Parameters:
    ///   - scale: Pixels per module side; values below 1 count as 1.
    ///   - quietZone: Light modules around the symbol; the standard asks for 4. Negative values count as 0.
    public func png(scale: Int = 8, quietZone: Int = 4) -> [UInt8] {
        let scale = max(1, scale)
        let quietZone = max(0, quietZone)
        let side = (size + 2 * quietZone) * scale
        let rowBytes = BilevelPNG.rowBytes(width: side)
        var packedRows: [UInt8] = []
        packedRows.reserveCapacity(rowBytes * side)
        // Pack each row of modules once and repeat it for the `scale` pixel rows it covers.
        var row = [UInt8](repeating: 0, count: rowBytes)
        for moduleY in -quietZone..<(size + quietZone) {
            for index in row.indices { row[index] = 0 }
            for x in 0..<side where !isDark(x: x / scale - quietZone, y: moduleY) {
                row[x >> 3] |= 0x80 >> UInt8(x & 7)
            }
            for _ in 0..<scale { packedRows += row }
        }
        return BilevelPNG.encode(width: side, height: side, packedRows: packedRows)
    }
}
