public import QualityCore

/// An identifier in an EPCIS event (an EPC, class, location, party or document), with one
/// identity whether it was written as an EPC URN or as a GS1 Digital Link URI.
///
/// `urn:epc:id:sgtin:4012345.011111.9876` and `https://example.com/01/04012345111118/21/9876`
/// are the same identifier: both have the GS1 elements `(01)04012345111118 (21)9876` and the
/// canonical form `https://id.gs1.org/01/04012345111118/21/9876`. Equality and hashing use
/// that canonical form. Identifiers that are not GS1 keys (any other URI) are their own text.
public struct EPCISIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// How the identifier was written.
    public enum Form: String, Sendable, Hashable {
        /// An EPC URN (`urn:epc:id:`, `urn:epc:class:` or `urn:epc:idpat:`) of a GS1 key.
        case epcURN
        /// A GS1 Digital Link URI.
        case digitalLink
        /// Any other URI (or an EPC URN of a scheme that is not a GS1 key).
        case other
    }

    /// The text as written.
    public let text: String
    /// How it was written.
    public let form: Form
    /// The GS1 key and its qualifiers at the finest level present (CBV 2.0: with a serial the
    /// lot is dropped, and a CPV is never part of the identity), or `nil` for other URIs.
    public let gs1Elements: [GS1Element]?
    /// The GS1 Company Prefix length, known when the identifier was an EPC URN.
    public let companyPrefixLength: Int?
    /// Why the text is not a valid identifier of the form it appears to have.
    public let problem: String?
    /// The canonical form: the Digital Link URI on `https://id.gs1.org` for GS1 keys, the text otherwise.
    public let canonical: String
    /// The form the CBV 2.0 event hash writes for this identifier, when it is a GS1 key the hash
    /// rewrites; `nil` means the hash canonicalises the text itself. Worked out once, with
    /// the canonical form, because an event's hash and its records both need it.
    let hashForm: String?

    /// Reads an identifier, converting EPC URNs to GS1 elements and checking Digital Links.
    public init(_ text: String) {
        self.text = text
        var elements: [GS1Element]?
        var prefixLength: Int?
        var problem: String?
        var form = Form.other
        if Self.starts(text, with: "urn:epc:") {
            do {
                let urn = try EPCURN.parse(text)
                elements = urn.elements
                prefixLength = urn.companyPrefixLength
                form = .epcURN
            } catch {
                if !error.isUnconvertibleScheme { problem = error.message }
            }
        } else if Self.starts(text, with: "http://") || Self.starts(text, with: "https://") || text.hasPrefix("HTTP") {
            if !GS1KeyForms.pathMayHoldKey(text, keys: GS1KeyForms.primaryKeyNames) {
                if text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
                    problem = "'\(text)' is not a URI: it contains a space or control character"
                }
            } else {
                do {
                    let link = try DigitalLink.parse(text, options: Self.linkOptions)
                    elements = [link.primaryKey] + link.keyQualifiers
                    form = .digitalLink
                } catch {
                    if !Self.notALink.contains(error.code) { problem = error.message }
                }
            }
        } else if !Self.isAbsoluteURI(text) {
            problem = "'\(text)' is not an absolute URI"
        }
        let constrained = elements.map(GS1KeyForms.finestLevel)
        self.form = form
        self.gs1Elements = constrained
        self.companyPrefixLength = prefixLength
        self.problem = problem
        let canonical = constrained.map { GS1KeyForms.canonicalURI($0) } ?? text
        self.canonical = canonical
        if let constrained, let key = constrained.first, GS1KeyForms.hashableKeys.contains(key.ai) {
            hashForm = GS1KeyForms.hashURI(constrained, canonical: canonical)
        } else {
            hashForm = nil
        }
    }

    /// The Digital Link of the GS1 key, when the identifier is one.
    public var digitalLink: DigitalLink? {
        gs1Elements.flatMap { try? DigitalLink(elements: $0, options: [.skipRequisiteAICheck]) }
    }

    /// The EPC URN of the GS1 key, splitting the company prefix after `companyPrefixLength`
    /// digits (default: the length the URN carried, when it was one).
    public func epcURN(companyPrefixLength length: Int? = nil) -> EPCURN? {
        guard let elements = gs1Elements, let length = length ?? companyPrefixLength else { return nil }
        return EPCURN(elements: elements, companyPrefixLength: length)
    }

    /// The text as written.
    public var description: String { text }

    /// Why `text` is not a valid identifier (as `EPCISIdentifier(text).problem`), without
    /// building the identifier when it is neither an EPC URN nor a Web URI.
    static func problem(of text: String) -> String? {
        if starts(text, with: "urn:epc:") || starts(text, with: "http://") || starts(text, with: "https://")
            || text.hasPrefix("HTTP")
        {
            return EPCISIdentifier(text).problem
        }
        return isAbsoluteURI(text) ? nil : "'\(text)' is not an absolute URI"
    }

    /// Whether the UTF-8 of `text` starts with the ASCII `prefix` (`hasPrefix` compares
    /// characters, which costs more than the bytes an identifier's scheme is).
    static func starts(_ text: String, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        var index = 0
        for byte in text.utf8 {
            guard index < count else {
                // A combining mark on the prefix's last character would make it another character.
                return byte < 0x80 || text.hasPrefix(prefix.description)
            }
            if byte != prefix.utf8Start[index] { return false }
            index += 1
        }
        return index == count
    }

    /// Identifiers are equal when their canonical forms are.
    public static func == (lhs: EPCISIdentifier, rhs: EPCISIdentifier) -> Bool { lhs.canonical == rhs.canonical }

    /// Hashes the canonical form.
    public func hash(into hasher: inout Hasher) { hasher.combine(canonical) }

    /// Digital Link relaxations accepted in EPCIS data: short GTINs and the legacy path names.
    static let linkOptions: DigitalLink.ParseOptions = [.permitZeroSuppressedGTIN, .permitConvenienceAlphas]

    /// Parse failures that mean "this URI is not a Digital Link" rather than "a broken one".
    static let notALink: Set<GS1Error.Code> = [.missingPrimaryKey, .notAURI, .badScheme, .badHost]

    /// Whether `text` starts with a URI scheme (`letter *( letter / digit / + - . ) ":"`) and
    /// has no whitespace, as RFC 3986 requires of an absolute URI.
    static func isAbsoluteURI(_ text: String) -> Bool {
        var sawScheme = false
        for (offset, byte) in text.utf8.enumerated() {
            if byte <= 0x20 || byte == 0x7F { return false }
            if sawScheme { continue }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if offset == 0 {
                guard isLetter else { return false }
            } else if byte == UInt8(ascii: ":") {
                sawScheme = true
            } else if !(isLetter || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "."))
            {
                return false
            }
        }
        return sawScheme
    }
}
