extension DigitalLink {
    /// The Digital Link URI of one serialised unit, `stem/01/gtin14[/10/lot]/21/serial`, built
    /// in a single allocation for printing runs of millions of labels.
    ///
    /// Nothing is validated here: check the GTIN, lot and serial format once per batch (for
    /// example with `init(elements:)`) before printing. Only bytes outside the unreserved set
    /// `A-Z a-z 0-9 - . _ ~` are percent-encoded, exactly as `canonicalURI` does, so the result
    /// equals `canonicalURI(stem:)` of the same elements.
    public static func unitURI(stem: String, gtin14: String, lot: String?, serial: String) -> String {
        var stemBytes = stem.utf8[...]
        while stemBytes.last == UInt8(ascii: "/") { stemBytes.removeLast() }
        let lotCount = lot.map { 4 + 3 * $0.utf8.count } ?? 0
        let capacity = stemBytes.count + 4 + gtin14.utf8.count + lotCount + 4 + 3 * serial.utf8.count
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var position = 0
            /// Writes one byte.
            func append(_ byte: UInt8) {
                buffer[position] = byte
                position += 1
            }
            /// Writes text, percent-encoding all but unreserved bytes.
            func appendEscaped(_ text: String) {
                for byte in text.utf8 {
                    if ASCIISet.unreserved.contains(byte) {
                        append(byte)
                    } else {
                        append(UInt8(ascii: "%"))
                        append(PercentCoding.hexDigits[Int(byte >> 4)])
                        append(PercentCoding.hexDigits[Int(byte & 0x0F)])
                    }
                }
            }
            /// Writes `/ai/`.
            func appendSegment(_ ai: StaticString) {
                append(UInt8(ascii: "/"))
                for offset in 0..<ai.utf8CodeUnitCount { append(ai.utf8Start[offset]) }
                append(UInt8(ascii: "/"))
            }
            for byte in stemBytes { append(byte) }
            appendSegment("01")
            appendEscaped(gtin14)
            if let lot {
                appendSegment("10")
                appendEscaped(lot)
            }
            appendSegment("21")
            appendEscaped(serial)
            return position
        }
    }
}
