extension JSONEventReader {
    /// The objects of an array member, reporting non-objects.
    mutating func objects(_ value: JSONValue, _ path: String) -> [(Int, [JSONMember])]? {
        guard case .array(let items) = value else {
            problems.append(.type(path, "must be an array, not \(value.typeName)"))
            return nil
        }
        var result: [(Int, [JSONMember])] = []
        for (index, item) in items.enumerated() {
            if let members = item.members {
                result.append((index, members))
            } else {
                problems.append(.type("\(path)[\(index)]", "must be an object, not \(item.typeName)"))
            }
        }
        return result
    }

    /// A quantity list.
    mutating func quantities(_ value: JSONValue, _ path: String) -> [QuantityElement]? {
        guard let items = objects(value, path) else { return nil }
        return items.map { index, members in
            let at = "\(path)[\(index)]"
            var element = QuantityElement(epcClass: nil)
            for member in members {
                let field = Self.join(at, member.key)
                switch member.key {
                case "epcClass": element.epcClass = uri(member.value, field).map(EPCISIdentifier.init)
                case "quantity": element.quantity = number(member.value, field)
                case "uom": element.uom = string(member.value, field)
                default:
                    problems.append(
                        .unknownField(
                            field, "'\(member.key)' is not a field of a quantity element (epcClass, quantity, uom)"))
                    element.unknownFields.append(extensionField(member))
                }
            }
            return element
        }
    }

    /// A `readPoint` or `bizLocation`.
    mutating func location(_ value: JSONValue, _ path: String) -> EPCISLocation? {
        guard let members = value.members else {
            problems.append(.type(path, "must be an object with an id, not \(value.typeName)"))
            return nil
        }
        var location = EPCISLocation(id: nil)
        for member in members {
            if member.key == "id" {
                location.id = uri(member.value, Self.join(path, "id")).map(EPCISIdentifier.init)
            } else {
                location.extensions.append(extensionField(member))
            }
        }
        return location
    }

    /// A `bizTransactionList`.
    mutating func bizTransactions(_ value: JSONValue, _ path: String) -> [BusinessTransaction]? {
        guard let items = objects(value, path) else { return nil }
        return items.map { index, members in
            let at = "\(path)[\(index)]"
            var transaction = BusinessTransaction(type: nil, id: "")
            for member in members {
                let field = Self.join(at, member.key)
                switch member.key {
                case "type": transaction.type = vocabulary(member.value, .bizTransactionType, field)
                case "bizTransaction": transaction.id = uri(member.value, field) ?? ""
                default:
                    problems.append(
                        .unknownField(
                            field, "'\(member.key)' is not a field of a business transaction (type, bizTransaction)"))
                }
            }
            return transaction
        }
    }

    /// A `sourceList` or `destinationList`; `role` is `source` or `destination`.
    mutating func parties(_ value: JSONValue, _ path: String, role: String) -> [SourceDestination]? {
        guard let items = objects(value, path) else { return nil }
        return items.map { index, members in
            let at = "\(path)[\(index)]"
            var entry = SourceDestination(type: nil, id: EPCISIdentifier(""))
            for member in members {
                let field = Self.join(at, member.key)
                switch member.key {
                case "type": entry.type = vocabulary(member.value, .sourceDestinationType, field)
                case role: entry.id = EPCISIdentifier(uri(member.value, field) ?? "")
                default:
                    problems.append(.unknownField(field, "'\(member.key)' is not a field of a \(role) (type, \(role))"))
                }
            }
            return entry
        }
    }

    /// A `persistentDisposition`.
    mutating func persistentDisposition(_ value: JSONValue, _ path: String) -> PersistentDisposition? {
        guard let members = value.members else {
            problems.append(.type(path, "must be an object with set and/or unset, not \(value.typeName)"))
            return nil
        }
        var result = PersistentDisposition()
        for member in members {
            let field = Self.join(path, member.key)
            switch member.key {
            case "set", "unset":
                guard case .array(let items) = member.value else {
                    problems.append(.type(field, "must be an array of dispositions, not \(member.value.typeName)"))
                    continue
                }
                let values = items.enumerated().compactMap { index, item in
                    vocabulary(item, .disposition, "\(field)[\(index)]")
                }
                if member.key == "set" { result.set = values } else { result.unset = values }
            default:
                problems.append(
                    .unknownField(field, "'\(member.key)' is not a field of persistentDisposition (set, unset)"))
                result.unknownFields.append(extensionField(member))
            }
        }
        return result
    }

