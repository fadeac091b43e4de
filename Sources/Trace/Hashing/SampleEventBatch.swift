/// A reproducible batch of realistic ObjectEvents, written as an EPCIS 2.0 JSON-LD document:
/// commissioning, packing, shipping, receiving and selling of serialised units, with SGTINs as
/// EPC URNs and as Digital Links, SGLN read points, business transactions, sources and
/// destinations, some quantities, sensor readings and user extensions.
///
/// Used to measure hashing and to cross-check hashes against other implementations.
public struct SampleEventBatch: Sendable {
    /// Number of events.
    public let count: Int
    /// Seed of the deterministic generator.
    public let seed: UInt64

    /// Creates a batch description.
    public init(count: Int, seed: UInt64 = 2026) {
        self.count = count
        self.seed = seed
    }

    /// The JSON-LD document text.
    public var jsonLD: String {
        var random = SplitMix64(seed: seed)
        var events: [String] = []
        events.reserveCapacity(count)
        for index in 0..<count { events.append(event(index, &random)) }
        return """
            {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"ql":"https://ns.qualityloop.example/epcis/"}],\
            "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-07-01T08:00:00.000+08:00",\
            "epcisBody":{"eventList":[\(events.joined(separator: ","))]}}
            """
    }

    /// The decoded events.
    public func events() throws(EPCISDecodingError) -> [EPCISEvent] {
        try EPCISJSONDecoder().decode(Array(jsonLD.utf8)).events
    }

    private static let steps: [(String, String)] = [
        ("commissioning", "active"), ("packing", "in_progress"), ("shipping", "in_transit"),
        ("receiving", "in_progress"),
        ("retail_selling", "retail_sold"), ("inspecting", "conformant"),
    ]
    private static let prefixes = ["6901234", "6923456", "0614141", "4012345"]

    private func event(_ index: Int, _ random: inout SplitMix64) -> String {
        let prefix = Self.prefixes[Int(random.next() % 4)]
        let item = String(100_000 + random.next() % 900_000).suffix(12 - prefix.count)
        let (step, disposition) = Self.steps[Int(random.next() % UInt64(Self.steps.count))]
        let day = 1 + Int(random.next() % 28)
        let millis = Int(random.next() % 1000)
        let zone = ["+08:00", "+01:00", "-05:00", "Z"][Int(random.next() % 4)]
        let time =
            "2026-06-\(day < 10 ? "0" : "")\(day)T\(10 + index % 10):\(10 + index % 50):30.\(String(millis + 1000).dropFirst())\(zone)"
        var epcs: [String] = []
        for unit in 0..<(1 + Int(random.next() % 4)) {
            let serial = String(random.next() % 1_000_000_000, radix: 36).uppercased()
            if unit % 2 == 0 {
                epcs.append("\"urn:epc:id:sgtin:\(prefix).0\(item).\(serial)\"")
            } else {
                let payload = "0" + prefix + item
                let gtin = payload + String(Self.checkDigit(payload))
                epcs.append("\"https://id.example.cn/01/\(gtin)/21/\(serial)\"")
            }
        }
        let location =
            "urn:epc:id:sgln:\(prefix).\(String(10_000 + random.next() % 90_000).suffix(12 - prefix.count)).0"
        var fields = [
            "\"type\":\"ObjectEvent\"", "\"eventTime\":\"\(time)\"",
            "\"eventTimeZoneOffset\":\"\(zone == "Z" ? "+00:00" : zone)\"",
            "\"epcList\":[\(epcs.joined(separator: ","))]",
            "\"action\":\"\(step == "commissioning" ? "ADD" : "OBSERVE")\"",
            "\"bizStep\":\"\(step)\"", "\"disposition\":\"\(disposition)\"", "\"readPoint\":{\"id\":\"\(location)\"}",
            "\"bizLocation\":{\"id\":\"\(location)\"}",
        ]
        if step == "shipping" || step == "receiving" {
            fields.append(
                "\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:\(prefix)000009:PO\(index)\"}]"
            )
            fields.append(
                "\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"urn:epc:id:pgln:\(prefix).\(String(repeating: "0", count: 12 - prefix.count))\"}]"
            )
            fields.append("\"destinationList\":[{\"type\":\"location\",\"destination\":\"\(location)\"}]")
        }
        if random.next() % 4 == 0 {
            let lot = "L\(random.next() % 10_000)"
            fields.append(
                "\"quantityList\":[{\"epcClass\":\"urn:epc:class:lgtin:\(prefix).0\(item).\(lot)\",\"quantity\":\(Double(random.next() % 5000) / 10),\"uom\":\"KGM\"}]"
            )
        }
        if random.next() % 3 == 0 {
            let celsius = Double(Int(random.next() % 400)) / 10 - 5
            fields.append(
                "\"sensorElementList\":[{\"sensorMetadata\":{\"time\":\"\(time)\"},\"sensorReport\":[{\"type\":\"Temperature\",\"value\":\(celsius),\"uom\":\"CEL\"}]}]"
            )
        }
        fields.append("\"ql:operator\":\"OP-\(random.next() % 100)\"")
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func checkDigit(_ payload: String) -> Int {
        var sum = 0
        for (offset, byte) in payload.utf8.reversed().enumerated() { sum += Int(byte - 48) * (offset % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10
    }
}
