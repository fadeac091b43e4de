/// Writes an event as EPCIS 2.0 JSON-LD: the canonical form a repository stores and returns.
///
/// Standard fields come in the order of the EPCIS 2.0 JSON schema; vocabulary values are the
/// full Web URIs the decoder expanded them to, identifiers and times stay as the sender wrote
/// them, and extension fields keep their order. Every namespace an extension name uses is
/// bound in an event-level `@context`, so the event reads back on its own, inside any document,
/// with the same event hash.
struct EventJSONWriter {
    /// Namespace IRI → prefix, for the event-level `@context`, in the order first used.
    private var bindings: [(prefix: String, iri: String)] = []
    /// The prefixes the event was read under. A document prefix is kept only when it was bound
    /// there: then every compact IRI using it was expanded on reading, and binding it again
    /// cannot change a value. An XML namespace prefix was not, and a value such as
    /// `example:someSensorProperty` must stay as it is, so its namespace gets a fresh prefix.
    private let inScope: EPCISNamespaces

    /// Starts a writer for an event read under `inScope`.
    private init(inScope: EPCISNamespaces) { self.inScope = inScope }

    /// The JSON of `event`; `eventID` and `recordTime` replace the event's own when given.
    static func json(of event: EPCISEvent, eventID: String? = nil, recordTime: String? = nil) -> JSONValue {
        var writer = EventJSONWriter(inScope: event.namespaces)
        var members: [JSONMember] = [JSONMember(key: "type", value: .string(event.type.rawValue))]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(JSONMember(key: key, value: value)) }
        }
        add("eventID", (eventID ?? event.eventID).map(JSONValue.string))
        add("eventTime", event.eventTime.map { .string($0.text) })
        add("eventTimeZoneOffset", event.eventTimeZoneOffset.map(JSONValue.string))
        add("recordTime", (recordTime ?? event.recordTime?.text).map(JSONValue.string))
        if !event.certificationInfo.isEmpty {
            add("certificationInfo", .array(event.certificationInfo.map(JSONValue.string)))
        }
        add("errorDeclaration", event.errorDeclaration.map { writer.errorDeclaration($0) })
        add("parentID", event.parentID.map { .string($0.text) })
        add("epcList", event.epcList.map(Self.identifiers))
        add("childEPCs", event.childEPCs.map(Self.identifiers))
        add("inputEPCList", event.inputEPCList.map(Self.identifiers))
        add("outputEPCList", event.outputEPCList.map(Self.identifiers))
        add("action", event.action.map { .string($0.rawValue) })
        add("transformationID", event.transformationID.map(JSONValue.string))
        add("bizStep", event.bizStep.map(JSONValue.string))
        add("disposition", event.disposition.map(JSONValue.string))
        add("persistentDisposition", event.persistentDisposition.map { writer.persistentDisposition($0) })
        add("readPoint", event.readPoint.map { writer.location($0) })
        add("bizLocation", event.bizLocation.map { writer.location($0) })
        add("bizTransactionList", event.bizTransactionList.map(Self.transactions))
        add("quantityList", event.quantityList.map { writer.quantities($0) })
        add("childQuantityList", event.childQuantityList.map { writer.quantities($0) })
        add("inputQuantityList", event.inputQuantityList.map { writer.quantities($0) })
        add("outputQuantityList", event.outputQuantityList.map { writer.quantities($0) })
        add("sourceList", event.sourceList.map { Self.parties($0, role: "source") })
        add("destinationList", event.destinationList.map { Self.parties($0, role: "destination") })
        add("sensorElementList", event.sensorElementList.map { .array($0.map { writer.sensorElement($0) }) })
        add("ilmd", event.ilmd.map { .object(writer.fields($0)) })
        members += writer.fields(event.extensions)
        if !writer.bindings.isEmpty {
            let context = JSONValue.object(writer.bindings.map { JSONMember(key: $0.prefix, value: .string($0.iri)) })
            members.insert(JSONMember(key: "@context", value: .array([context])), at: 0)
        }
        return .object(members)
    }

    /// A list of identifiers as written.
    static func identifiers(_ list: [EPCISIdentifier]) -> JSONValue { .array(list.map { .string($0.text) }) }

    /// A `bizTransactionList`.
    static func transactions(_ list: [BusinessTransaction]) -> JSONValue {
        .array(
            list.map { transaction in
                var members: [JSONMember] = []
                if let type = transaction.type { members.append(JSONMember(key: "type", value: .string(type))) }
                members.append(JSONMember(key: "bizTransaction", value: .string(transaction.id)))
                return .object(members)
            })
    }

    /// A `sourceList` or `destinationList`.
    static func parties(_ list: [SourceDestination], role: String) -> JSONValue {
        .array(
            list.map { entry in
                var members: [JSONMember] = []
                if let type = entry.type { members.append(JSONMember(key: "type", value: .string(type))) }
                members.append(JSONMember(key: role, value: .string(entry.id.text)))
                return .object(members)
            })
    }

    /// A number as a JSON number when it is one, else as the text it was.
    static func number(_ number: EPCISNumber) -> JSONValue {
        number.value == nil ? .string(number.text) : .number(number.text)
    }

    /// A quantity list.
    mutating func quantities(_ list: [QuantityElement]) -> JSONValue {
        .array(
            list.map { element in
                var members: [JSONMember] = []
                if let epcClass = element.epcClass {
                    members.append(JSONMember(key: "epcClass", value: .string(epcClass.text)))
                }
                if let quantity = element.quantity {
                    members.append(JSONMember(key: "quantity", value: Self.number(quantity)))
                }
                if let uom = element.uom { members.append(JSONMember(key: "uom", value: .string(uom))) }
                return .object(members + fields(element.unknownFields))
            })
    }

    /// A `readPoint` or `bizLocation`.
    mutating func location(_ location: EPCISLocation) -> JSONValue {
        var members: [JSONMember] = []
        if let id = location.id { members.append(JSONMember(key: "id", value: .string(id.text))) }
        return .object(members + fields(location.extensions))
    }

    /// A `persistentDisposition`.
    mutating func persistentDisposition(_ value: PersistentDisposition) -> JSONValue {
        var members: [JSONMember] = []
        if !value.set.isEmpty { members.append(JSONMember(key: "set", value: .array(value.set.map(JSONValue.string)))) }
        if !value.unset.isEmpty {
            members.append(JSONMember(key: "unset", value: .array(value.unset.map(JSONValue.string))))
        }
        return .object(members + fields(value.unknownFields))
    }

    /// An `errorDeclaration`.
    mutating func errorDeclaration(_ declaration: ErrorDeclaration) -> JSONValue {
        var members: [JSONMember] = []
        if let time = declaration.declarationTime {
            members.append(JSONMember(key: "declarationTime", value: .string(time.text)))
        }
        if let reason = declaration.reason { members.append(JSONMember(key: "reason", value: .string(reason))) }
        if !declaration.correctiveEventIDs.isEmpty {
            members.append(
                JSONMember(
                    key: "correctiveEventIDs", value: .array(declaration.correctiveEventIDs.map(JSONValue.string))))
        }
        return .object(members + fields(declaration.extensions))
    }

    /// One sensor element.
    mutating func sensorElement(_ element: SensorElement) -> JSONValue {
        var members: [JSONMember] = []
        if let metadata = element.metadata {
            var fields: [JSONMember] = []
            func text(_ key: String, _ value: String?) {
                if let value { fields.append(JSONMember(key: key, value: .string(value))) }
            }
            text("time", metadata.time?.text)
            text("startTime", metadata.startTime?.text)
            text("endTime", metadata.endTime?.text)
            text("deviceID", metadata.deviceID)
            text("deviceMetadata", metadata.deviceMetadata)
            text("rawData", metadata.rawData)
            text("dataProcessingMethod", metadata.dataProcessingMethod)
            text("bizRules", metadata.bizRules)
            members.append(JSONMember(key: "sensorMetadata", value: .object(fields + self.fields(metadata.extensions))))
        }
        members.append(JSONMember(key: "sensorReport", value: .array(element.reports.map { sensorReport($0) })))
        return .object(members + fields(element.extensions))
    }

    /// One sensor report.
    mutating func sensorReport(_ report: SensorReport) -> JSONValue {
        var members: [JSONMember] = []
        func text(_ key: String, _ value: String?) {
            if let value { members.append(JSONMember(key: key, value: .string(value))) }
        }
        func number(_ key: String, _ value: EPCISNumber?) {
            if let value { members.append(JSONMember(key: key, value: Self.number(value))) }
        }
        text("type", report.type)
        text("exception", report.exception)
        text("deviceID", report.deviceID)
        text("deviceMetadata", report.deviceMetadata)
        text("rawData", report.rawData)
        text("dataProcessingMethod", report.dataProcessingMethod)
        text("bizRules", report.bizRules)
        text("time", report.time?.text)
        text("microorganism", report.microorganism)
        text("chemicalSubstance", report.chemicalSubstance)
        text("coordinateReferenceSystem", report.coordinateReferenceSystem)
        number("value", report.value)
        text("component", report.component)
        text("stringValue", report.stringValue)
        if let flag = report.booleanValue { members.append(JSONMember(key: "booleanValue", value: .bool(flag))) }
        text("hexBinaryValue", report.hexBinaryValue)
        text("uriValue", report.uriValue)
        number("minValue", report.minValue)
        number("maxValue", report.maxValue)
        number("meanValue", report.meanValue)
        number("sDev", report.sDev)
        number("percRank", report.percRank)
        number("percValue", report.percValue)
        text("uom", report.uom)
        return .object(members + fields(report.extensions))
    }

    /// Extension fields as members, binding their namespaces.
    mutating func fields(_ list: [EPCISExtension]) -> [JSONMember] {
        list.map { JSONMember(key: key(for: $0.name), value: value($0.value)) }
    }

    /// An extension value.
    mutating func value(_ value: EPCISExtensionValue) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .number(let text): return .number(text)
        case .boolean(let flag): return .bool(flag)
        case .null: return .null
        case .list(let items): return .array(items.map { self.value($0) })
        case .fields(let members, let text):
            // An XML element with both text and children keeps its text under JSON-LD's `@value`.
            let own = text.map { [JSONMember(key: "@value", value: .string($0))] } ?? []
            return .object(own + fields(members))
        }
    }

    /// The JSON key of a field name: `prefix:local`, binding the prefix to the namespace.
    mutating func key(for name: EPCISName) -> String {
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
        EventJSONWriter.json(of: self, eventID: eventID, recordTime: recordTime).serialized
    }
}
