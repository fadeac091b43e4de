/// Builds the final codeword sequence of a symbol: segments, terminator and padding make the data
/// codewords; each block gets its Reed–Solomon codewords; then blocks are interleaved
/// (ISO/IEC 18004 7.4.9–7.6).
enum QRCodewords {
    /// Data codewords: the segments, a terminator of up to four zero bits, zero bits to the next
    /// byte, then the pad bytes 0xEC and 0x11 in turn until the capacity is filled.
    static func data(segments: [QRSegment], version: QRVersion, correction: QRErrorCorrection) -> [UInt8] {
        let capacity = version.dataCodewords(correction)
        let sizeClass = QRSegmentMode.sizeClass(ofVersion: version.number)
        var buffer = QRBitBuffer(capacity: capacity * 8)
        for segment in segments { segment.write(to: &buffer, sizeClass: sizeClass) }
        precondition(buffer.count <= capacity * 8, "segments exceed the capacity of the version")
        buffer.append(0, width: min(4, capacity * 8 - buffer.count))
        buffer.append(0, width: (8 - buffer.count % 8) % 8)
        var codewords = buffer.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return codewords
    }

    /// The data codewords split into blocks, each followed by its error correction codewords,
    /// interleaved: first data codeword of every block, then the second, …; then the error
    /// correction codewords in the same way.
    static func interleaved(data: [UInt8], version: QRVersion, correction: QRErrorCorrection) -> [UInt8] {
        let layout = version.blocks(correction)
        precondition(data.count == layout.dataCodewords, "data codeword count does not match the version")
        let encoder = ReedSolomonEncoder(degree: layout.correctionCodewordsPerBlock)
        let shortCount = layout.blockCount - layout.longBlockCount
        var dataBlocks: [ArraySlice<UInt8>] = []
        var correctionBlocks: [[UInt8]] = []
        var start = 0
        for block in 0..<layout.blockCount {
            let length = layout.shortBlockDataCodewords + (block < shortCount ? 0 : 1)
            let slice = data[start..<start + length]
            dataBlocks.append(slice)
            correctionBlocks.append(encoder.correctionCodewords(for: slice))
            start += length
        }

        var result: [UInt8] = []
        result.reserveCapacity(layout.totalCodewords)
        for column in 0...layout.shortBlockDataCodewords {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<layout.correctionCodewordsPerBlock {
            for block in correctionBlocks { result.append(block[column]) }
        }
        return result
    }
}
