/// RFC 3986 percent-decoding and the percent-encoding GS1's reference engine uses for
/// Digital Link URIs: everything except unreserved characters is escaped, so `!` → `%21`.
enum PercentCoding {
    /// What went wrong while decoding.
    enum DecodeFailure: Error {
        /// A `%` at this offset is not followed by two hexadecimal digits.
        case badSequence(offset: Int)
        /// A `%00` at this offset would put a NUL byte into the value.
        case nul(offset: Int)
    }

    /// Whether `data` needs decoding at all: it holds a `%`, or a `+` that means space.
    @inline(__always)
    static func needsDecoding(_ data: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) -> Bool {
        let plus = plusIsSpace ? UInt8(ascii: "+") : UInt8(ascii: "%")
        for byte in data where byte == UInt8(ascii: "%") || byte == plus { return true }
        return false
    }

    /// Offset of the first `%` not followed by two hexadecimal digits, if any.
    static func firstBadSequence(in data: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < data.count {
            if data[index] == UInt8(ascii: "%") {
                guard index + 2 < data.count, ASCIISet.hexDigits.contains(data[index + 1]), ASCIISet.hexDigits.contains(data[index + 2]) else {
                    return index
                }
                index += 3
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Decodes `data`; in a query component `+` stands for a space.
    static func decode(_ data: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) -> Result<[UInt8], DecodeFailure> {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var index = 0
        while index < data.count {
            let byte = data[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < data.count, let high = hexValue(data[index + 1]), let low = hexValue(data[index + 2]) else {
                    return .failure(.badSequence(offset: index))
                }
                let decoded = high << 4 | low
                if decoded == 0 { return .failure(.nul(offset: index)) }
                output.append(decoded)
                index += 3
            } else {
                output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return .success(output)
    }

    /// Decodes a query key or value into a string, keeping malformed sequences as they are.
    static func decodeLeniently(_ data: UnsafeBufferPointer<UInt8>) -> String {
        guard needsDecoding(data, plusIsSpace: true) else { return String(decoding: data, as: UTF8.self) }
        switch decode(data, plusIsSpace: true) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure: return String(decoding: data, as: UTF8.self)
        }
    }

    /// Appends `value` to `output`, escaping all but unreserved characters; in a query
    /// component a space becomes `+`.
    static func appendEscaped(_ value: String, query: Bool, to output: inout String) {
        var needsEscaping = false
        for byte in value.utf8 where !ASCIISet.unreserved.contains(byte) {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            output += value
            return
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 { appendEscaped(byte, query: query, to: &escaped) }
        output += String(decoding: escaped, as: UTF8.self)
    }

    /// Appends one byte, escaped if it is not unreserved.
    @inline(__always)
    static func appendEscaped(_ byte: UInt8, query: Bool, to output: inout [UInt8]) {
        if ASCIISet.unreserved.contains(byte) {
            output.append(byte)
        } else if query && byte == UInt8(ascii: " ") {
            output.append(UInt8(ascii: "+"))
        } else {
            output.append(UInt8(ascii: "%"))
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Upper-case hexadecimal digits, as GS1's engine writes them.
    static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
