extension EPCISEvent {
    /// The event's fields as hash-tree nodes, in the shape of the event's XML form.
    ///
    /// Fields the hash leaves out are not included: `recordTime`, `eventID`, `errorDeclaration`
    /// (so a retraction keeps the hash of the event it retracts), `rdfs:comment`, and the
    /// extension fields named in `ignoring`.
    func hashTree(ignoring: Set<EPCISName>) -> [HashNode] {
        var nodes: [HashNode] = []
        nodes.reserveCapacity(24)
        nodes.leaf("eventTime", eventTime?.text)
        nodes.leaf("eventTimeZoneOffset", eventTimeZoneOffset)
        nodes += certificationInfo.map { HashNode("certificationInfo", $0) }
        nodes.list("epcList", of: "epc", epcList)
        nodes.identifier("parentID", parentID)
        nodes.list("inputEPCList", of: "epc", inputEPCList)
        nodes.list("childEPCs", of: "epc", childEPCs)
        quantityNodes("quantityList", quantityList, into: &nodes)
        quantityNodes("childQuantityList", childQuantityList, into: &nodes)
        quantityNodes("inputQuantityList", inputQuantityList, into: &nodes)
        nodes.list("outputEPCList", of: "epc", outputEPCList)
        quantityNodes("outputQuantityList", outputQuantityList, into: &nodes)
        nodes.leaf("action", action?.rawValue)
        nodes.leaf("transformationID", transformationID)
        nodes.leaf("bizStep", bizStep)
        nodes.leaf("disposition", disposition)
        if let persistentDisposition {
            let children =
                persistentDisposition.set.map { HashNode("set", $0) }
                + persistentDisposition.unset.map { HashNode("unset", $0) }
            nodes.append(
                HashNode("persistentDisposition", "", children + extensionNodes(persistentDisposition.unknownFields)))
        }
        locationNodes("readPoint", readPoint, into: &nodes)
        locationNodes("bizLocation", bizLocation, into: &nodes)
        nodes += transactionNodes()
        if let sensorElementList {
            nodes.append(HashNode("sensorElementList", "", sensorElementList.map(sensorElementNode)))
        }
        nodes += ownNodes(ignoring: ignoring)
        return nodes
    }

    /// The business transactions, sources and destinations, which the property order leaves
    /// to the trailing fields.
    func transactionNodes() -> [HashNode] {
        var nodes: [HashNode] = []
        if let bizTransactionList {
            nodes.append(
                HashNode(
                    "bizTransactionList", "",
                    bizTransactionList.map { pair(type: $0.type, HashNode("bizTransaction", $0.id)) }))
        }
        if let sourceList {
            nodes.append(
                HashNode("sourceList", "", sourceList.map { pair(type: $0.type, .identifier("source", $0.id)) }))
        }
        if let destinationList {
            nodes.append(
                HashNode(
                    "destinationList", "",
                    destinationList.map { pair(type: $0.type, .identifier("destination", $0.id)) }))
        }
        return nodes
    }

    /// ILMD and the event's own extension fields (less those ignored, and `rdfs:comment`).
    func ownNodes(ignoring: Set<EPCISName>) -> [HashNode] {
        var nodes: [HashNode] = []
        if let ilmd { nodes.append(HashNode("ilmd", "", extensionNodes(ilmd))) }
        for field in extensions where !ignoring.contains(field.name) && field.name != Self.comment {
            nodes += self.nodes(named: field.name.expanded, field.value)
        }
        return nodes
    }

    /// `rdfs:comment`, a human note that is not part of the event's identity.
    static let comment = EPCISName(namespace: "http://www.w3.org/2000/01/rdf-schema#", localName: "comment")

    private func quantityNodes(_ name: String, _ elements: [QuantityElement]?, into nodes: inout [HashNode]) {
        guard let elements else { return }
        let children = elements.map { element in
            var fields: [HashNode] = []
            fields.identifier("epcClass", element.epcClass)
            fields.leaf("quantity", element.quantity?.text)
            fields.leaf("uom", element.uom)
            return HashNode("quantityElement", "", fields + extensionNodes(element.unknownFields))
        }
        nodes.append(HashNode(name, "", children))
    }

