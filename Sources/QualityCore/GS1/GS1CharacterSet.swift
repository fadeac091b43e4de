/// The character set of one component of an AI value, as named in the GS1 syntax dictionary.
public enum GS1CharacterSet: String, Sendable, Hashable, CaseIterable {
    /// `N`: digits only.
    case numeric = "N"
    /// `X`: GS1 AI encodable character set 82.
    case cset82 = "X"
    /// `Y`: GS1 AI encodable character set 39 (`# - /`, digits, upper-case letters).
    case cset39 = "Y"
    /// `Z`: GS1 AI encodable character set 64 (URL-safe base64, optional `=` padding).
    case cset64 = "Z"

    /// The `ByteClass` bit of this set.
    var byteClass: UInt8 {
        switch self {
        case .numeric: ByteClass.digit
        case .cset82: ByteClass.cset82
        case .cset39: ByteClass.cset39
        case .cset64: ByteClass.cset64
        }
    }

    /// The offset of the first byte of `data` outside this set, or `nil` when all are inside.
    ///
    /// For `cset64` up to two trailing `=` are padding, accepted when the whole component's
    /// length is then a multiple of three, as GS1's `cset64` linter does.
    func firstInvalidOffset(in data: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = data.count
        let flag: UInt8
        switch self {
        case .numeric: flag = ByteClass.digit
        case .cset82: flag = ByteClass.cset82
        case .cset39: flag = ByteClass.cset39
        case .cset64:
            flag = ByteClass.cset64
            while end > 0, data[end - 1] == UInt8(ascii: "=") { end -= 1 }
            let padding = data.count - end
            if padding > 2 || (padding > 0 && data.count % 3 != 0) { return end }
        }
        let checked = UnsafeBufferPointer(rebasing: data[..<end])
        if ByteClass.all(checked, have: flag) { return nil }
        return checked.firstIndex { ByteClass.table[Int($0)] & flag == 0 }
    }
}
