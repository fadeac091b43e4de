public import QualityCore

extension EPCURN {
    /// The EPC URN of GS1 key elements (as a Digital Link path carries them), splitting the
    /// key after `companyPrefixLength` digits.
    ///
    /// Returns `nil` when the elements are not a key with an EPC form (e.g. a GTIN with a CPV),
    /// or the prefix length does not fit the key. A GTIN alone becomes an `idpat` pattern and a
    /// GTIN with a lot an LGTIN class; GRAI, GDTI, SGCN without serial and CPI without serial
    /// become patterns too.
    public init?(elements: [GS1Element], companyPrefixLength length: Int) {
        guard let (kind, scheme, _) = Self.layout(elements, companyPrefixLength: length, patternScheme: .sgtin) else {
            return nil
        }
        self.init(kind: kind, scheme: scheme, companyPrefixLength: length, elements: elements)
    }

    /// The URN text.
    public var uri: String {
        let patternScheme: Scheme = scheme == .upui ? .upui : .sgtin
        guard
            let (kind, scheme, body) = Self.layout(
                elements, companyPrefixLength: companyPrefixLength, patternScheme: patternScheme)
        else {
            return "urn:epc:" + kind.rawValue + ":" + scheme.rawValue + ":"
        }
        return "urn:epc:" + kind.rawValue + ":" + scheme.rawValue + ":" + body
    }

    /// Kind, scheme and URN body for key elements; `patternScheme` says how a bare GTIN is written.
    private static func layout(_ elements: [GS1Element], companyPrefixLength length: Int, patternScheme: Scheme) -> (
        Kind, Scheme, String
    )? {
        guard (6...12).contains(length), let key = elements.first else { return nil }
        let qualifiers = Array(elements.dropFirst())
        let value = key.value
        func digits(_ range: Range<Int>) -> String? {
            guard range.upperBound <= value.utf8.count else { return nil }
            let bytes = Array(value.utf8)[range]
            return bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? String(decoding: bytes, as: UTF8.self) : nil
        }
        func tradeItem(_ gtin: String) -> (String, String)? {
            let bytes = Array(gtin.utf8)
            guard bytes.count >= 14 else { return nil }
            let prefix = String(decoding: bytes[1..<(1 + length)], as: UTF8.self)
            let item = String(decoding: [bytes[0]] + bytes[(1 + length)..<13], as: UTF8.self)
            return (prefix, item)
        }
        let single = qualifiers.first
        var kind = Kind.instance
        let scheme: Scheme
        var body: String
        switch (key.ai, qualifiers.map(\.ai)) {
        case ("01", let rest) where rest.isEmpty || rest == ["21"] || rest == ["10"] || rest == ["235"]:
            guard let (prefix, item) = tradeItem(value) else { return nil }
            body = prefix + "." + item + "."
            switch single?.ai {
            case "21":
                scheme = .sgtin
                body += Self.escaped(single!.value)
            case "10":
                scheme = .lgtin
                kind = .objectClass
                body += Self.escaped(single!.value)
            case "235":
                scheme = .upui
                body += Self.escaped(single!.value)
            default:
                scheme = patternScheme
                kind = .pattern
                body += "*"
            }
        case ("00", []):
            guard let all = digits(0..<18) else { return nil }
            let bytes = Array(all.utf8)
            scheme = .sscc
            body =
                String(decoding: bytes[1..<(1 + length)], as: UTF8.self) + "."
                + String(decoding: [bytes[0]] + bytes[(1 + length)..<17], as: UTF8.self)
        case ("414", let rest) where rest.isEmpty || rest == ["254"]:
            guard let gln = digits(0..<13) else { return nil }
            scheme = .sgln
            body = String(gln.prefix(length)) + "." + String(gln.dropFirst(length).prefix(12 - length)) + "."
            body += single.map { Self.escaped($0.value) } ?? "0"
        case ("8003", []):
            guard let fixed = digits(0..<14), value.utf8.count >= 14 else { return nil }
            scheme = .grai
            body =
                String(fixed.dropFirst().prefix(length)) + "." + String(fixed.dropFirst(1 + length).prefix(12 - length))
                + "."
            let serial = String(value.dropFirst(14))
            if serial.isEmpty {
                kind = .pattern
                body += "*"
            } else {
                body += Self.escaped(serial)
            }
        case ("8004", []), ("401", []):
            guard value.utf8.count > length, digits(0..<length) != nil else { return nil }
            scheme = key.ai == "8004" ? .giai : .ginc
            body = String(value.prefix(length)) + "." + Self.escaped(String(value.dropFirst(length)))
        case ("8018", []), ("8017", []), ("402", []), ("417", []):
            let total = key.ai == "402" ? 16 : key.ai == "417" ? 12 : 17
            guard let all = digits(0..<(total + 1)), value.utf8.count == total + 1 else { return nil }
            let schemes: [String: Scheme] = ["8018": .gsrn, "8017": .gsrnp, "402": .gsin, "417": .pgln]
            scheme = schemes[key.ai]!
            body = String(all.prefix(length)) + "." + String(all.dropFirst(length).prefix(total - length))
        case ("253", []), ("255", []):
            guard let fixed = digits(0..<13) else { return nil }
            scheme = key.ai == "253" ? .gdti : .sgcn
            body = String(fixed.prefix(length)) + "." + String(fixed.dropFirst(length).prefix(12 - length)) + "."
            let serial = String(value.dropFirst(13))
            if serial.isEmpty {
                kind = .pattern
                body += "*"
            } else {
                body += Self.escaped(serial)
            }
        case ("8010", let rest) where rest.isEmpty || rest == ["8011"]:
            guard value.utf8.count > length, digits(0..<length) != nil else { return nil }
            scheme = .cpi
            body =
                String(value.prefix(length)) + "." + Self.escaped(String(value.dropFirst(length)), componentPart: true)
                + "."
            if let serial = single {
                body += serial.value
            } else {
                kind = .pattern
                body += "*"
            }
        case ("8006", let rest) where rest.isEmpty || rest == ["21"]:
            guard digits(0..<18) != nil, let (prefix, item) = tradeItem(value) else { return nil }
            scheme = .itip
            let bytes = Array(value.utf8)
            body =
                prefix + "." + item + "." + String(decoding: bytes[14..<16], as: UTF8.self) + "."
                + String(decoding: bytes[16..<18], as: UTF8.self) + "."
            if let serial = single {
                body += Self.escaped(serial.value)
            } else {
                kind = .pattern
                body += "*"
            }
        default:
            return nil
        }
        return (kind, scheme, body)
    }

    /// Escapes the characters TDS does not allow bare in a URN component.
    static func escaped(_ value: String, componentPart: Bool = false) -> String {
        var output = ""
        for scalar in value.unicodeScalars {
            if scalar.isASCII, componentPart ? componentPartRaw[Int(scalar.value)] : componentRaw[Int(scalar.value)] {
                output.unicodeScalars.append(scalar)
            } else {
                for byte in String(Character(scalar)).utf8 {
                    output +=
                        "%" + String(PercentHex.digits[Int(byte >> 4)]) + String(PercentHex.digits[Int(byte & 0x0F)])
                }
            }
        }
        return output
    }
}
