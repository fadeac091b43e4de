/// Encodes a black-and-white image as a PNG with 1-bit grayscale pixels (ISO/IEC 15948).
enum BilevelPNG {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Bytes of one packed row of `width` pixels.
    static func rowBytes(width: Int) -> Int { (width + 7) / 8 }

    /// A PNG file from packed rows: `rowBytes(width:)` bytes a row, 8 pixels a byte, most
    /// significant bit first, 1 for white and 0 for black (PNG's 1-bit grayscale).
    static func encode(width: Int, height: Int, packedRows: [UInt8]) -> [UInt8] {
        let rowBytes = rowBytes(width: width)
        precondition(packedRows.count == rowBytes * height, "packed rows do not match the image size")
        let rowLength = rowBytes + 1
        // Each scanline starts with filter type 0 (none).
        var scanlines = [UInt8](repeating: 0, count: rowLength * height)
        for y in 0..<height {
            scanlines[(y * rowLength + 1)..<((y + 1) * rowLength)] = packedRows[(y * rowBytes)..<((y + 1) * rowBytes)]
        }
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [1, 0, 0, 0, 0]  // bit depth 1, grayscale, deflate, adaptive filtering, no interlace

        var file = signature
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", ZlibCompressor.compress(scanlines, rowLength: rowLength), to: &file)
        appendChunk("IEND", [], to: &file)
        return file
    }

    /// Appends a chunk: length, type, data and the CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        file += bigEndian(UInt32(data.count))
        file += typeAndData
        file += bigEndian(CRC32.checksum(typeAndData))
    }

    /// The four bytes of a value, most significant first.
    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
