/// Writes an event's CBV 2.0 pre-hash string straight from the event, without building its
/// hash tree, for the events capture sees nearly always: standard fields, with extension
/// fields only at event level. It writes exactly what `PreHashBuilder` writes for such an event
/// (the same property order, value forms and sorting); any other event (an extension inside a
/// location, quantity, disposition or sensor structure, or a sensor report's `bizRules`, which
/// the reference algorithm writes twice) goes through `PreHashBuilder`.
///
/// Capture hashes every event; the tree, one object per field, cost more than the SHA-256.
/// The writer is reused from event to event, so its buffers are allocated once.
struct PreHashWriter {
    /// The pre-hash string being written.
    private(set) var output: [UInt8] = []
    /// Values of a repeated field, written apart to be sorted.
    private var scratch: [UInt8] = []
    private var ranges: [Range<Int>] = []

    /// A writer with room for a typical event.
    init() {
        output.reserveCapacity(2048)
        scratch.reserveCapacity(1024)
    }

    /// The event hash of an event, leaving out the extension fields in `ignoring`.
    mutating func hash(of event: EPCISEvent, ignoring: Set<EPCISName>) -> EventHash {
        write(event, ignoring: ignoring)
        return EventHash(preHashBytes: output)
    }

    /// Writes the pre-hash string of an event into `output`.
    mutating func write(_ event: EPCISEvent, ignoring: Set<EPCISName>) {
        output.removeAll(keepingCapacity: true)
        guard Self.isPlain(event) else {
            output = PreHashBuilder.preHashBytes(type: event.type.rawValue, nodes: event.hashTree(ignoring: ignoring))
            return
        }
        output += "eventType=".utf8
        output += event.type.rawValue.utf8
        time("eventTime", event.eventTime)
        leaf("eventTimeZoneOffset", event.eventTimeZoneOffset)
        repeated("certificationInfo", event.certificationInfo)
        identifiers("epcList", event.epcList)
        identifier("parentID", event.parentID)
        identifiers("inputEPCList", event.inputEPCList)
        identifiers("childEPCs", event.childEPCs)
        quantities("quantityList", event.quantityList)
        quantities("childQuantityList", event.childQuantityList)
        quantities("inputQuantityList", event.inputQuantityList)
        identifiers("outputEPCList", event.outputEPCList)
        quantities("outputQuantityList", event.outputQuantityList)
        leaf("action", event.action?.rawValue)
        leaf("transformationID", event.transformationID)
        leaf("bizStep", event.bizStep)
        leaf("disposition", event.disposition)
        if let persistent = event.persistentDisposition {
            container("persistentDisposition") { writer in
                writer.repeated("set", persistent.set)
                writer.repeated("unset", persistent.unset)
            }
        }
        location("readPoint", event.readPoint)
        location("bizLocation", event.bizLocation)
        if let elements = event.sensorElementList {
            container("sensorElementList") { writer in
                writer.sorted(elements) { writer, element in writer.sensorElement(element) }
            }
        }
        let trailing = event.transactionNodes() + event.ownNodes(ignoring: ignoring)
        PreHashBuilder.generic(trailing, into: &output)
    }

    /// Whether the writer covers every field of the event (see the type's description).
    static func isPlain(_ event: EPCISEvent) -> Bool {
        if let point = event.readPoint, !point.extensions.isEmpty { return false }
        if let location = event.bizLocation, !location.extensions.isEmpty { return false }
        if let persistent = event.persistentDisposition, !persistent.unknownFields.isEmpty { return false }
        for list in [event.quantityList, event.childQuantityList, event.inputQuantityList, event.outputQuantityList] {
            if let list, list.contains(where: { !$0.unknownFields.isEmpty }) { return false }
        }
        for element in event.sensorElementList ?? [] {
            if !element.extensions.isEmpty || !(element.metadata?.extensions.isEmpty ?? true) { return false }
            if element.reports.contains(where: { !$0.extensions.isEmpty || $0.bizRules != nil }) { return false }
        }
        return true
    }

    // MARK: Fields

    /// `name=value` for a value the hash canonicalises (`HashValue.canonical`), when there is one.
    private mutating func leaf(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        let trimmed = HashText.trimmed(text)
        guard !trimmed.isEmpty else { return }
        let value = HashValue.canonical(trimmed)
        guard !value.isEmpty else { return }
        put(name)
        output.append(UInt8(ascii: "="))
        output += value.utf8
    }

    /// `name=value` for a date-time, in UTC at millisecond precision.
    private mutating func time(_ name: StaticString, _ stamp: EPCISTimestamp?) {
        guard let stamp else { return }
        let trimmed = HashText.trimmed(stamp.text)
        guard !trimmed.isEmpty else { return }
        // The stamp was parsed when read; its text needs reading again only with blanks around it.
        let value = trimmed.utf8.count == stamp.text.utf8.count ? (stamp.canonicalUTC ?? trimmed) : HashValue.time(trimmed)
        guard !value.isEmpty else { return }
        put(name)
        output.append(UInt8(ascii: "="))
        output += value.utf8
    }

    /// `name=form` for an identifier.
    private mutating func identifier(_ name: StaticString, _ identifier: EPCISIdentifier?) {
        guard let identifier else { return }
        let trimmed = HashText.trimmed(identifier.text)
        guard !trimmed.isEmpty else { return }
        let value = identifier.hashForm ?? HashValue.canonical(trimmed)
        guard !value.isEmpty else { return }
        put(name)
        output.append(UInt8(ascii: "="))
        output += value.utf8
    }

