/// GS1 check digit and check character pair calculations.
public enum GS1CheckDigit {
    /// The mod-10 check digit for a numeric payload (the key without its check digit).
    ///
    /// Returns `nil` when the payload is empty or holds a non-digit.
    public static func mod10(for payload: String) -> Character? {
        var payload = payload
        return payload.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.allSatisfy(ASCIISet.digits.contains) else { return nil }
            return Character(Unicode.Scalar(mod10Digit(bytes)))
        }
    }

    /// Whether a numeric GS1 key (GTIN, GLN, SSCC, GSRN…) ends in its correct mod-10 check digit.
    public static func hasValidMod10(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { bytes in
            guard bytes.count >= 2, bytes.allSatisfy(ASCIISet.digits.contains) else { return false }
            return mod10Digit(UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 1)])) == bytes[bytes.count - 1]
        }
    }

    /// The two check characters for an alphanumeric key payload (e.g. a GMN, AI 8013).
    ///
    /// Returns `nil` when the payload holds a character outside GS1 character set 82 or is
    /// longer than 97 characters.
    public static func alphaCheckPair(for payload: String) -> String? {
        var payload = payload
        return payload.withUTF8 { bytes in
            guard let sum = alphaCheckSum(bytes) else { return nil }
            return String(decoding: [cset32Ordered[sum >> 5], cset32Ordered[sum & 31]], as: UTF8.self)
        }
    }

    /// Whether an alphanumeric key ends in its correct check character pair.
    public static func hasValidAlphaCheckPair(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { alphaCheckPairFailure($0) == nil }
    }

    /// The ASCII check digit for `payload`, which must be all digits.
    ///
    /// Weights run 3, 1, 3, … from the rightmost payload digit.
    @inline(__always)
    static func mod10Digit(_ payload: UnsafeBufferPointer<UInt8>) -> UInt8 {
        // Digits in even positions from the right weigh 3, the others 1; summing the two
        // groups separately keeps the loop free of a weight dependency.
        var tripled = 0
        var single = 0
        var index = payload.count &- 1
        while index > 0 {
            tripled &+= Int(payload[index] &- UInt8(ascii: "0"))
            single &+= Int(payload[index &- 1] &- UInt8(ascii: "0"))
            index &-= 2
        }
        if index == 0 { tripled &+= Int(payload[0] &- UInt8(ascii: "0")) }
        let sum = tripled &* 3 &+ single
        return UInt8((10 - sum % 10) % 10) + UInt8(ascii: "0")
    }

    /// Why `data` does not end in a valid check character pair, or `nil` when it does.
    static func alphaCheckPairFailure(_ data: UnsafeBufferPointer<UInt8>) -> GS1LintFailure? {
        guard data.count >= 2 else { return .init(.badLength, "is too short for a check character pair") }
        let payload = UnsafeBufferPointer(rebasing: data[..<(data.count - 2)])
        guard let sum = alphaCheckSum(payload) else { return .init(.invalidCharacter, "has a character outside GS1 character set 82") }
        let first = cset32Ordered[sum >> 5]
        let second = cset32Ordered[sum & 31]
        if data[data.count - 2] == first && data[data.count - 1] == second { return nil }
        let expected = String(decoding: [first, second], as: UTF8.self)
        return .init(.badCheckDigit, "has a bad check character pair: expected \(expected)")
    }

    /// Sum of character values times increasing primes from the right, modulo 1021.
    private static func alphaCheckSum(_ payload: UnsafeBufferPointer<UInt8>) -> Int? {
        guard payload.count <= primes.count else { return nil }
        var sum = 0
        for (offset, byte) in payload.enumerated() {
            guard byte < 128 else { return nil }
            let value = cset82Value[Int(byte)]
            guard value >= 0 else { return nil }
            sum += value * primes[payload.count - 1 - offset]
        }
        return sum % 1021
    }

    /// Character set 82 in weight order; a character's value is its position.
    private static let cset82Value: [Int] = {
        var table = [Int](repeating: -1, count: 128)
        let ordered = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
        for (value, byte) in ordered.utf8.enumerated() { table[Int(byte)] = value }
        return table
    }()

    /// Character set 32 in weight order, for the two check characters.
    private static let cset32Ordered = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)

    /// The first 97 primes, enough for the longest AI value.
    private static let primes: [Int] = {
        var found: [Int] = []
        var candidate = 2
        while found.count < 97 {
            if found.allSatisfy({ candidate % $0 != 0 }) { found.append(candidate) }
            candidate += 1
        }
        return found
    }()
}