    private func locationNodes(_ name: String, _ location: EPCISLocation?, into nodes: inout [HashNode]) {
        guard let location else { return }
        var fields: [HashNode] = []
        fields.identifier("id", location.id)
        nodes.append(HashNode(name, "", fields + extensionNodes(location.extensions)))
    }

    /// A business transaction, source or destination: its type first, then its value.
    private func pair(type: String?, _ value: HashNode) -> HashNode {
        HashNode("", "", type.map { [HashNode("type", $0), value] } ?? [value], isGroup: true)
    }

    private func sensorElementNode(_ element: SensorElement) -> HashNode {
        var children: [HashNode] = []
        if let metadata = element.metadata {
            var fields: [HashNode] = []
            fields.leaf("time", metadata.time?.text)
            fields.leaf("startTime", metadata.startTime?.text)
            fields.leaf("endTime", metadata.endTime?.text)
            fields.leaf("deviceID", metadata.deviceID)
            fields.leaf("deviceMetadata", metadata.deviceMetadata)
            fields.leaf("rawData", metadata.rawData)
            fields.leaf("dataProcessingMethod", metadata.dataProcessingMethod)
            fields.leaf("bizRules", metadata.bizRules)
            children.append(HashNode("sensorMetadata", "", fields + extensionNodes(metadata.extensions)))
        }
        for report in element.reports {
            var fields: [HashNode] = []
            fields.leaf("type", report.type)
            fields.leaf("exception", report.exception)
            fields.leaf("deviceID", report.deviceID)
            fields.leaf("deviceMetadata", report.deviceMetadata)
            fields.leaf("rawData", report.rawData)
            fields.leaf("dataProcessingMethod", report.dataProcessingMethod)
            fields.leaf("bizRules", report.bizRules)
            fields.leaf("time", report.time?.text)
            fields.leaf("microorganism", report.microorganism)
            fields.leaf("chemicalSubstance", report.chemicalSubstance)
            fields.leaf("value", report.value?.text)
            fields.leaf("component", report.component)
            fields.leaf("stringValue", report.stringValue)
            fields.leaf("booleanValue", report.booleanValue.map { $0 ? "true" : "false" })
            fields.leaf("hexBinaryValue", report.hexBinaryValue)
            fields.leaf("uriValue", report.uriValue)
            fields.leaf("minValue", report.minValue?.text)
            fields.leaf("maxValue", report.maxValue?.text)
            fields.leaf("meanValue", report.meanValue?.text)
            fields.leaf("sDev", report.sDev?.text)
            fields.leaf("percRank", report.percRank?.text)
            fields.leaf("percValue", report.percValue?.text)
            fields.leaf("uom", report.uom)
            fields.leaf("coordinateReferenceSystem", report.coordinateReferenceSystem)
            children.append(HashNode("sensorReport", "", fields + extensionNodes(report.extensions)))
        }
        return HashNode("sensorElement", "", children + extensionNodes(element.extensions))
    }

    /// Extension fields as nodes named `{namespace}local`; a JSON array gives one node per item,
    /// as repeated XML elements do.
    func extensionNodes(_ fields: [EPCISExtension]) -> [HashNode] {
        fields.flatMap { field in nodes(named: field.name.expanded, field.value) }
    }

    private func nodes(named name: String, _ value: EPCISExtensionValue) -> [HashNode] {
        switch value {
        case .text(let text): [HashNode(name, namespaces.expanding(text))]
        case .number(let text): [HashNode(name, text)]
        case .boolean(let flag): [HashNode(name, flag ? "true" : "false")]
        case .null: [HashNode(name, "")]
        case .list(let items): items.flatMap { nodes(named: name, $0) }
        case .fields(let fields, let text):
            [HashNode(name, text.map { namespaces.expanding($0) } ?? "", extensionNodes(fields))]
        }
    }
}
