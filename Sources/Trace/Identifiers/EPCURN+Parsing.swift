import QualityCore

extension EPCURN {
    /// EPC schemes that are valid URNs but not GS1 keys, so they have no Digital Link form.
    static let unconvertibleSchemes: Set<String> = ["gid", "usdod", "adi", "bic", "imovn", "gsrnp-96", "sgtin-96"]

    /// Parses an EPC URN and builds its GS1 elements, computing check digits.
    ///
    /// Follows the EPC Pure Identity, EPC Class and EPC Pattern URI syntax of the GS1 Tag Data
    /// Standard: the company prefix is 6 to 12 digits and, with the reference that follows it,
    /// fills the key's fixed length; escaped characters (`%2F`) are decoded; every resulting
    /// value is checked against the GS1 syntax dictionary.
    public static func parse(_ text: String) throws(EPCURNError) -> EPCURN {
        try parse(text, validating: true)
    }

    /// Parses an EPC URN; without `validating`, the element values are not checked against the
    /// GS1 syntax dictionary (the event hash converts without judging, as the reference does).
    static func parse(_ text: String, validating: Bool) throws(EPCURNError) -> EPCURN {
        if let common = fastParse(text) { return common }
        guard text.hasPrefix("urn:epc:") else { throw EPCURNError("'\(text)' does not start with urn:epc:") }
        let rest = text.dropFirst(8)
        guard let kindEnd = rest.firstIndex(of: ":") else { throw EPCURNError("'\(text)' has no scheme") }
        let kindText = String(rest[..<kindEnd])
        let afterKind = rest[rest.index(after: kindEnd)...]
        guard let schemeEnd = afterKind.firstIndex(of: ":") else { throw EPCURNError("'\(text)' has no scheme") }
        let schemeText = String(afterKind[..<schemeEnd])
        let body = String(afterKind[afterKind.index(after: schemeEnd)...])
        guard let kind = Kind(rawValue: kindText) else {
            throw EPCURNError("'urn:epc:\(kindText):' is not an EPC namespace; expected id, class or idpat")
        }
        guard let scheme = Scheme(rawValue: schemeText) else {
            if unconvertibleSchemes.contains(schemeText) {
                throw EPCURNError("EPC scheme '\(schemeText)' is not a GS1 key", unconvertible: true)
            }
            throw EPCURNError("'\(schemeText)' is not an EPC scheme")
        }
        switch (kind, scheme) {
        case (.objectClass, .lgtin): break
        case (.instance, _) where scheme != .lgtin: break
        case (.pattern, .sgtin), (.pattern, .grai), (.pattern, .gdti), (.pattern, .sgcn), (.pattern, .cpi),
            (.pattern, .itip),
            (.pattern, .upui):
            break
        case (.pattern, _):
            throw EPCURNError("EPC pattern '\(schemeText)' has no Digital Link form", unconvertible: true)
        default:
            throw EPCURNError("'\(schemeText)' is not used with urn:epc:\(kindText):")
        }
        var parser = Parser(text: text, body: body, scheme: scheme, kind: kind)
        let (prefixLength, elements) = try parser.elements()
        if validating {
            do {
                _ = try DigitalLink(elements: elements, options: [.skipRequisiteAICheck])
            } catch {
                throw EPCURNError("'\(text)': \(error.message)")
            }
        }
        return EPCURN(kind: kind, scheme: scheme, companyPrefixLength: prefixLength, elements: elements)
    }

    /// Splits and checks the dot-separated components of one URN body.
    private struct Parser {
        let text: String
        let body: String
        let scheme: Scheme
        let kind: Kind

