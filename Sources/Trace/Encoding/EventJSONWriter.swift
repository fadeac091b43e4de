/// Writes an event as EPCIS 2.0 JSON-LD: the canonical form a repository stores and returns.
///
/// Standard fields come in the order of the EPCIS 2.0 JSON schema; vocabulary values are the
/// full Web URIs the decoder expanded them to, identifiers and times stay as the sender wrote
/// them, and extension fields keep their order. Every namespace an extension name uses is
/// bound in an event-level `@context`, so the event reads back on its own, inside any document,
/// with the same event hash.
///
/// The text is written straight into bytes (capture writes one per event); the `@context`,
/// known only once every extension name is written, is put in front at the end.
struct EventJSONWriter {
    /// Namespace IRI → prefix, for the event-level `@context`, in the order first used.
    private var bindings: [(prefix: String, iri: String)] = []
    /// The prefixes the event was read under. A document prefix is kept only when it was bound
    /// there: then every compact IRI using it was expanded on reading, and binding it again
    /// cannot change a value. An XML namespace prefix was not, and a value such as
    /// `example:someSensorProperty` must stay as it is, so its namespace gets a fresh prefix.
    private let inScope: EPCISNamespaces
    /// The members written so far, without the braces.
    private var body: [UInt8] = []
    /// Whether the object or array being written has a member or item already.
    private var needsComma = false

    /// Starts a writer for an event read under `inScope`.
    private init(inScope: EPCISNamespaces) {
        self.inScope = inScope
        body.reserveCapacity(1024)
    }

