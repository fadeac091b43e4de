import QualityCore

extension EPCURN {
    /// The URNs nearly every event carries (SGTIN, SGLN, SSCC and PGLN instances, LGTIN classes),
    /// read straight from their bytes: `nil` for anything else, and for anything that `parse`
    /// would reject or would need to unescape, which then goes the general way and gets its
    /// exact reason.
    ///
    /// A capture reads several URNs per event; the general parser splits them into strings and
    /// checks the elements through a Digital Link, which cost several microseconds each. Here
    /// the elements are valid by construction: the keys are digits with their check digit
    /// computed, and a serial, lot or extension is checked to be 1 to 20 characters that a URN
    /// may carry unescaped, all of which the GS1 syntax of AIs 21, 10 and 254 allows.
    static func fastParse(_ text: String) -> EPCURN? {
        var text = text
        return text.withUTF8 { bytes -> EPCURN? in
            guard bytes.count > 16, Self.hasPrefix(bytes, "urn:epc:") else { return nil }
            var index = 8
            let kind: Kind
            if Self.matches(bytes, at: index, "id:") {
                kind = .instance
                index += 3
            } else if Self.matches(bytes, at: index, "class:lgtin:") {
                return Self.fastTradeItem(bytes, from: index + 12, scheme: .lgtin, ai: "10")
            } else {
                return nil
            }
            _ = kind
            if Self.matches(bytes, at: index, "sgtin:") {
                return Self.fastTradeItem(bytes, from: index + 6, scheme: .sgtin, ai: "21")
            }
            if Self.matches(bytes, at: index, "sgln:") {
                guard let parts = Self.parts(bytes, from: index + 5, count: 3),
                    let key = Self.key(bytes, prefix: parts[0], reference: parts[1], total: 12, lead: nil),
                    let ext = Self.component(bytes, parts[2])
                else { return nil }
                var elements = [GS1Element(ai: "414", value: key)]
                if ext != "0" { elements.append(GS1Element(ai: "254", value: ext)) }
                return EPCURN(kind: .instance, scheme: .sgln, companyPrefixLength: parts[0].count, elements: elements)
            }
            if Self.matches(bytes, at: index, "sscc:") {
                guard let parts = Self.parts(bytes, from: index + 5, count: 2),
                    let key = Self.key(bytes, prefix: parts[0], reference: parts[1], total: 17, lead: true)
                else { return nil }
                return EPCURN(
                    kind: .instance, scheme: .sscc, companyPrefixLength: parts[0].count,
                    elements: [GS1Element(ai: "00", value: key)])
            }
            if Self.matches(bytes, at: index, "pgln:") {
                guard let parts = Self.parts(bytes, from: index + 5, count: 2),
                    let key = Self.key(bytes, prefix: parts[0], reference: parts[1], total: 12, lead: nil)
                else { return nil }
                return EPCURN(
                    kind: .instance, scheme: .pgln, companyPrefixLength: parts[0].count,
                    elements: [GS1Element(ai: "417", value: key)])
            }
            return nil
        }
    }

    /// An SGTIN or LGTIN body: company prefix, indicator and item reference, serial or lot.
    private static func fastTradeItem(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, scheme: Scheme, ai: String)
        -> EPCURN?
    {
        guard let parts = Self.parts(bytes, from: index, count: 3),
            let gtin = Self.key(bytes, prefix: parts[0], reference: parts[1], total: 13, lead: true),
            let qualifier = Self.component(bytes, parts[2])
        else { return nil }
        return EPCURN(
            kind: scheme == .lgtin ? .objectClass : .instance, scheme: scheme, companyPrefixLength: parts[0].count,
            elements: [GS1Element(ai: "01", value: gtin), GS1Element(ai: ai, value: qualifier)])
    }

    /// The body from `index` cut at its first `count - 1` dots (the last part keeps any further dots).
    private static func parts(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, count: Int) -> [Range<Int>]? {
        var parts: [Range<Int>] = []
        parts.reserveCapacity(count)
        var start = index
        var position = index
        while position < bytes.count && parts.count < count - 1 {
            if bytes[position] == UInt8(ascii: ".") {
                parts.append(start..<position)
                start = position + 1
            }
            position += 1
        }
        parts.append(start..<bytes.count)
        return parts.count == count ? parts : nil
    }

    /// A numeric key from a company prefix (6 to 12 digits) and a reference that make `total`
    /// digits: with `lead`, the reference's first digit goes in front (GTIN indicator, SSCC
    /// extension); then the check digit.
    private static func key(
        _ bytes: UnsafeBufferPointer<UInt8>, prefix: Range<Int>, reference: Range<Int>, total: Int, lead: Bool?
    ) -> String? {
        guard (6...12).contains(prefix.count), prefix.count + reference.count == total, !reference.isEmpty,
            isDigits(bytes, prefix), isDigits(bytes, reference)
        else { return nil }
        return String(unsafeUninitializedCapacity: total + 1) { output in
            var position = 0
            func put(_ byte: UInt8) {
                output[position] = byte
                position += 1
            }
            if lead == true {
                put(bytes[reference.lowerBound])
                for index in prefix { put(bytes[index]) }
                for index in reference.dropFirst() { put(bytes[index]) }
            } else {
                for index in prefix { put(bytes[index]) }
                for index in reference { put(bytes[index]) }
            }
            var tripled = 0
            var single = 0
            var weightThree = true
            for index in stride(from: total - 1, through: 0, by: -1) {
                let digit = Int(output[index] &- UInt8(ascii: "0"))
                if weightThree { tripled += digit } else { single += digit }
                weightThree.toggle()
            }
            put(UInt8(ascii: "0") + UInt8((10 - (tripled * 3 + single) % 10) % 10))
            return position
        }
    }

    /// A serial, lot or extension of 1 to 20 characters a URN carries unescaped.
    private static func component(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard (1...20).contains(range.count) else { return nil }
        for index in range {
            let byte = bytes[index]
            guard byte < 128, componentRaw[Int(byte)] else { return nil }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func isDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range where bytes[index] < UInt8(ascii: "0") || bytes[index] > UInt8(ascii: "9") { return false }
        return true
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        matches(bytes, at: 0, prefix)
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        return true
    }
}