    /// A list of identifiers: its name, then `epc=form` for each, sorted.
    private mutating func identifiers(_ name: StaticString, _ list: [EPCISIdentifier]?) {
        guard let list else { return }
        container(name) { writer in writer.sorted(list) { writer, item in writer.identifier("epc", item) } }
    }

    /// `name=value` for each of several values, sorted.
    private mutating func repeated(_ name: StaticString, _ values: [String]) {
        sorted(values) { writer, value in writer.leaf(name, value) }
    }

    /// A quantity list: its name, then each element's fields, elements sorted.
    private mutating func quantities(_ name: StaticString, _ list: [QuantityElement]?) {
        guard let list else { return }
        container(name) { writer in
            writer.sorted(list) { writer, element in
                writer.container("quantityElement") { writer in
                    writer.identifier("epcClass", element.epcClass)
                    writer.leaf("quantity", element.quantity?.text)
                    writer.leaf("uom", element.uom)
                }
            }
        }
    }

    /// A read point or business location: its name and `id=form`.
    private mutating func location(_ name: StaticString, _ location: EPCISLocation?) {
        guard let location else { return }
        container(name) { writer in writer.identifier("id", location.id) }
    }

    /// One sensor element: its metadata, then its reports sorted.
    private mutating func sensorElement(_ element: SensorElement) {
        container("sensorElement") { writer in
            if let metadata = element.metadata {
                writer.container("sensorMetadata") { writer in
                    writer.time("time", metadata.time)
                    writer.time("startTime", metadata.startTime)
                    writer.time("endTime", metadata.endTime)
                    writer.leaf("deviceID", metadata.deviceID)
                    writer.leaf("deviceMetadata", metadata.deviceMetadata)
                    writer.leaf("rawData", metadata.rawData)
                    writer.leaf("dataProcessingMethod", metadata.dataProcessingMethod)
                    writer.leaf("bizRules", metadata.bizRules)
                }
            }
            writer.sorted(element.reports) { writer, report in
                writer.container("sensorReport") { writer in
                    writer.leaf("type", report.type)
                    writer.leaf("exception", report.exception)
                    writer.leaf("deviceID", report.deviceID)
                    writer.leaf("deviceMetadata", report.deviceMetadata)
                    writer.leaf("rawData", report.rawData)
                    writer.leaf("dataProcessingMethod", report.dataProcessingMethod)
                    writer.time("time", report.time)
                    writer.leaf("microorganism", report.microorganism)
                    writer.leaf("chemicalSubstance", report.chemicalSubstance)
                    writer.leaf("value", report.value?.text)
                    writer.leaf("component", report.component)
                    writer.leaf("stringValue", report.stringValue)
                    writer.leaf("booleanValue", report.booleanValue.map { $0 ? "true" : "false" })
                    writer.leaf("hexBinaryValue", report.hexBinaryValue)
                    writer.leaf("uriValue", report.uriValue)
                    writer.leaf("minValue", report.minValue?.text)
                    writer.leaf("maxValue", report.maxValue?.text)
                    writer.leaf("meanValue", report.meanValue?.text)
                    writer.leaf("sDev", report.sDev?.text)
                    writer.leaf("percRank", report.percRank?.text)
                    writer.leaf("percValue", report.percValue?.text)
                    writer.leaf("uom", report.uom)
                    writer.leaf("coordinateReferenceSystem", report.coordinateReferenceSystem)
                }
            }
        }
    }

    // MARK: Structure

    /// A container: its name, then what `body` writes; nothing at all when `body` writes nothing.
    private mutating func container(_ name: StaticString, _ body: (inout PreHashWriter) -> Void) {
        let start = output.count
        put(name)
        let afterName = output.count
        body(&self)
        if output.count == afterName { output.removeSubrange(start...) }
    }

    /// What `write` writes for each item, the items' texts sorted by code point (as bytes) and
    /// concatenated; an item that writes nothing is left out.
    private mutating func sorted<Item>(_ items: [Item], _ write: (inout PreHashWriter, Item) -> Void) {
        if items.count == 1 {
            write(&self, items[0])
            return
        }
        guard !items.isEmpty else { return }
        // Each item is written at the end of `output`, moved into the scratch buffer, and the
        // pieces come back in order: nested sorts use the scratch buffer after the pieces of
        // the sorts around them.
        let scratchStart = scratch.count
        let rangesStart = ranges.count
        for item in items {
            let start = output.count
            write(&self, item)
            if output.count > start {
                let pieceStart = scratch.count
                scratch.append(contentsOf: output[start...])
                ranges.append(pieceStart..<scratch.count)
                output.removeSubrange(start...)
            }
        }
        scratch.withUnsafeBufferPointer { buffer in
            ranges[rangesStart...].sort { lhs, rhs in
                UnsafeBufferPointer(rebasing: buffer[lhs]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: buffer[rhs]))
            }
        }
        for range in ranges[rangesStart...] { output.append(contentsOf: scratch[range]) }
        ranges.removeSubrange(rangesStart...)
        scratch.removeSubrange(scratchStart...)
    }

    private mutating func put(_ name: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
}
