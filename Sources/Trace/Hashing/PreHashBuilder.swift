/// Builds the CBV 2.0 pre-hash string of one event's hash tree.
///
/// The fields of the canonical property order come first, each as `name=value` (containers as
/// their name followed by their children), repeated fields sorted; then everything not in that
/// order (business transactions, sources, destinations, ILMD, user extensions) sorted as whole
/// strings. Inside `readPoint`, `bizLocation` and the sensor structures, extension fields follow
/// the standard fields. Strings sort by code point (UTF-8 byte order), not by locale.
///
/// Where the reference implementation's behaviour decides hashes that the published vectors
/// fix, this follows it: a field that is partly outside the property order (such as a
/// `bizRules` inside a `sensorReport`) is written again with its path among the trailing fields,
/// and extension fields are gathered into their parent only when their namespace ends in `/`.
struct PreHashBuilder {
    /// One entry of the canonical property order, with the order of its children.
    struct Property: Sendable {
        /// The field name.
        let name: String
        /// The order of its children, for containers.
        let children: [Property]?
        /// Whether the value is a date-time (the name contains `time` but not `offset`).
        let isTime: Bool

        /// A field, with the order of its children when it is a container.
        init(_ name: String, _ children: [Property]? = nil) {
            self.name = name
            self.children = children
            let lowered = name.lowercased()
            isTime = lowered.contains("time") && !lowered.contains("offset")
        }
    }

    /// The canonical property order (CBV 2.0 §8.9, with `certificationInfo` after the time
    /// zone offset as the published vectors place it).
    static let order: [Property] = {
        let quantity = [Property("quantityElement", [Property("epcClass"), Property("quantity"), Property("uom")])]
        let epc = [Property("epc")]
        let metadata = [
            "time", "startTime", "endTime", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules",
        ]
        let report = [
            "type", "exception", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "time",
            "microorganism",
            "chemicalSubstance", "value", "component", "stringValue", "booleanValue", "hexBinaryValue", "uriValue",
            "minValue",
            "maxValue", "meanValue", "sDev", "percRank", "percValue", "uom", "coordinateReferenceSystem",
        ]
        let sensorElement = Property(
            "sensorElement",
            [
                Property("sensorMetadata", metadata.map { Property($0) }),
                Property("sensorReport", report.map { Property($0) }),
            ])
        return [
            Property("eventTime"), Property("eventTimeZoneOffset"), Property("certificationInfo"),
            Property("epcList", epc),
            Property("parentID"), Property("inputEPCList", epc), Property("childEPCs", epc),
            Property("quantityList", quantity),
            Property("childQuantityList", quantity), Property("inputQuantityList", quantity),
            Property("outputEPCList", epc),
            Property("outputQuantityList", quantity), Property("action"), Property("transformationID"),
            Property("bizStep"),
            Property("disposition"), Property("persistentDisposition", [Property("set"), Property("unset")]),
            Property("readPoint", [Property("id")]), Property("bizLocation", [Property("id")]),
            Property("sensorElementList", [sensorElement]),
        ]
    }()

    /// The pre-hash string of an event of `type` whose fields are `nodes`.
    static func preHash(type: String, nodes: [HashNode]) -> String {
        String(decoding: preHashBytes(type: type, nodes: nodes), as: UTF8.self)
    }

    /// The pre-hash string as UTF-8 bytes. Values are written into one buffer; only fields that
    /// repeat are built apart, to be sorted. The tree is only read: what the property order does
    /// not cover is collected afterwards by `remainder`.
    static func preHashBytes(type: String, nodes: [HashNode]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        output += "eventType=".utf8
        output += type.utf8
        ordered(nodes, order: order, isEventLevel: true, into: &output)
        generic(remainder(nodes, order: order, isEventLevel: true), into: &output)
        return output
    }

    /// Whether extension fields of `level` are gathered and written after its standard fields:
    /// below event level, when the level has more than one field and none is named like an
    /// event's own fields (the reference implementation's test for "event level").
    private static func gathers(_ level: [HashNode], isEventLevel: Bool) -> Bool {
        !isEventLevel && level.count > 1
            && !level.contains { HashText.contains($0.name, "eventTime") || HashText.contains($0.name, "action") }
    }

