/// A set of ASCII bytes held as a 128-bit mask, so that membership is one shift and one AND.
///
/// The URI and GS1 character classes below are constants because they are tested for every
/// byte of every URI on the parsing hot path; `ASCIISetTests` rebuilds each from its list of
/// characters to show that the masks are right.
struct ASCIISet: Sendable, Hashable {
    /// Bits for bytes 0...63.
    let low: UInt64
    /// Bits for bytes 64...127.
    let high: UInt64

    /// Creates a set from its two mask halves.
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Creates a set holding every character of `characters`, which must all be ASCII.
    init(characters: String) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in characters.utf8 {
            precondition(byte < 128, "ASCIISet holds ASCII only")
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        self.init(low: low, high: high)
    }

    /// Whether `byte` is in the set; bytes of 128 and above never are.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word = byte < 64 ? low : high
        return byte < 128 && (word >> UInt64(byte & 63)) & 1 == 1
    }

    /// Offset of the first byte of `data` outside the set, or `nil` when all are inside.
    ///
    /// The common case, every byte valid, runs without a branch per byte: membership bits are
    /// OR-ed together and only a failure pays for a second pass to find the offset.
    @inline(__always)
    func firstNonMember(in data: UnsafeBufferPointer<UInt8>) -> Int? {
        var missing: UInt64 = 0
        for byte in data {
            let word = byte < 64 ? low : high
            missing |= ~(word >> UInt64(byte & 63)) | UInt64(byte >> 7)
        }
        guard missing & 1 != 0 else { return nil }
        for offset in 0..<data.count where !contains(data[offset]) { return offset }
        return nil
    }

    /// Characters RFC 3986 allows anywhere in a URI, plus `%`:
    /// `A-Z a-z 0-9 - . _ ~ : / ? # [ ] @ ! $ & ' ( ) * + , ; = %`.
    static let uriCharacters = ASCIISet(low: 0xAFFF_FFFA_0000_0000, high: 0x47FF_FFFE_AFFF_FFFF)
    /// URI characters that may not appear in a host name: `_ ~ ? # @ ! $ & ' ( ) * + , ; = %`.
    static let forbiddenInHost = ASCIISet(low: 0xA800_1FFA_0000_0000, high: 0x4000_0000_8000_0001)
    /// RFC 3986 unreserved characters, never percent-encoded: `A-Z a-z 0-9 - . _ ~`.
    static let unreserved = ASCIISet(low: 0x03FF_6000_0000_0000, high: 0x47FF_FFFE_87FF_FFFE)
    /// GS1 AI encodable character set 82 (format `X`).
    static let cset82 = ASCIISet(low: 0xFFFF_FFE6_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)
    /// GS1 AI encodable character set 39 (format `Y`): `# - / 0-9 A-Z`.
    static let cset39 = ASCIISet(low: 0x03FF_A008_0000_0000, high: 0x0000_0000_07FF_FFFE)
    /// GS1 AI encodable character set 64 (format `Z`, URL-safe base64 without padding).
    static let cset64 = ASCIISet(low: 0x03FF_2000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)
    /// The digits `0-9` (format `N`).
    static let digits = ASCIISet(low: 0x03FF_0000_0000_0000, high: 0)
    /// Hexadecimal digits in either case.
    static let hexDigits = ASCIISet(low: 0x03FF_0000_0000_0000, high: 0x0000_007E_0000_007E)
    /// GS1 character set 32, used for alphanumeric check character pairs.
    static let cset32 = ASCIISet(low: 0x03FC_0000_0000_0000, high: 0x0000_0000_07FF_7DFE)
}