    /// The JSON text of `event`; `eventID` and `recordTime` replace the event's own when given.
    static func text(of event: EPCISEvent, eventID: String? = nil, recordTime: String? = nil) -> [UInt8] {
        var writer = EventJSONWriter(inScope: event.namespaces)
        writer.member("type") { $0.string(event.type.rawValue) }
        writer.member("eventID", (eventID ?? event.eventID)) { $0.string($1) }
        writer.member("eventTime", event.eventTime) { $0.string($1.text) }
        writer.member("eventTimeZoneOffset", event.eventTimeZoneOffset) { $0.string($1) }
        writer.member("recordTime", recordTime ?? event.recordTime?.text) { $0.string($1) }
        if !event.certificationInfo.isEmpty {
            writer.member("certificationInfo") { $0.array(event.certificationInfo) { $0.string($1) } }
        }
        writer.member("errorDeclaration", event.errorDeclaration) { $0.errorDeclaration($1) }
        writer.member("parentID", event.parentID) { $0.string($1.text) }
        writer.member("epcList", event.epcList) { $0.identifiers($1) }
        writer.member("childEPCs", event.childEPCs) { $0.identifiers($1) }
        writer.member("inputEPCList", event.inputEPCList) { $0.identifiers($1) }
        writer.member("outputEPCList", event.outputEPCList) { $0.identifiers($1) }
        writer.member("action", event.action) { $0.string($1.rawValue) }
        writer.member("transformationID", event.transformationID) { $0.string($1) }
        writer.member("bizStep", event.bizStep) { $0.string($1) }
        writer.member("disposition", event.disposition) { $0.string($1) }
        writer.member("persistentDisposition", event.persistentDisposition) { $0.persistentDisposition($1) }
        writer.member("readPoint", event.readPoint) { $0.location($1) }
        writer.member("bizLocation", event.bizLocation) { $0.location($1) }
        writer.member("bizTransactionList", event.bizTransactionList) { $0.transactions($1) }
        writer.member("quantityList", event.quantityList) { $0.quantities($1) }
        writer.member("childQuantityList", event.childQuantityList) { $0.quantities($1) }
        writer.member("inputQuantityList", event.inputQuantityList) { $0.quantities($1) }
        writer.member("outputQuantityList", event.outputQuantityList) { $0.quantities($1) }
        writer.member("sourceList", event.sourceList) { $0.parties($1, role: "source") }
        writer.member("destinationList", event.destinationList) { $0.parties($1, role: "destination") }
        writer.member("sensorElementList", event.sensorElementList) { $0.array($1) { $0.sensorElement($1) } }
        writer.member("ilmd", event.ilmd) { writer, fields in writer.object { $0.fields(fields) } }
        writer.fields(event.extensions)
        var output: [UInt8] = []
        output.reserveCapacity(writer.body.count + 64)
        output.append(UInt8(ascii: "{"))
        if !writer.bindings.isEmpty {
            output += #""@context":[{"#.utf8
            for (index, binding) in writer.bindings.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(binding.prefix, into: &output)
                output.append(UInt8(ascii: ":"))
                JSONValue.writeString(binding.iri, into: &output)
            }
            output += "}]".utf8
            if !writer.body.isEmpty { output.append(UInt8(ascii: ",")) }
        }
        output += writer.body
        output.append(UInt8(ascii: "}"))
        return output
    }

    // MARK: Structure

    /// `"key":` and the value `write` writes, after a comma when needed.
    private mutating func member(_ key: String, _ write: (inout EventJSONWriter) -> Void) {
        if needsComma { body.append(UInt8(ascii: ",")) }
        JSONValue.writeString(key, into: &body)
        body.append(UInt8(ascii: ":"))
        needsComma = false
        write(&self)
        needsComma = true
    }

    /// A member for a value that may be absent.
    private mutating func member<Value>(_ key: String, _ value: Value?, _ write: (inout EventJSONWriter, Value) -> Void) {
        guard let value else { return }
        member(key) { write(&$0, value) }
    }

    /// An object whose members `write` writes.
    private mutating func object(_ write: (inout EventJSONWriter) -> Void) {
        let outer = needsComma
        body.append(UInt8(ascii: "{"))
        needsComma = false
        write(&self)
        body.append(UInt8(ascii: "}"))
        needsComma = outer
    }

    /// An array of items.
    private mutating func array<Item>(_ items: [Item], _ write: (inout EventJSONWriter, Item) -> Void) {
        let outer = needsComma
        body.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            write(&self, item)
        }
        body.append(UInt8(ascii: "]"))
        needsComma = outer
    }

    /// A quoted, escaped string.
    private mutating func string(_ text: String) {
        JSONValue.writeString(text, into: &body)
    }

    /// A number as a JSON number when it is one, else as the text it was.
    private mutating func number(_ number: EPCISNumber) {
        if number.value == nil { string(number.text) } else { body += number.text.utf8 }
    }

    // MARK: Fields

    /// A list of identifiers as written.
    private mutating func identifiers(_ list: [EPCISIdentifier]) { array(list) { $0.string($1.text) } }

    /// A `bizTransactionList`.
    private mutating func transactions(_ list: [BusinessTransaction]) {
        array(list) { writer, transaction in
            writer.object { writer in
                writer.member("type", transaction.type) { $0.string($1) }
                writer.member("bizTransaction") { $0.string(transaction.id) }
            }
        }
    }

    /// A `sourceList` or `destinationList`.
    private mutating func parties(_ list: [SourceDestination], role: String) {
        array(list) { writer, entry in
            writer.object { writer in
                writer.member("type", entry.type) { $0.string($1) }
                writer.member(role) { $0.string(entry.id.text) }
            }
        }
    }

    /// A quantity list.
    private mutating func quantities(_ list: [QuantityElement]) {
        array(list) { writer, element in
            writer.object { writer in
                writer.member("epcClass", element.epcClass) { $0.string($1.text) }
                writer.member("quantity", element.quantity) { $0.number($1) }
                writer.member("uom", element.uom) { $0.string($1) }
                writer.fields(element.unknownFields)
            }
        }
    }

    /// A `readPoint` or `bizLocation`.
    private mutating func location(_ location: EPCISLocation) {
        object { writer in
            writer.member("id", location.id) { $0.string($1.text) }
            writer.fields(location.extensions)
        }
    }

    /// A `persistentDisposition`.
    private mutating func persistentDisposition(_ value: PersistentDisposition) {
        object { writer in
            if !value.set.isEmpty { writer.member("set") { $0.array(value.set) { $0.string($1) } } }
            if !value.unset.isEmpty { writer.member("unset") { $0.array(value.unset) { $0.string($1) } } }
            writer.fields(value.unknownFields)
        }
    }

    /// An `errorDeclaration`.
    private mutating func errorDeclaration(_ declaration: ErrorDeclaration) {
        object { writer in
            writer.member("declarationTime", declaration.declarationTime) { $0.string($1.text) }
            writer.member("reason", declaration.reason) { $0.string($1) }
            if !declaration.correctiveEventIDs.isEmpty {
                writer.member("correctiveEventIDs") { $0.array(declaration.correctiveEventIDs) { $0.string($1) } }
            }
            writer.fields(declaration.extensions)
        }
    }

    /// One sensor element.
    private mutating func sensorElement(_ element: SensorElement) {
        object { writer in
            if let metadata = element.metadata {
                writer.member("sensorMetadata") { writer in
                    writer.object { writer in
                        writer.member("time", metadata.time?.text) { $0.string($1) }
                        writer.member("startTime", metadata.startTime?.text) { $0.string($1) }
                        writer.member("endTime", metadata.endTime?.text) { $0.string($1) }
                        writer.member("deviceID", metadata.deviceID) { $0.string($1) }
                        writer.member("deviceMetadata", metadata.deviceMetadata) { $0.string($1) }
                        writer.member("rawData", metadata.rawData) { $0.string($1) }
                        writer.member("dataProcessingMethod", metadata.dataProcessingMethod) { $0.string($1) }
                        writer.member("bizRules", metadata.bizRules) { $0.string($1) }
                        writer.fields(metadata.extensions)
                    }
                }
            }
            writer.member("sensorReport") { $0.array(element.reports) { $0.sensorReport($1) } }
            writer.fields(element.extensions)
        }
    }

    /// One sensor report.
    private mutating func sensorReport(_ report: SensorReport) {
        object { writer in
            writer.member("type", report.type) { $0.string($1) }
            writer.member("exception", report.exception) { $0.string($1) }
            writer.member("deviceID", report.deviceID) { $0.string($1) }
            writer.member("deviceMetadata", report.deviceMetadata) { $0.string($1) }
            writer.member("rawData", report.rawData) { $0.string($1) }
            writer.member("dataProcessingMethod", report.dataProcessingMethod) { $0.string($1) }
            writer.member("bizRules", report.bizRules) { $0.string($1) }
            writer.member("time", report.time?.text) { $0.string($1) }
            writer.member("microorganism", report.microorganism) { $0.string($1) }
            writer.member("chemicalSubstance", report.chemicalSubstance) { $0.string($1) }
            writer.member("coordinateReferenceSystem", report.coordinateReferenceSystem) { $0.string($1) }
            writer.member("value", report.value) { $0.number($1) }
            writer.member("component", report.component) { $0.string($1) }
            writer.member("stringValue", report.stringValue) { $0.string($1) }
            writer.member("booleanValue", report.booleanValue) { $0.body += ($1 ? "true" : "false").utf8 }
            writer.member("hexBinaryValue", report.hexBinaryValue) { $0.string($1) }
            writer.member("uriValue", report.uriValue) { $0.string($1) }
            writer.member("minValue", report.minValue) { $0.number($1) }
            writer.member("maxValue", report.maxValue) { $0.number($1) }
            writer.member("meanValue", report.meanValue) { $0.number($1) }
            writer.member("sDev", report.sDev) { $0.number($1) }
            writer.member("percRank", report.percRank) { $0.number($1) }
            writer.member("percValue", report.percValue) { $0.number($1) }
            writer.member("uom", report.uom) { $0.string($1) }
            writer.fields(report.extensions)
        }
    }

    // MARK: Extensions

    /// Extension fields as members, binding their namespaces.
    private mutating func fields(_ list: [EPCISExtension]) {
        for field in list {
            let key = key(for: field.name)
            member(key) { $0.value(field.value) }
        }
    }

    /// An extension value.
    private mutating func value(_ value: EPCISExtensionValue) {
        switch value {
        case .text(let text): string(text)
        case .number(let text): body += text.utf8
        case .boolean(let flag): body += (flag ? "true" : "false").utf8
        case .null: body += "null".utf8
        case .list(let items): array(items) { $0.value($1) }
        case .fields(let members, let text):
            // An XML element with both text and children keeps its text under JSON-LD's `@value`.
            object { writer in
                writer.member("@value", text) { $0.string($1) }
                writer.fields(members)
            }
        }
    }

    /// The JSON key of a field name: `prefix:local`, binding the prefix to the namespace.
    private mutating func key(for name: EPCISName) -> String {
        guard let namespace = name.namespace else { return name.localName }
        if let bound = bindings.first(where: { $0.iri == namespace }) { return bound.prefix + ":" + name.localName }
        if let standard = EPCISNamespaces.epcisContext.prefixes.first(where: { $0.value == namespace }),
            !bindings.contains(where: { $0.prefix == standard.key })
        {
            return standard.key + ":" + name.localName
        }
        var prefix = "ns"
        if let written = name.prefix, inScope.prefixes[written] == namespace { prefix = written }
        if EPCISNamespaces.epcisContext.prefixes[prefix] != nil || bindings.contains(where: { $0.prefix == prefix }) {
            var counter = 1
            while bindings.contains(where: { $0.prefix == "\(prefix)\(counter)" }) { counter += 1 }
            prefix = "\(prefix)\(counter)"
        }
        bindings.append((prefix, namespace))
        return prefix + ":" + name.localName
    }
}

extension EPCISEvent {
    /// The event as canonical EPCIS 2.0 JSON-LD text (see `EventJSONWriter`); `eventID` and
    /// `recordTime` replace the event's own when given.
    public func canonicalJSON(eventID: String? = nil, recordTime: String? = nil) -> String {
        String(decoding: EventJSONWriter.text(of: self, eventID: eventID, recordTime: recordTime), as: UTF8.self)
    }
}