        /// The company prefix length and the elements.
        mutating func elements() throws(EPCURNError) -> (Int, [GS1Element]) {
            switch scheme {
            case .sgtin, .upui, .lgtin:
                let parts = try split(3)
                let gtin = try tradeItem(parts[0], parts[1])
                if kind == .pattern {
                    try requireStar(parts[2])
                    return (parts[0].count, [GS1Element(ai: "01", value: gtin)])
                }
                let ai = scheme == .sgtin ? "21" : scheme == .upui ? "235" : "10"
                return (
                    parts[0].count,
                    [GS1Element(ai: "01", value: gtin), GS1Element(ai: ai, value: try decoded(parts[2]))]
                )
            case .sscc:
                let parts = try split(2)
                let (prefix, reference) = try fixed(parts[0], parts[1], total: 17)
                let payload = String(reference.prefix(1)) + prefix + String(reference.dropFirst())
                return (prefix.count, [GS1Element(ai: "00", value: payload + check(payload))])
            case .sgln:
                let parts = try split(3)
                let (prefix, reference) = try fixed(parts[0], parts[1], total: 12)
                let gln = prefix + reference + check(prefix + reference)
                let ext = try decoded(parts[2])
                var elements = [GS1Element(ai: "414", value: gln)]
                if ext != "0" { elements.append(GS1Element(ai: "254", value: ext)) }
                return (prefix.count, elements)
            case .grai:
                let parts = try split(3)
                let (prefix, assetType) = try fixed(parts[0], parts[1], total: 12)
                let key = "0" + prefix + assetType
                if kind == .pattern {
                    try requireStar(parts[2])
                    return (prefix.count, [GS1Element(ai: "8003", value: key + check(key))])
                }
                return (prefix.count, [GS1Element(ai: "8003", value: key + check(key) + (try decoded(parts[2])))])
            case .gdti, .sgcn:
                let parts = try split(3)
                let (prefix, reference) = try fixed(parts[0], parts[1], total: 12)
                let key = prefix + reference + check(prefix + reference)
                let ai = scheme == .gdti ? "253" : "255"
                if kind == .pattern {
                    try requireStar(parts[2])
                    return (prefix.count, [GS1Element(ai: ai, value: key)])
                }
                let serial = scheme == .gdti ? try decoded(parts[2]) : try digits(parts[2], "serial component")
                return (prefix.count, [GS1Element(ai: ai, value: key + serial)])
            case .giai, .ginc:
                let parts = try split(2)
                let prefix = try companyPrefix(parts[0])
                let ai = scheme == .giai ? "8004" : "401"
                return (prefix.count, [GS1Element(ai: ai, value: prefix + (try decoded(parts[1])))])
            case .gsrn, .gsrnp, .gsin, .pgln:
                let parts = try split(2)
                let total = scheme == .gsin ? 16 : scheme == .pgln ? 12 : 17
                let (prefix, reference) = try fixed(parts[0], parts[1], total: total)
                let ai = [.gsrn: "8018", .gsrnp: "8017", .gsin: "402", .pgln: "417"][scheme]!
                return (prefix.count, [GS1Element(ai: ai, value: prefix + reference + check(prefix + reference))])
            case .cpi:
                let parts = try split(3)
                let prefix = try companyPrefix(parts[0])
                let reference = try decoded(parts[1], componentPart: true)
                if kind == .pattern {
                    try requireStar(parts[2])
                    return (prefix.count, [GS1Element(ai: "8010", value: prefix + reference)])
                }
                return (
                    prefix.count,
                    [
                        GS1Element(ai: "8010", value: prefix + reference),
                        GS1Element(ai: "8011", value: try digits(parts[2], "serial")),
                    ]
                )
            case .itip:
                let parts = try split(5)
                let gtin = try tradeItem(parts[0], parts[1])
                let piece = try digits(parts[2], "piece")
                let total = try digits(parts[3], "total")
                guard piece.count == 2, total.count == 2 else {
                    throw failure("piece and total must be two digits each")
                }
                let key = GS1Element(ai: "8006", value: gtin + piece + total)
                if kind == .pattern {
                    try requireStar(parts[4])
                    return (parts[0].count, [key])
                }
                return (parts[0].count, [key, GS1Element(ai: "21", value: try decoded(parts[4]))])
            }
        }