    /// Whether a node is a gathered extension field: a name in a namespace ending in `/`.
    private static func isGathered(_ node: HashNode) -> Bool {
        !node.isGroup && node.name.utf8.first == UInt8(ascii: "{") && HashText.contains(node.name, "/}")
    }

    /// Writes the fields of `order` found in `level`, repeated ones sorted; then, when the level
    /// gathers them, its namespaced extension fields.
    private static func ordered(_ level: [HashNode], order: [Property], isEventLevel: Bool, into output: inout [UInt8])
    {
        for property in order {
            var first = -1
            var count = 0
            for index in level.indices where !level[index].isGroup && level[index].name == property.name {
                if count == 0 { first = index }
                count += 1
            }
            if count == 1 {
                field(level[first], property, into: &output)
            } else if count > 1 {
                var values: [[UInt8]] = []
                for index in level.indices where !level[index].isGroup && level[index].name == property.name {
                    var value: [UInt8] = []
                    field(level[index], property, into: &value)
                    if !value.isEmpty { values.append(value) }
                }
                values.sort { $0.lexicographicallyPrecedes($1) }
                for value in values { output += value }
            }
        }
        if gathers(level, isEventLevel: isEventLevel) { generic(level.filter(isGathered), into: &output) }
    }

    /// One field of the property order: `name=value`, or `name` and its ordered children;
    /// nothing when it has neither a value nor written children.
    private static func field(_ node: HashNode, _ property: Property, into output: inout [UInt8]) {
        let start = output.count
        output += node.name.utf8
        let afterName = output.count
        let trimmed = HashText.trimmed(node.text)
        if !trimmed.isEmpty {
            let canonical = node.canonical ?? (property.isTime ? HashValue.time(trimmed) : HashValue.canonical(trimmed))
            if !canonical.isEmpty {
                output.append(UInt8(ascii: "="))
                output += canonical.utf8
            }
        }
        if let children = property.children {
            ordered(node.children, order: children, isEventLevel: false, into: &output)
        }
        if output.count == afterName { output.removeSubrange(start...) }
    }

    /// What the property order leaves unwritten in `level`: fields outside it whole, and fields
    /// in it that still hold children outside their own order (with their text, as the
    /// reference implementation writes them again).
    private static func remainder(_ level: [HashNode], order: [Property], isEventLevel: Bool) -> [HashNode] {
        let gathering = gathers(level, isEventLevel: isEventLevel)
        var kept: [HashNode] = []
        for node in level where !(gathering && isGathered(node)) {
            guard !node.isGroup, let property = order.first(where: { $0.name == node.name }) else {
                kept.append(node)
                continue
            }
            if let children = property.children {
                let rest = remainder(node.children, order: children, isEventLevel: false)
                if !rest.isEmpty { kept.append(HashNode(node.name, node.text, rest)) }
            } else if !node.children.isEmpty {
                kept.append(node)
            }
        }
        return kept
    }

    /// Fields outside the property order, each written with its children, sorted unless the
    /// nodes are the two parts of one business transaction, source or destination.
    static func generic(_ nodes: [HashNode], into output: inout [UInt8]) {
        let isPair = nodes.contains {
            !$0.isGroup && ($0.name == "bizTransaction" || $0.name == "source" || $0.name == "destination")
        }
        if nodes.count <= 1 || isPair {
            for node in nodes { write(node, into: &output) }
            return
        }
        var values: [[UInt8]] = nodes.map { node in
            var value: [UInt8] = []
            write(node, into: &value)
            return value
        }
        values.sort { $0.lexicographicallyPrecedes($1) }
        for value in values { output += value }
    }

    /// One field outside the property order with its children.
    private static func write(_ node: HashNode, into output: inout [UInt8]) {
        if node.isGroup {
            generic(node.children, into: &output)
            return
        }
        output += node.name.utf8
        let trimmed = HashText.trimmed(node.text)
        if !trimmed.isEmpty {
            output.append(UInt8(ascii: "="))
            output += (node.canonical ?? HashValue.canonical(trimmed)).utf8
        }
        generic(node.children, into: &output)
    }

    /// Orders strings by Unicode code point, as the algorithm requires.
    static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
