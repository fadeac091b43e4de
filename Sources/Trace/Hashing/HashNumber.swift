/// Numbers as the CBV 2.0 event hash writes them: the value as a binary double, written
/// without trailing zeros (`26.0` → `26`, `0.180` → `0.18`, `1e3` → `1000`).
///
/// The reference implementation reads every value it can as a double and writes integral values
/// as integers and the rest in the shortest form that reads back to the same double, switching
/// to exponent notation below 1e-4 (`1e-05`). Doing the same keeps hashes equal for values
/// such as `12345678901234567890` (written `12345678901234567168`) or `0.1000000000000000055`.
enum HashNumber {
    /// The canonical text of `text` when it is a number, or `nil` (also for NaN and infinities).
    static func canonical(_ text: String) -> String? {
        guard let first = text.utf8.first,
            (first >= 48 && first <= 57) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: ".")
        else { return nil }
        guard let cleaned = literal(text), let value = Double(cleaned), value.isFinite else { return nil }
        if value == value.rounded(.towardZero) { return integerText(value) }
        return shortestText(value)
    }

    /// `text` without digit-group underscores when it is a decimal literal (optional sign,
    /// digits with an optional fraction, optional exponent; `_` allowed between digits).
    private static func literal(_ text: String) -> String? {
        var output: [UInt8] = []
        var previousWasDigit = false
        var sawDigit = false
        var sawPoint = false
        var sawExponent = false
        var index = 0
        let bytes = Array(text.utf8)
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            output.append(first)
            index = 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                output.append(byte)
                previousWasDigit = true
                sawDigit = true
            case UInt8(ascii: "_"):
                guard previousWasDigit, index + 1 < bytes.count, bytes[index + 1] >= 48, bytes[index + 1] <= 57 else {
                    return nil
                }
                previousWasDigit = false
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
                previousWasDigit = false
                output.append(byte)
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                previousWasDigit = false
                output.append(UInt8(ascii: "e"))
                if index + 1 < bytes.count,
                    bytes[index + 1] == UInt8(ascii: "+") || bytes[index + 1] == UInt8(ascii: "-")
                {
                    index += 1
                    output.append(bytes[index])
                }
                guard index + 1 < bytes.count, bytes[index + 1] >= 48, bytes[index + 1] <= 57 else { return nil }
            default:
                return nil
            }
            index += 1
        }
        guard sawDigit else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// The exact decimal integer a whole double stands for.
    static func integerText(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) < 9.0e18 { return String(Int64(value)) }
        // value = significand × 2^shift with shift > 0 here: double a decimal digit array.
        var digits: [UInt8] = []
        var significand = (UInt64(1) << 52) | value.significandBitPattern
        while significand > 0 {
            digits.append(UInt8(significand % 10))
            significand /= 10
        }
        for _ in 0..<(Int(value.exponent) - 52) {
            var carry: UInt8 = 0
            for index in digits.indices {
                let doubled = digits[index] * 2 + carry
                digits[index] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        let text = String(decoding: digits.reversed().map { $0 + 48 }, as: UTF8.self)
        return value < 0 ? "-" + text : text
    }

    /// The shortest round-trip form of a non-integral double, in the reference's layout.
    static func shortestText(_ value: Double) -> String {
        var description = value.magnitude.description
        var exponent = 0
        if let marker = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(description[description.index(after: marker)...]) ?? 0
            description = String(description[..<marker])
        }
        let parts = description.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = Array(parts[0].utf8)
        let fractionPart = parts.count > 1 ? Array(parts[1].utf8) : []
        var digits = integerPart + fractionPart
        var point = integerPart.count + exponent
        while digits.count > 1, digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let text = String(decoding: digits, as: UTF8.self)
        let scientific = point - 1
        let body: String
        if scientific >= -4 && scientific < 16 {
            if point <= 0 {
                body = "0." + String(repeating: "0", count: -point) + text
            } else if point >= digits.count {
                body = text + String(repeating: "0", count: point - digits.count) + ".0"
            } else {
                body = String(text.prefix(point)) + "." + String(text.dropFirst(point))
            }
        } else {
            let mantissa = digits.count > 1 ? String(text.prefix(1)) + "." + String(text.dropFirst()) : text
            let magnitude = String(abs(scientific))
            body = mantissa + "e" + (scientific < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        }
        return value < 0 ? "-" + body : body
    }
}
