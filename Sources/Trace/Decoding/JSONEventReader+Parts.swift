extension JSONEventReader {
    // MARK: Values read from trees

    /// A string value, reporting any other type.
    mutating func string(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return text }
        problems.append(.type(path(), "must be a string, not \(value.typeName)"))
        return nil
    }

    /// A URI value with compact IRIs expanded.
    mutating func uri(_ value: JSONValue) -> String? {
        string(value).map { namespaces.expanding($0) }
    }

    /// An array of URIs.
    mutating func uris(_ value: JSONValue) -> [String]? {
        guard case .array(let items) = value else {
            problems.append(.type(path(), "must be an array, not \(value.typeName)"))
            return nil
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if let text = at(.index(index), { $0.uri(item) }) { result.append(text) }
        }
        return result
    }

    /// A date-time.
    mutating func timestamp(_ value: JSONValue) -> EPCISTimestamp? {
        string(value).map(EPCISTimestamp.init)
    }

    /// A number, keeping its text; a string is reported but kept, so the event can still be hashed.
    mutating func number(_ value: JSONValue) -> EPCISNumber? {
        switch value {
        case .number(let text): return EPCISNumber(text)
        case .string(let text):
            problems.append(.type(path(), "must be a number, not the string '\(text)'"))
            return EPCISNumber(text)
        default:
            problems.append(.type(path(), "must be a number, not \(value.typeName)"))
            return nil
        }
    }

    /// A standard-vocabulary value: a short name becomes the term's Web URI, a compact IRI is
    /// expanded, anything else is kept as written for validation to judge.
    mutating func vocabulary(_ text: String, _ vocabulary: CBVVocabulary) -> String {
        if let web = vocabulary.webURI(ofURN: text) {
            problems.append(
                .vocabulary(
                    path(),
                    "'\(text)' is the legacy CBV URN form, which EPCIS 2.0 JSON does not allow; write the short name or the Web URI"
                ))
            return web
        }
        return vocabulary.uri(ofShortName: text) ?? namespaces.expanding(text)
    }

    /// A standard-vocabulary value from a tree.
    mutating func vocabulary(_ value: JSONValue, _ vocabulary: CBVVocabulary) -> String? {
        string(value).map { self.vocabulary($0, vocabulary) }
    }

    /// An extension field from a JSON member.
    func extensionField(_ member: JSONMember) -> EPCISExtension {
        EPCISExtension(name: Self.name(forKey: member.key, namespaces: namespaces), value: extensionValue(member.value))
    }

    /// An extension value, recursively.
    func extensionValue(_ value: JSONValue) -> EPCISExtensionValue {
        switch value {
        case .object(let members): .fields(members.map { extensionField($0) }, text: nil)
        case .array(let items): .list(items.map { extensionValue($0) })
        case .string(let text): .text(text)
        case .number(let text): .number(text)
        case .bool(let flag): .boolean(flag)
        case .null: .null
        }
    }

    /// The field name a JSON key stands for: `prefix:local` with a bound prefix gives a
    /// namespaced name; an absolute IRI or an unbound prefix is kept whole; a bare word has no namespace.
    static func name(forKey key: String, namespaces: EPCISNamespaces) -> EPCISName {
        guard let colon = key.firstIndex(of: ":") else { return EPCISName(namespace: nil, localName: key) }
        let prefix = String(key[..<colon])
        let local = String(key[key.index(after: colon)...])
        if !local.hasPrefix("//"), let iri = namespaces.prefixes[prefix] {
            return EPCISName(namespace: iri, localName: local, prefix: prefix)
        }
        return EPCISName(namespace: nil, localName: key)
    }

    // MARK: Structures

    /// The objects of an array member, reporting non-objects.
    mutating func objects(_ value: JSONValue) -> [(Int, [JSONMember])]? {
        guard case .array(let items) = value else {
            problems.append(.type(path(), "must be an array, not \(value.typeName)"))
            return nil
        }
        var result: [(Int, [JSONMember])] = []
        for (index, item) in items.enumerated() {
            if let members = item.members {
                result.append((index, members))
            } else {
                at(.index(index)) { $0.problems.append(.type($0.path(), "must be an object, not \(item.typeName)")) }
            }
        }
        return result
    }

    /// A quantity list.
    mutating func quantities(_ value: JSONValue) -> [QuantityElement]? {
        guard let items = objects(value) else { return nil }
        return items.map { index, members in
            at(.index(index)) { reader in
                var element = QuantityElement(epcClass: nil)
                for member in members {
                    reader.at(.key(member.key)) { reader in
                        switch member.key {
                        case "epcClass": element.epcClass = reader.uri(member.value).map { reader.identifier($0) }
                        case "quantity": element.quantity = reader.number(member.value)
                        case "uom": element.uom = reader.string(member.value)
                        default:
                            reader.problems.append(
                                .unknownField(
                                    reader.path(),
                                    "'\(member.key)' is not a field of a quantity element (epcClass, quantity, uom)"))
                            element.unknownFields.append(reader.extensionField(member))
                        }
                    }
                }
                return element
            }
        }
    }

    /// A `bizTransactionList`.
    mutating func bizTransactions(_ value: JSONValue) -> [BusinessTransaction]? {
        guard let items = objects(value) else { return nil }
        return items.map { index, members in
            at(.index(index)) { reader in
                var transaction = BusinessTransaction(type: nil, id: "")
                for member in members {
                    reader.at(.key(member.key)) { reader in
                        switch member.key {
                        case "type": transaction.type = reader.vocabulary(member.value, .bizTransactionType)
                        case "bizTransaction": transaction.id = reader.uri(member.value) ?? ""
                        default:
                            reader.problems.append(
                                .unknownField(
                                    reader.path(),
                                    "'\(member.key)' is not a field of a business transaction (type, bizTransaction)"))
                        }
                    }
                }
                return transaction
            }
        }
    }

    /// A `sourceList` or `destinationList`; `role` is `source` or `destination`.
    mutating func parties(_ value: JSONValue, role: String) -> [SourceDestination]? {
        guard let items = objects(value) else { return nil }
        return items.map { index, members in
            at(.index(index)) { reader in
                var entry = SourceDestination(type: nil, id: EPCISIdentifier(""))
                for member in members {
                    reader.at(.key(member.key)) { reader in
                        switch member.key {
                        case "type": entry.type = reader.vocabulary(member.value, .sourceDestinationType)
                        case role: entry.id = reader.identifier(reader.uri(member.value) ?? "")
                        default:
                            reader.problems.append(
                                .unknownField(
                                    reader.path(), "'\(member.key)' is not a field of a \(role) (type, \(role))"))
                        }
                    }
                }
                return entry
            }
        }
    }

    /// A `persistentDisposition`.
    mutating func persistentDisposition(_ value: JSONValue) -> PersistentDisposition? {
        guard let members = value.members else {
            problems.append(.type(path(), "must be an object with set and/or unset, not \(value.typeName)"))
            return nil
        }
        var result = PersistentDisposition()
        for member in members {
            at(.key(member.key)) { reader in
                switch member.key {
                case "set", "unset":
                    guard case .array(let items) = member.value else {
                        reader.problems.append(
                            .type(reader.path(), "must be an array of dispositions, not \(member.value.typeName)"))
                        return
                    }
                    var values: [String] = []
                    for (index, item) in items.enumerated() {
                        if let text = reader.at(.index(index), { $0.vocabulary(item, .disposition) }) {
                            values.append(text)
                        }
                    }
                    if member.key == "set" { result.set = values } else { result.unset = values }
                default:
                    reader.problems.append(
                        .unknownField(
                            reader.path(), "'\(member.key)' is not a field of persistentDisposition (set, unset)"))
                    result.unknownFields.append(reader.extensionField(member))
                }
            }
        }
        return result
    }

    /// An `errorDeclaration`.
    mutating func errorDeclaration(_ value: JSONValue) -> ErrorDeclaration? {
        guard let members = value.members else {
            problems.append(.type(path(), "must be an object, not \(value.typeName)"))
            return nil
        }
        var declaration = ErrorDeclaration(declarationTime: nil)
        for member in members {
            at(.key(member.key)) { reader in
                switch member.key {
                case "declarationTime": declaration.declarationTime = reader.timestamp(member.value)
                case "reason": declaration.reason = reader.vocabulary(member.value, .errorReason)
                case "correctiveEventIDs": declaration.correctiveEventIDs = reader.uris(member.value) ?? []
                default: declaration.extensions.append(reader.extensionField(member))
                }
            }
        }
        return declaration
    }

    /// A `sensorElementList`.
    mutating func sensorElements(_ value: JSONValue) -> [SensorElement]? {
        guard let items = objects(value) else { return nil }
        return items.map { index, members in
            at(.index(index)) { reader in
                var element = SensorElement(reports: [])
                for member in members {
                    reader.at(.key(member.key)) { reader in
                        switch member.key {
                        case "sensorMetadata":
                            if let fields = member.value.members {
                                element.metadata = reader.sensorMetadata(fields)
                            } else {
                                reader.problems.append(
                                    .type(reader.path(), "must be an object, not \(member.value.typeName)"))
                            }
                        case "sensorReport":
                            element.reports = (reader.objects(member.value) ?? []).map { reportIndex, fields in
                                reader.at(.index(reportIndex)) { $0.sensorReport(fields) }
                            }
                        default:
                            element.extensions.append(reader.extensionField(member))
                        }
                    }
                }
                return element
            }
        }
    }

    private mutating func sensorMetadata(_ members: [JSONMember]) -> SensorMetadata {
        var metadata = SensorMetadata()
        for member in members {
            at(.key(member.key)) { reader in
                switch member.key {
                case "time": metadata.time = reader.timestamp(member.value)
                case "startTime": metadata.startTime = reader.timestamp(member.value)
                case "endTime": metadata.endTime = reader.timestamp(member.value)
                case "deviceID": metadata.deviceID = reader.uri(member.value)
                case "deviceMetadata": metadata.deviceMetadata = reader.uri(member.value)
                case "rawData": metadata.rawData = reader.uri(member.value)
                case "dataProcessingMethod": metadata.dataProcessingMethod = reader.uri(member.value)
                case "bizRules": metadata.bizRules = reader.uri(member.value)
                default: metadata.extensions.append(reader.extensionField(member))
                }
            }
        }
        return metadata
    }

    private mutating func sensorReport(_ members: [JSONMember]) -> SensorReport {
        var report = SensorReport()
        for member in members {
            at(.key(member.key)) { reader in
                let value = member.value
                switch member.key {
                case "type": report.type = reader.vocabulary(value, .measurementType)
                case "exception": report.exception = reader.vocabulary(value, .sensorAlertType)
                case "component": report.component = reader.vocabulary(value, .component)
                case "deviceID": report.deviceID = reader.uri(value)
                case "deviceMetadata": report.deviceMetadata = reader.uri(value)
                case "rawData": report.rawData = reader.uri(value)
                case "dataProcessingMethod": report.dataProcessingMethod = reader.uri(value)
                case "bizRules": report.bizRules = reader.uri(value)
                case "microorganism": report.microorganism = reader.uri(value)
                case "chemicalSubstance": report.chemicalSubstance = reader.uri(value)
                case "coordinateReferenceSystem": report.coordinateReferenceSystem = reader.uri(value)
                case "uriValue": report.uriValue = reader.uri(value)
                case "time": report.time = reader.timestamp(value)
                case "stringValue": report.stringValue = reader.string(value)
                case "hexBinaryValue": report.hexBinaryValue = reader.string(value)
                case "uom": report.uom = reader.string(value)
                case "booleanValue":
                    if case .bool(let flag) = value {
                        report.booleanValue = flag
                    } else {
                        reader.problems.append(.type(reader.path(), "must be true or false, not \(value.typeName)"))
                    }
                case "value": report.value = reader.number(value)
                case "minValue": report.minValue = reader.number(value)
                case "maxValue": report.maxValue = reader.number(value)
                case "meanValue": report.meanValue = reader.number(value)
                case "sDev": report.sDev = reader.number(value)
                case "percRank": report.percRank = reader.number(value)
                case "percValue": report.percValue = reader.number(value)
                default: report.extensions.append(reader.extensionField(member))
                }
            }
        }
        return report
    }
}
