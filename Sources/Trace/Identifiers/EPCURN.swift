public import QualityCore

/// A GS1 key written as an EPC URN (GS1 Tag Data Standard): `urn:epc:id:sgtin:4012345.011111.9876`,
/// a class (`urn:epc:class:lgtin:…`) or a whole-class pattern (`urn:epc:idpat:sgtin:….*`).
///
/// The URN separates the GS1 Company Prefix with a dot, so it carries the prefix length that a
/// Digital Link does not; `companyPrefixLength` keeps it, and `init(elements:companyPrefixLength:)`
/// needs it to write a URN back.
public struct EPCURN: Sendable, Hashable, CustomStringConvertible {
    /// Which part of the EPC namespace the URN is in.
    public enum Kind: String, Sendable, Hashable {
        /// `urn:epc:id:` — one instance.
        case instance = "id"
        /// `urn:epc:class:` — a class of objects (LGTIN: GTIN plus lot).
        case objectClass = "class"
        /// `urn:epc:idpat:` — all instances of a class, written with `*`.
        case pattern = "idpat"
    }

    /// An EPC scheme that maps to a GS1 key.
    public enum Scheme: String, Sendable, Hashable, CaseIterable {
        /// Serialised GTIN: AI (01) + (21).
        case sgtin
        /// Serial Shipping Container Code: AI (00).
        case sscc
        /// GLN of a physical location, with extension: AI (414) + (254).
        case sgln
        /// Global Returnable Asset Identifier: AI (8003).
        case grai
        /// Global Individual Asset Identifier: AI (8004).
        case giai
        /// Global Service Relation Number (recipient): AI (8018).
        case gsrn
        /// Global Service Relation Number (provider): AI (8017).
        case gsrnp
        /// Global Document Type Identifier: AI (253).
        case gdti
        /// Component / Part Identifier: AI (8010) + (8011).
        case cpi
        /// Serialised Global Coupon Number: AI (255).
        case sgcn
        /// Global Identification Number for Consignment: AI (401).
        case ginc
        /// Global Shipment Identification Number: AI (402).
        case gsin
        /// Individual Trade Item Piece: AI (8006) + (21).
        case itip
        /// Unit Pack Identifier: AI (01) + (235).
        case upui
        /// Party GLN: AI (417).
        case pgln
        /// GTIN plus batch/lot (class level): AI (01) + (10).
        case lgtin
    }

    /// Instance, class or pattern.
    public let kind: Kind
    /// The scheme.
    public let scheme: Scheme
    /// Digits in the GS1 Company Prefix, 6 to 12.
    public let companyPrefixLength: Int
    /// The GS1 elements the URN stands for: the key first, then its qualifiers; values are
    /// decoded (`%2F` is `/`) and check digits are included.
    public let elements: [GS1Element]

    /// Creates a URN from its parts; callers have validated them.
    init(kind: Kind, scheme: Scheme, companyPrefixLength: Int, elements: [GS1Element]) {
        self.kind = kind
        self.scheme = scheme
        self.companyPrefixLength = companyPrefixLength
        self.elements = elements
    }

    /// The URN, with the characters TDS requires escaped (`" % & / < > ?`, and `#` in CPI).
    public var description: String { uri }
}
