import Foundation

/// Reads one XML event element into an `EPCISEvent`, collecting problems with JSON-style paths.
struct XMLEventReader {
    /// Problems found so far.
    var problems: [EPCISProblem]

    /// Compact IRIs expanded in XML values: only the GS1 prefixes (other prefixes in an XML
    /// value are URI schemes, not compact IRIs).
    let namespaces = EPCISNamespaces.gs1

    /// Reads one event element.
    mutating func readEvent(_ element: XMLTree, path: String) -> EPCISEvent {
        var event = EPCISEvent(type: EPCISEventType(rawValue: element.localName), namespaces: namespaces)
        for attribute in element.attributes {
            event.extensions.append(
                EPCISExtension(name: attribute.name, value: .text(attribute.value), isXMLAttribute: true))
        }
        for child in element.unwrappedChildren {
            let at = JSONEventReader.join(path, child.localName)
            guard child.namespace == nil else {
                event.extensions.append(Self.extensionField(child))
                continue
            }
            readField(child, at: at, into: &event)
        }
        return event
    }

    private mutating func readField(_ child: XMLTree, at path: String, into event: inout EPCISEvent) {
        let text = child.trimmedText
        switch child.localName {
        case "eventTime": event.eventTime = EPCISTimestamp(text)
        case "recordTime": event.recordTime = EPCISTimestamp(text)
        case "eventTimeZoneOffset": event.eventTimeZoneOffset = text
        case "eventID": event.eventID = text
        case "certificationInfo": event.certificationInfo.append(uri(text))
        case "errorDeclaration": event.errorDeclaration = errorDeclaration(child)
        case "epcList": event.epcList = identifiers(child)
        case "childEPCs": event.childEPCs = identifiers(child)
        case "inputEPCList": event.inputEPCList = identifiers(child)
        case "outputEPCList": event.outputEPCList = identifiers(child)
        case "parentID": event.parentID = EPCISIdentifier(uri(text))
        case "quantityList": event.quantityList = quantities(child, path)
        case "childQuantityList": event.childQuantityList = quantities(child, path)
        case "inputQuantityList": event.inputQuantityList = quantities(child, path)
        case "outputQuantityList": event.outputQuantityList = quantities(child, path)
        case "action": event.action = EPCISAction(rawValue: text)
        case "transformationID": event.transformationID = uri(text)
        case "bizStep": event.bizStep = vocabulary(text, .bizStep)
        case "disposition": event.disposition = vocabulary(text, .disposition)
        case "persistentDisposition":
            var result = PersistentDisposition()
            for item in child.unwrappedChildren {
                switch (item.namespace, item.localName) {
                case (nil, "set"): result.set.append(vocabulary(item.trimmedText, .disposition))
                case (nil, "unset"): result.unset.append(vocabulary(item.trimmedText, .disposition))
                default:
                    problems.append(
                        .unknownField(
                            JSONEventReader.join(path, item.localName),
                            "<\(item.name)> is not part of persistentDisposition"))
                    result.unknownFields.append(Self.extensionField(item))
                }
            }
            event.persistentDisposition = result
        case "readPoint": event.readPoint = location(child)
        case "bizLocation": event.bizLocation = location(child)
        case "bizTransactionList":
            event.bizTransactionList = child.unwrappedChildren.filter { $0.localName == "bizTransaction" }.map {
                BusinessTransaction(
                    type: $0.attribute("type").map { vocabulary($0, .bizTransactionType) }, id: uri($0.trimmedText))
            }
        case "sourceList", "destinationList":
            let role = child.localName == "sourceList" ? "source" : "destination"
            let entries = child.unwrappedChildren.filter { $0.localName == role }.map {
                SourceDestination(
                    type: $0.attribute("type").map { vocabulary($0, .sourceDestinationType) },
                    id: EPCISIdentifier(uri($0.trimmedText)))
            }
            if role == "source" { event.sourceList = entries } else { event.destinationList = entries }
        case "sensorElementList":
            event.sensorElementList = child.unwrappedChildren.filter { $0.localName == "sensorElement" }.map {
                sensorElement($0, path)
            }
        case "ilmd":
            event.ilmd =
                child.attributes.map { EPCISExtension(name: $0.name, value: .text($0.value), isXMLAttribute: true) }
                + child.unwrappedChildren.map(Self.extensionField)
        default:
            event.extensions.append(Self.extensionField(child))
        }
    }

    /// A URI with the GS1 compact forms expanded.
    func uri(_ text: String) -> String { namespaces.expanding(text) }

    /// A vocabulary value: legacy CBV URNs become Web URIs.
    func vocabulary(_ text: String, _ vocabulary: CBVVocabulary) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return vocabulary.webURI(ofURN: trimmed) ?? namespaces.expanding(trimmed)
    }

    private func identifiers(_ list: XMLTree) -> [EPCISIdentifier] {
        list.unwrappedChildren.filter {
            $0.localName == "epc" || $0.localName == "inputEPC" || $0.localName == "outputEPC"
        }
        .map { EPCISIdentifier(uri($0.trimmedText)) }
    }

    private mutating func quantities(_ list: XMLTree, _ path: String) -> [QuantityElement] {
        list.unwrappedChildren.enumerated().map { index, item in
            var element = QuantityElement(epcClass: nil)
            for field in item.unwrappedChildren {
                switch (field.namespace, field.localName) {
                case (nil, "epcClass"): element.epcClass = EPCISIdentifier(uri(field.trimmedText))
                case (nil, "quantity"): element.quantity = EPCISNumber(field.trimmedText)
                case (nil, "uom"): element.uom = field.trimmedText
                default:
                    problems.append(
                        .unknownField(
                            "\(path)[\(index)].\(field.localName)", "<\(field.name)> is not part of a quantity element")
                    )
                    element.unknownFields.append(Self.extensionField(field))
                }
            }
            return element
        }
    }

    private func location(_ element: XMLTree) -> EPCISLocation {
        var location = EPCISLocation(id: nil)
        for child in element.unwrappedChildren {
            if child.namespace == nil && child.localName == "id" {
                location.id = EPCISIdentifier(uri(child.trimmedText))
            } else {
                location.extensions.append(Self.extensionField(child))
            }
        }
        return location
    }

    private func errorDeclaration(_ element: XMLTree) -> ErrorDeclaration {
        var declaration = ErrorDeclaration(declarationTime: nil)
        for child in element.unwrappedChildren {
            switch (child.namespace, child.localName) {
            case (nil, "declarationTime"): declaration.declarationTime = EPCISTimestamp(child.trimmedText)
            case (nil, "reason"): declaration.reason = vocabulary(child.trimmedText, .errorReason)
            case (nil, "correctiveEventIDs"):
                declaration.correctiveEventIDs = child.unwrappedChildren.map(\.trimmedText)
            default: declaration.extensions.append(Self.extensionField(child))
            }
        }
        return declaration
    }

    /// An element as an extension field: text when it has neither children nor attributes,
    /// otherwise its attributes and children as fields.
    static func extensionField(_ element: XMLTree) -> EPCISExtension {
        let children = element.unwrappedChildren
        if children.isEmpty && element.attributes.isEmpty {
            return EPCISExtension(name: element.name, value: .text(element.trimmedText))
        }
        let fields =
            element.attributes.map { EPCISExtension(name: $0.name, value: .text($0.value), isXMLAttribute: true) }
            + children.map(extensionField)
        let text = element.trimmedText
        return EPCISExtension(name: element.name, value: .fields(fields, text: text.isEmpty ? nil : text))
    }
}