        private func failure(_ reason: String) -> EPCURNError {
            EPCURNError("'\(text)' is not a valid \(scheme.rawValue) URN: \(reason)")
        }

        /// The body split at the first `count - 1` dots; the last part keeps any further dots.
        private func split(_ count: Int) throws(EPCURNError) -> [String] {
            let parts = body.utf8.split(
                separator: UInt8(ascii: "."), maxSplits: count - 1, omittingEmptySubsequences: false
            ).map {
                String(Substring($0))
            }
            guard parts.count == count else { throw failure("expected \(count) dot-separated components") }
            return parts
        }

        private func companyPrefix(_ part: String) throws(EPCURNError) -> String {
            guard (6...12).contains(part.utf8.count), part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw failure("the GS1 Company Prefix '\(part)' must be 6 to 12 digits")
            }
            return part
        }

        private func digits(_ part: String, _ what: String) throws(EPCURNError) -> String {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw failure("the \(what) '\(part)' must be digits")
            }
            return part
        }

        /// A company prefix and the reference after it, together `total` digits.
        private func fixed(_ prefixPart: String, _ referencePart: String, total: Int) throws(EPCURNError) -> (
            String, String
        ) {
            let prefix = try companyPrefix(prefixPart)
            guard referencePart.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), prefix.count + referencePart.count == total
            else {
                throw failure("company prefix and reference must be \(total) digits together")
            }
            return (prefix, referencePart)
        }

        /// The GTIN-14 from a company prefix and an indicator-plus-item-reference.
        private func tradeItem(_ prefixPart: String, _ itemPart: String) throws(EPCURNError) -> String {
            let (prefix, item) = try fixed(prefixPart, itemPart, total: 13)
            let payload = String(item.prefix(1)) + prefix + String(item.dropFirst())
            return payload + check(payload)
        }

        private func requireStar(_ part: String) throws(EPCURNError) {
            guard part == "*" else { throw failure("a pattern URN must end in '*'") }
        }

        private func check(_ payload: String) -> String {
            GS1CheckDigit.mod10(for: payload).map { String($0) } ?? ""
        }

        /// A component with TDS escapes decoded; CPI references allow only `0-9 A-Z -` and escaped `#` and `/`.
        private func decoded(_ part: String, componentPart: Bool = false) throws(EPCURNError) -> String {
            guard !part.isEmpty else { throw failure("an empty component") }
            let allowed = componentPart ? EPCURN.componentPartRaw : EPCURN.componentRaw
            var needsDecoding = false
            for byte in part.utf8 {
                if byte == UInt8(ascii: "%") {
                    needsDecoding = true
                } else if byte >= 128 || !allowed[Int(byte)] {
                    throw failure("'\(Character(Unicode.Scalar(byte)))' must be escaped or is not allowed in '\(part)'")
                }
            }
            guard needsDecoding else { return part }
            var output: [UInt8] = []
            let bytes = Array(part.utf8)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "%") else {
                    output.append(bytes[index])
                    index += 1
                    continue
                }
                guard index + 2 < bytes.count, let high = Self.hex(bytes[index + 1]),
                    let low = Self.hex(bytes[index + 2]),
                    high << 4 | low > 0x20, high << 4 | low < 0x7F
                else { throw failure("bad escape in '\(part)'") }
                output.append(high << 4 | low)
                index += 3
            }
            return String(decoding: output, as: UTF8.self)
        }

        private static func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: nil
            }
        }
    }

    /// ASCII bytes an EPC URN component may carry unescaped (TDS "GS3A3" characters).
    static let componentRaw = asciiTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!'()*+,:;=")
    /// ASCII bytes a CPI component/part reference may carry unescaped.
    static let componentPartRaw = asciiTable("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")

    /// A 128-entry membership table of the given characters.
    private static func asciiTable(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 128)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }
}
