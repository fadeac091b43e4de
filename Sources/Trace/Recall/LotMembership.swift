import QualityCore

/// A serialised unit's membership of a batch (GTIN and lot), as a captured event states it.
///
/// An event states that a unit belongs to a lot in two ways:
/// - **ILMD**: an `ObjectEvent` with action `ADD` (commissioning) or a `TransformationEvent`
///   carries `cbvmda:lotNumber` in its instance/lot master data; every SGTIN of its `epcList`
///   (respectively `outputEPCList`) then belongs to that lot. CBV 2.0 defines ILMD only on
///   those two, and it describes the objects the event brings into being.
/// - **Digital Link**: a unit written as `…/01/{gtin}/10/{lot}/21/{serial}`, anywhere in an
///   event's EPC lists or as its parent. The stored identity drops the lot (`…/01/…/21/…`, the
///   CBV 2.0 identity of an SGTIN), so the lot must be read from the text as sent. Passport
///   codes (`LabelWriter`) are written this way, so a passport unit named in events by its
///   printed code is found in its batch.
public struct LotMembership: Sendable, Hashable {
    /// The GTIN, 14 digits.
    public var gtin: String
    /// The lot number (AI 10), decoded.
    public var lot: String
    /// The unit's canonical identity, `https://id.gs1.org/01/{gtin}/21/{serial}`.
    public var identity: String

    /// Creates a membership.
    public init(gtin: String, lot: String, identity: String) {
        self.gtin = gtin
        self.lot = lot
        self.identity = identity
    }

    /// The CBV master-data namespace of `lotNumber`, as EPCIS 2.0 JSON-LD binds `cbvmda`, and
    /// as EPCIS 1.x XML writes it.
    /// An XML namespace written without its separator expands to the last form.
    static let lotNumberIRIs: Set<String> = [
        "urn:epcglobal:cbv:mda:lotNumber", "urn:epcglobal:cbv:mda#lotNumber", "urn:epcglobal:cbv:mdalotNumber",
    ]

    /// The memberships stated by an event's canonical JSON-LD (as the repository stores it),
    /// without repeats; none when the text is not a JSON object.
    public static func stated(byEventJSON json: String) -> [LotMembership] {
        guard let event = try? JSONParser.parse(json.utf8), event.members != nil else { return [] }
        var result: [LotMembership] = []
        var seen = Set<LotMembership>()
        func add(_ membership: LotMembership) {
            if seen.insert(membership).inserted { result.append(membership) }
        }
        let type = event["type"]?.stringValue
        let action = event["action"]?.stringValue
        if let lot = ilmdLot(of: event) {
            let named: JSONValue? =
                switch type {
                case "ObjectEvent" where action == "ADD": event["epcList"]
                case "TransformationEvent": event["outputEPCList"]
                default: nil
                }
            for text in strings(named) {
                if let unit = serialisedUnit(text) {
                    add(LotMembership(gtin: unit.gtin, lot: lot, identity: unit.identity))
                }
            }
        }
        var written = strings(event["epcList"]) + strings(event["childEPCs"]) + strings(event["inputEPCList"])
        written += strings(event["outputEPCList"])
        if let parent = event["parentID"]?.stringValue { written.append(parent) }
        for text in written where text.hasPrefix("http") && text.contains("/10/") {
            guard let link = try? DigitalLink.parse(text, options: EPCISIdentifier.linkOptions),
                let gtin = link.gtin, let lot = link["10"], link["21"] != nil
            else { continue }
            add(LotMembership(gtin: gtin.gtin14, lot: lot, identity: EPCISIdentifier(text).canonical))
        }
        return result
    }

    /// The `lotNumber` of an event's ILMD, when it has one as a string.
    static func ilmdLot(of event: JSONValue) -> String? {
        guard let ilmd = event["ilmd"]?.members else { return nil }
        var namespaces = EPCISNamespaces.epcisContext
        for context in contexts(of: event) {
            for member in context.members ?? [] {
                if let iri = member.value.stringValue { namespaces = namespaces.merging([member.key: iri]) }
            }
        }
        for member in ilmd {
            let iri = namespaces.expanding(member.key)
            guard lotNumberIRIs.contains(iri), let lot = member.value.stringValue, !lot.isEmpty else { continue }
            return lot
        }
        return nil
    }

    /// The objects of an event's `@context` (an object, or an array that holds some).
    private static func contexts(of event: JSONValue) -> [JSONValue] {
        switch event["@context"] {
        case .object(let members): [.object(members)]
        case .array(let items): items.filter { $0.members != nil }
        default: []
        }
    }

    /// The strings of a JSON array (none for anything else).
    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// The GTIN and canonical identity of an SGTIN (EPC URN or Digital Link), or `nil`.
    static func serialisedUnit(_ text: String) -> (gtin: String, identity: String)? {
        let identifier = EPCISIdentifier(text)
        guard identifier.problem == nil, let elements = identifier.gs1Elements, elements.count == 2,
            elements[0].ai == "01", elements[1].ai == "21"
        else { return nil }
        return (elements[0].value, identifier.canonical)
    }
}
