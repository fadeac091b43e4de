extension EventChecker {
    /// Sensor elements: at least one report each, valid times, numbers, hex and URIs.
    mutating func checkSensors() {
        for (index, element) in (event.sensorElementList ?? []).enumerated() {
            let base = "sensorElementList[\(index)]"
            if element.reports.isEmpty {
                problems.append(
                    .required(at(base + ".sensorReport"), "a sensor element needs at least one sensorReport"))
            }
            if let metadata = element.metadata {
                let field = base + ".sensorMetadata"
                checkTime(metadata.time, field + ".time", required: false)
                checkTime(metadata.startTime, field + ".startTime", required: false)
                checkTime(metadata.endTime, field + ".endTime", required: false)
                for (name, value) in [
                    ("deviceID", metadata.deviceID), ("deviceMetadata", metadata.deviceMetadata),
                    ("rawData", metadata.rawData),
                    ("dataProcessingMethod", metadata.dataProcessingMethod), ("bizRules", metadata.bizRules),
                ] {
                    if let value { checkURI(value, field + "." + name) }
                }
                checkExtensionNames(metadata.extensions, field)
            }
            for (reportIndex, report) in element.reports.enumerated() {
                checkReport(report, "\(base).sensorReport[\(reportIndex)]")
            }
            checkExtensionNames(element.extensions, base)
        }
    }

    private mutating func checkReport(_ report: SensorReport, _ base: String) {
        // EPCIS 2.0 makes `type` optional (its XML schema has `use="optional"`), although the
        // 2.0.1 JSON Schema lists it as required; a report without a type is accepted.
        if let type = report.type { checkVocabulary(type, .measurementType, base + ".type") }
        if let exception = report.exception { checkVocabulary(exception, .sensorAlertType, base + ".exception") }
        if let component = report.component { checkVocabulary(component, .component, base + ".component") }
        checkTime(report.time, base + ".time", required: false)
        for (name, value) in [
            ("deviceID", report.deviceID), ("deviceMetadata", report.deviceMetadata), ("rawData", report.rawData),
            ("dataProcessingMethod", report.dataProcessingMethod), ("bizRules", report.bizRules),
            ("microorganism", report.microorganism),
            ("chemicalSubstance", report.chemicalSubstance),
            ("coordinateReferenceSystem", report.coordinateReferenceSystem),
            ("uriValue", report.uriValue),
        ] {
            if let value { checkURI(value, base + "." + name) }
        }
        for (name, number) in [
            ("value", report.value), ("minValue", report.minValue), ("maxValue", report.maxValue),
            ("meanValue", report.meanValue),
            ("sDev", report.sDev), ("percRank", report.percRank), ("percValue", report.percValue),
        ] {
            if let number, number.value == nil, !problems.contains(where: { $0.path == at(base + "." + name) }) {
                problems.append(.type(at(base + "." + name), "\(name) '\(number.text)' is not a number"))
            }
        }
        if let hex = report.hexBinaryValue,
            hex.isEmpty || !hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || (($0 | 0x20) >= 97 && ($0 | 0x20) <= 102) })
        {
            problems.append(.type(at(base + ".hexBinaryValue"), "hexBinaryValue '\(hex)' is not hexadecimal"))
        }
        checkExtensionNames(report.extensions, base)
    }

    /// Event-level extensions and ILMD: every field needs a namespace.
    mutating func checkExtensions() {
        checkExtensionNames(event.extensions, "")
        if let ilmd = event.ilmd { checkExtensionNames(ilmd, "ilmd", what: "an ILMD field") }
    }

    /// Reports extension fields without a namespace, or with a prefix the context does not declare.
    mutating func checkExtensionNames(_ fields: [EPCISExtension], _ base: String, what: String = "an extension field") {
        for field in fields where field.name.namespace == nil {
            let key = field.name.localName
            let fieldPath = at(base.isEmpty ? key : base + "." + key)
            if let colon = key.firstIndex(of: ":") {
                let prefix = String(key[..<colon])
                if !Self.iriSchemes.contains(prefix.lowercased()) {
                    problems.append(
                        .invalid(fieldPath, "the prefix '\(prefix)' of '\(key)' is not declared in @context"))
                }
            } else {
                let place = base.isEmpty ? "\(event.type.rawValue)" : base
                problems.append(
                    .unknownField(
                        fieldPath,
                        "'\(key)' is not a field of \(place); \(what) needs a namespace (prefix:name with the prefix in @context)"
                    ))
            }
        }
    }

    /// URI schemes that make a key an absolute IRI rather than a compact one.
    static let iriSchemes: Set<String> = ["http", "https", "urn"]
}
