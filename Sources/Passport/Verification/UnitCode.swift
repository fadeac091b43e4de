public import QualityCore

/// The parts of a Digital Link that name a trade item unit: GTIN, and lot and serial if present.
public struct UnitCode: Sendable, Hashable {
    /// The GTIN.
    public let gtin: GTIN
    /// AI 10, if present.
    public let lot: String?
    /// AI 21, if present.
    public let serial: String?

    /// Extracts the unit code from a parsed link; throws when the primary key is not a GTIN.
    public init(_ link: DigitalLink) throws(QualityError) {
        var gtin: GTIN?
        var lot: String?
        var serial: String?
        for element in link.elements {
            switch element.ai {
            case "01": gtin = try GTIN(checking: element.value)
            case "10": lot = element.value
            case "21": serial = element.value
            default: break
            }
        }
        guard let gtin else {
            throw .invalid("not_a_trade_item", "the code's primary key is not a GTIN (AI 01); only trade items have passports")
        }
        self.gtin = gtin
        self.lot = lot
        self.serial = serial
    }
}
