/// A run of input written in one mode: mode indicator, character count and packed data.
struct QRSegment: Sendable, Equatable {
    /// The ECI designator for UTF-8 (ISO/IEC 18004 7.4.2, AIM ECI 000026).
    static let utf8Designator = 26

    /// How the run is packed.
    let mode: QRSegmentMode
    /// The input bytes of the run; for an ECI segment, the designator number as one byte.
    let bytes: ArraySlice<UInt8>

    /// A segment announcing that byte data that follows is UTF-8.
    static let utf8Announcement = QRSegment(mode: .eci, bytes: [UInt8(utf8Designator)][...])

    /// Bits of packed data, without mode indicator and count.
    var dataBitCount: Int {
        switch mode {
        case .numeric: (bytes.count * 10 + 2) / 3
        case .alphanumeric: (bytes.count * 11 + 1) / 2
        case .byte: bytes.count * 8
        case .eci: 8
        }
    }

    /// Bits of the whole segment in a version size class, or nil when the count does not fit the
    /// count field of that class.
    func bitCount(sizeClass: Int) -> Int? {
        let countBits = mode.characterCountBits(sizeClass: sizeClass)
        if mode != .eci && bytes.count >= 1 << countBits { return nil }
        return 4 + countBits + dataBitCount
    }

    /// Writes the segment for a version size class; the count must fit (see `bitCount`).
    func write(to buffer: inout QRBitBuffer, sizeClass: Int) {
        buffer.append(mode.indicator, width: 4)
        switch mode {
        case .eci:
            buffer.append(Int(bytes.first ?? 0), width: 8)
        case .numeric:
            buffer.append(bytes.count, width: mode.characterCountBits(sizeClass: sizeClass))
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let group = min(3, bytes.endIndex - index)
                var value = 0
                for offset in 0..<group { value = value * 10 + Int(bytes[index + offset] - 0x30) }
                buffer.append(value, width: group * 3 + 1)
                index += group
            }
        case .alphanumeric:
            buffer.append(bytes.count, width: mode.characterCountBits(sizeClass: sizeClass))
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                let pair =
                    Int(QRSegmentMode.alphanumericValues[Int(bytes[index])]) * 45
                    + Int(QRSegmentMode.alphanumericValues[Int(bytes[index + 1])])
                buffer.append(pair, width: 11)
                index += 2
            }
            if index < bytes.endIndex {
                buffer.append(Int(QRSegmentMode.alphanumericValues[Int(bytes[index])]), width: 6)
            }
        case .byte:
            buffer.append(bytes.count, width: mode.characterCountBits(sizeClass: sizeClass))
            for byte in bytes { buffer.append(Int(byte), width: 8) }
        }
    }
}
