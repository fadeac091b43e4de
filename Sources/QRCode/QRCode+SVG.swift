extension QRCode {
    /// An SVG image of the symbol: a white background and one black path in module units, drawn
    /// with crisp edges so that modules keep sharp borders at any zoom.
    ///
    /// - Parameters:
    ///   - moduleSize: The width and height of one module in user units (pixels); values below 1 count as 1.
    ///   - quietZone: Light modules around the symbol; the standard asks for 4. Negative values count as 0.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let moduleSize = max(1, moduleSize)
        let quietZone = max(0, quietZone)
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        var path = ""
        path.reserveCapacity(size * size * 3)
        // One rectangle per horizontal run of dark modules.
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(pixels)\" height=\"\(pixels)\" "
            + "viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
