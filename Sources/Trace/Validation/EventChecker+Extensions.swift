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
                checkURI(metadata.deviceID, field, "deviceID")
                checkURI(metadata.deviceMetadata, field, "deviceMetadata")
                checkURI(metadata.rawData, field, "rawData")
                checkURI(metadata.dataProcessingMethod, field, "dataProcessingMethod")
                checkURI(metadata.bizRules, field, "bizRules")
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
        checkURI(report.deviceID, base, "deviceID")
        checkURI(report.deviceMetadata, base, "deviceMetadata")
        checkURI(report.rawData, base, "rawData")
        checkURI(report.dataProcessingMethod, base, "dataProcessingMethod")
        checkURI(report.bizRules, base, "bizRules")
        checkURI(report.microorganism, base, "microorganism")
        checkURI(report.chemicalSubstance, base, "chemicalSubstance")
        checkURI(report.coordinateReferenceSystem, base, "coordinateReferenceSystem")
        checkURI(report.uriValue, base, "uriValue")
        checkNumber(report.value, base, "value")
        checkNumber(report.minValue, base, "minValue")
        checkNumber(report.maxValue, base, "maxValue")
        checkNumber(report.meanValue, base, "meanValue")
        checkNumber(report.sDev, base, "sDev")
        checkNumber(report.percRank, base, "percRank")
        checkNumber(report.percValue, base, "percValue")
        if let hex = report.hexBinaryValue,
            hex.isEmpty || !hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || (($0 | 0x20) >= 97 && ($0 | 0x20) <= 102) })
        {
            problems.append(.type(at(base + ".hexBinaryValue"), "hexBinaryValue '\(hex)' is not hexadecimal"))
        }
        checkExtensionNames(report.extensions, base)
    }

    /// A URI-valued field of a sensor structure, when present.
    private mutating func checkURI(_ value: String?, _ base: String, _ name: String) {
        if let value { checkURI(value, base + "." + name) }
    }

    /// A numeric field of a sensor report, when present: its text must be a number, unless
    /// reading it already reported the field.
    private mutating func checkNumber(_ number: EPCISNumber?, _ base: String, _ name: String) {
        guard let number, number.value == nil else { return }
        let path = at(base + "." + name)
        if !problems.contains(where: { $0.path == path }) {
            problems.append(.type(path, "\(name) '\(number.text)' is not a number"))
        }
    }

    /// Event-level extensions and ILMD: every field needs a namespace.
    mutating func checkExtensions() {
        checkExtensionNames(event.extensions, "")
        if let ilmd = event.ilmd { checkExtensionNames(ilmd, "ilmd", what: "an ILMD field") }
    }

    /// Reports extension fields without a namespace, or with a prefix the context does not declare.
    mutating func checkExtensionNames(_ fields: [EPCISExtension], _ base: String, what: String = "an extension field") {
        guard !fields.isEmpty else { return }
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
