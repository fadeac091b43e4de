import QualityCore

/// The layout of a unit serial (GS1 AI 21): 20 base-62 characters, so it fits the AI's 20
/// characters and needs no percent-encoding in a URI.
///
///     K IIIIIIII TTTTTTTTTTT
///     │ │        └ 11 chars: a 64-bit tag, HMAC-SHA256(key, gtin14 ‖ 0x1D ‖ lot ‖ 0x1D ‖ K ‖ index) truncated
///     │ └ 8 chars: the unit index within the batch (up to 62^8 ≈ 2.2 × 10^14 units)
///     └ 1 char: the key id
///
/// A guess passes the tag check with probability 2^-64, and the check needs only the key: no
/// row per unit. The index then tells which issuance (one row per issuance) the unit belongs to.
public struct UnitSerial: Sendable, Hashable {
    /// The id of the key that signed it.
    public let keyID: Int
    /// The unit index within its batch.
    public let index: Int64
    /// The 64-bit tag.
    public let tag: UInt64

    /// Serial length in characters.
    public static let length = 20
    /// The largest unit index a serial can carry, plus one.
    public static let indexLimit: Int64 = 218_340_105_584_896  // 62^8

    /// Creates a serial value.
    public init(keyID: Int, index: Int64, tag: UInt64) {
        self.keyID = keyID
        self.index = index
        self.tag = tag
    }

    /// Reads the layout of a serial without checking its tag; `nil` when it is not 20 base-62
    /// characters or the tag overflows 64 bits.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == Self.length else { return nil }
        var digits = [Int](repeating: 0, count: Self.length)
        for (position, byte) in bytes.enumerated() {
            guard let digit = Base62.digit(of: byte) else { return nil }
            digits[position] = digit
        }
        var index: Int64 = 0
        for digit in digits[1..<9] { index = index * 62 + Int64(digit) }
        var tag: UInt64 = 0
        for digit in digits[9..<20] {
            let (times, overflowA) = tag.multipliedReportingOverflow(by: 62)
            let (sum, overflowB) = times.addingReportingOverflow(UInt64(digit))
            if overflowA || overflowB { return nil }
            tag = sum
        }
        self.init(keyID: digits[0], index: index, tag: tag)
    }

    /// The 20-character text.
    public var text: String {
        var bytes = [UInt8](repeating: 0, count: Self.length)
        write(into: &bytes, at: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the 20 characters into a buffer at an offset (for label files of millions of lines).
    public func write(into buffer: inout [UInt8], at offset: Int) {
        buffer[offset] = Base62.alphabet[keyID]
        var index = self.index
        for position in stride(from: offset + 8, through: offset + 1, by: -1) {
            buffer[position] = Base62.alphabet[Int(index % 62)]
            index /= 62
        }
        var tag = self.tag
        for position in stride(from: offset + 19, through: offset + 9, by: -1) {
            buffer[position] = Base62.alphabet[Int(tag % 62)]
            tag /= 62
        }
    }
}

/// Base-62 digits `0-9A-Za-z`, all in GS1 character set 82 and unreserved in URIs.
public enum Base62 {
    /// The digits in order.
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// The value of a digit byte, or `nil`.
    @inline(__always)
    public static func digit(of byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte - 48)
        case 65...90: Int(byte - 55)
        case 97...122: Int(byte - 61)
        default: nil
        }
    }
}
