public import QualityCore

/// The written forms of one GS1 key used by EPCIS: the canonical Digital Link URI, and the
/// constrained form the CBV 2.0 event hash uses.
public enum GS1KeyForms {
    /// The primary keys the CBV 2.0 event hash writes as Digital Links (rule 18 of the
    /// algorithm); identifiers with other keys are hashed as written.
    static let hashableKeys: Set<String> = [
        "00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8017", "8018",
    ]

    /// The key with only its finest-grained qualifier: a serial (21) wins over a lot (10) for
    /// GTIN and ITIP, a CPV (22) is dropped; GLN keeps its extension, CPI its serial.
    public static func finestLevel(_ elements: [GS1Element]) -> [GS1Element] {
        guard let key = elements.first else { return elements }
        // Already at the finest level: a key alone, or with the one qualifier it would keep.
        if elements.count == 1 { return elements }
        if elements.count == 2, key.ai == "01" || key.ai == "8006" {
            let qualifier = elements[1].ai
            if qualifier == "21" || qualifier == "10" || (qualifier == "235" && key.ai == "01") { return elements }
        }
        let qualifiers = elements.dropFirst()
        func first(_ ai: String) -> GS1Element? { qualifiers.first { $0.ai == ai } }
        switch key.ai {
        case "01":
            if let serial = first("21") { return [key, serial] }
            if let lot = first("10") { return [key, lot] }
            if let tpx = first("235") { return [key, tpx] }
            return [key]
        case "8006":
            if let serial = first("21") { return [key, serial] }
            if let lot = first("10") { return [key, lot] }
            return [key]
        default:
            return elements
        }
    }

    /// `https://id.gs1.org/AI/value/…`, escaped as GS1's engine does (all but `A-Z a-z 0-9 - . _ ~`),
    /// the same text as `DigitalLink.canonicalURI()` for these path elements.
    public static func canonicalURI(_ elements: [GS1Element]) -> String {
        render(elements, raw: canonicalRaw)
    }

    /// The form the CBV 2.0 event hash writes: `https://id.gs1.org/AI/value/…` with the
    /// characters that EPC URNs must escape (`" % & / < > ?`, `#`) and the Digital Link
    /// delimiters `! ( ) * + , :` percent-encoded in upper-case hex, and `' ; =` left as they are,
    /// as the reference implementation writes them.
    public static func hashURI(_ elements: [GS1Element]) -> String {
        render(elements, raw: hashRaw)
    }

    /// `hashURI(elements)`, which is `canonical` itself when no value holds a character the
    /// two forms escape differently (the usual case: letters, digits and `-._`).
    static func hashURI(_ elements: [GS1Element], canonical: String) -> String {
        for element in elements {
            for byte in element.value.utf8 where !(hashRaw[Int(byte)] && canonicalRaw[Int(byte)]) {
                return hashURI(elements)
            }
        }
        return canonical
    }

    /// `https://id.gs1.org/AI/value/…`, percent-encoding the bytes `raw` does not mark.
    private static func render(_ elements: [GS1Element], raw: [Bool]) -> String {
        let stem: StaticString = "https://id.gs1.org"
        var capacity = stem.utf8CodeUnitCount
        for element in elements { capacity += 2 + element.ai.utf8.count + 3 * element.value.utf8.count }
        return String(unsafeUninitializedCapacity: capacity) { output in
            var position = 0
            func put(_ byte: UInt8) {
                output[position] = byte
                position += 1
            }
            for offset in 0..<stem.utf8CodeUnitCount { put(stem.utf8Start[offset]) }
            for element in elements {
                put(UInt8(ascii: "/"))
                for byte in element.ai.utf8 { put(byte) }
                put(UInt8(ascii: "/"))
                for byte in element.value.utf8 {
                    if raw[Int(byte)] {
                        put(byte)
                    } else {
                        put(UInt8(ascii: "%"))
                        put(hexDigits[Int(byte >> 4)])
                        put(hexDigits[Int(byte & 0x0F)])
                    }
                }
            }
            return position
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The hash form of any identifier text, or `nil` when the text is not a GS1 key in EPC
    /// URN or Digital Link form (or its key is not one the hash rewrites).
    static func hashForm(of text: String) -> String? {
        let elements: [GS1Element]
        if text.hasPrefix("urn:epc:") {
            guard let urn = try? EPCURN.parse(text, validating: false) else { return nil }
            elements = urn.elements
        } else if text.hasPrefix("http") {
            guard pathMayHoldKey(text, keys: hashableKeyNames),
                let link = try? DigitalLink.parse(text, options: EPCISIdentifier.linkOptions)
            else { return nil }
            elements = finestLevel([link.primaryKey] + link.keyQualifiers)
        } else {
            return nil
        }
        guard let key = elements.first, hashableKeys.contains(key.ai) else { return nil }
        return hashURI(elements)
    }

    /// Path segments that can introduce a hashable key: the AIs and their legacy path names.
    static let hashableKeyNames: Set<String> = hashableKeys.union([
        "sscc", "gtin", "gdti", "gcn", "ginc", "gsin", "gln", "party", "grai", "giai", "itip", "cpid", "gsrnp", "gsrn",
    ])

    /// Path segments that can introduce any GS1 Digital Link primary key.
    static let primaryKeyNames: Set<String> = Set(GS1AIDictionary.standard.primaryKeys.map(\.ai)).union(
        hashableKeyNames)

    /// Whether some path segment of `uri` is one of `keys` followed by another segment: a cheap
    /// test that spares a full Digital Link parse (and its error) for ordinary URIs such as CBV
    /// vocabulary, which the hash meets in almost every field.
    static func pathMayHoldKey(_ uri: String, keys: Set<String>) -> Bool {
        if let answer = uri.utf8.withContiguousStorageIfAvailable({ pathMayHoldKey($0, keys: keys) }) {
            return answer
        }
        return Array(uri.utf8).withUnsafeBufferPointer { pathMayHoldKey($0, keys: keys) }
    }

    private static func pathMayHoldKey(_ bytes: UnsafeBufferPointer<UInt8>, keys: Set<String>) -> Bool {
        var index = 0
        var slashes = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "/") else {
                if bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "#") { return false }
                index += 1
                continue
            }
            slashes += 1
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?") { end += 1 }
            let length = end - index - 1
            // Segments before the third slash are the "//host" part.
            if slashes >= 3, (2...5).contains(length), end < bytes.count, bytes[end] == UInt8(ascii: "/"),
                keys.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self))
            {
                return true
            }
            index = end
        }
        return false
    }

    /// Bytes written bare in the hash form.
    private static let hashRaw = byteTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._';=")
    /// Bytes written bare in the canonical form (RFC 3986 unreserved).
    private static let canonicalRaw = byteTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func byteTable(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }
}