    /// An `errorDeclaration`.
    mutating func errorDeclaration(_ value: JSONValue, _ path: String) -> ErrorDeclaration? {
        guard let members = value.members else {
            problems.append(.type(path, "must be an object, not \(value.typeName)"))
            return nil
        }
        var declaration = ErrorDeclaration(declarationTime: nil)
        for member in members {
            let field = Self.join(path, member.key)
            switch member.key {
            case "declarationTime": declaration.declarationTime = timestamp(member.value, field)
            case "reason": declaration.reason = vocabulary(member.value, .errorReason, field)
            case "correctiveEventIDs": declaration.correctiveEventIDs = uris(member.value, field) ?? []
            default: declaration.extensions.append(extensionField(member))
            }
        }
        return declaration
    }

    /// A `sensorElementList`.
    mutating func sensorElements(_ value: JSONValue, _ path: String) -> [SensorElement]? {
        guard let items = objects(value, path) else { return nil }
        return items.map { index, members in
            let at = "\(path)[\(index)]"
            var element = SensorElement(reports: [])
            for member in members {
                let field = Self.join(at, member.key)
                switch member.key {
                case "sensorMetadata":
                    if let fields = member.value.members {
                        element.metadata = sensorMetadata(fields, field)
                    } else {
                        problems.append(.type(field, "must be an object, not \(member.value.typeName)"))
                    }
                case "sensorReport":
                    element.reports = (objects(member.value, field) ?? []).map { reportIndex, fields in
                        sensorReport(fields, "\(field)[\(reportIndex)]")
                    }
                default:
                    element.extensions.append(extensionField(member))
                }
            }
            return element
        }
    }

    private mutating func sensorMetadata(_ members: [JSONMember], _ path: String) -> SensorMetadata {
        var metadata = SensorMetadata()
        for member in members {
            let field = Self.join(path, member.key)
            switch member.key {
            case "time": metadata.time = timestamp(member.value, field)
            case "startTime": metadata.startTime = timestamp(member.value, field)
            case "endTime": metadata.endTime = timestamp(member.value, field)
            case "deviceID": metadata.deviceID = uri(member.value, field)
            case "deviceMetadata": metadata.deviceMetadata = uri(member.value, field)
            case "rawData": metadata.rawData = uri(member.value, field)
            case "dataProcessingMethod": metadata.dataProcessingMethod = uri(member.value, field)
            case "bizRules": metadata.bizRules = uri(member.value, field)
            default: metadata.extensions.append(extensionField(member))
            }
        }
        return metadata
    }

    private mutating func sensorReport(_ members: [JSONMember], _ path: String) -> SensorReport {
        var report = SensorReport()
        for member in members {
            let field = Self.join(path, member.key)
            let value = member.value
            switch member.key {
            case "type": report.type = vocabulary(value, .measurementType, field)
            case "exception": report.exception = vocabulary(value, .sensorAlertType, field)
            case "component": report.component = vocabulary(value, .component, field)
            case "deviceID": report.deviceID = uri(value, field)
            case "deviceMetadata": report.deviceMetadata = uri(value, field)
            case "rawData": report.rawData = uri(value, field)
            case "dataProcessingMethod": report.dataProcessingMethod = uri(value, field)
            case "bizRules": report.bizRules = uri(value, field)
            case "microorganism": report.microorganism = uri(value, field)
            case "chemicalSubstance": report.chemicalSubstance = uri(value, field)
            case "coordinateReferenceSystem": report.coordinateReferenceSystem = uri(value, field)
            case "uriValue": report.uriValue = uri(value, field)
            case "time": report.time = timestamp(value, field)
            case "stringValue": report.stringValue = string(value, field)
            case "hexBinaryValue": report.hexBinaryValue = string(value, field)
            case "uom": report.uom = string(value, field)
            case "booleanValue":
                if case .bool(let flag) = value {
                    report.booleanValue = flag
                } else {
                    problems.append(.type(field, "must be true or false, not \(value.typeName)"))
                }
            case "value": report.value = number(value, field)
            case "minValue": report.minValue = number(value, field)
            case "maxValue": report.maxValue = number(value, field)
            case "meanValue": report.meanValue = number(value, field)
            case "sDev": report.sDev = number(value, field)
            case "percRank": report.percRank = number(value, field)
            case "percValue": report.percValue = number(value, field)
            default: report.extensions.append(extensionField(member))
            }
        }
        return report
    }
}
