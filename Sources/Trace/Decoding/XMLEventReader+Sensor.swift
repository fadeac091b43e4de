import Foundation

extension XMLEventReader {
    /// A `sensorElement`: `sensorMetadata` and `sensorReport` carry their fields as attributes.
    mutating func sensorElement(_ element: XMLTree, _ path: String) -> SensorElement {
        var result = SensorElement(reports: [])
        for child in element.unwrappedChildren {
            switch (child.namespace, child.localName) {
            case (nil, "sensorMetadata"): result.metadata = sensorMetadata(child)
            case (nil, "sensorReport"): result.reports.append(sensorReport(child, path))
            default: result.extensions.append(Self.extensionField(child))
            }
        }
        return result
    }

    private func sensorMetadata(_ element: XMLTree) -> SensorMetadata {
        var metadata = SensorMetadata()
        for (name, value) in element.attributes {
            guard name.namespace == nil else {
                metadata.extensions.append(EPCISExtension(name: name, value: .text(value), isXMLAttribute: true))
                continue
            }
            switch name.localName {
            case "time": metadata.time = EPCISTimestamp(value)
            case "startTime": metadata.startTime = EPCISTimestamp(value)
            case "endTime": metadata.endTime = EPCISTimestamp(value)
            case "deviceID": metadata.deviceID = uri(value)
            case "deviceMetadata": metadata.deviceMetadata = uri(value)
            case "rawData": metadata.rawData = uri(value)
            case "dataProcessingMethod": metadata.dataProcessingMethod = uri(value)
            case "bizRules": metadata.bizRules = uri(value)
            default: metadata.extensions.append(EPCISExtension(name: name, value: .text(value), isXMLAttribute: true))
            }
        }
        metadata.extensions += element.unwrappedChildren.map(Self.extensionField)
        return metadata
    }

    private mutating func sensorReport(_ element: XMLTree, _ path: String) -> SensorReport {
        var report = SensorReport()
        for (name, value) in element.attributes {
            guard name.namespace == nil else {
                report.extensions.append(EPCISExtension(name: name, value: .text(value), isXMLAttribute: true))
                continue
            }
            switch name.localName {
            case "type": report.type = vocabulary(value, .measurementType)
            case "exception": report.exception = vocabulary(value, .sensorAlertType)
            case "component": report.component = vocabulary(value, .component)
            case "deviceID": report.deviceID = uri(value)
            case "deviceMetadata": report.deviceMetadata = uri(value)
            case "rawData": report.rawData = uri(value)
            case "dataProcessingMethod": report.dataProcessingMethod = uri(value)
            case "bizRules": report.bizRules = uri(value)
            case "microorganism": report.microorganism = uri(value)
            case "chemicalSubstance": report.chemicalSubstance = uri(value)
            case "coordinateReferenceSystem": report.coordinateReferenceSystem = uri(value)
            case "uriValue": report.uriValue = uri(value)
            case "time": report.time = EPCISTimestamp(value)
            case "stringValue": report.stringValue = value
            case "hexBinaryValue": report.hexBinaryValue = value
            case "uom": report.uom = value
            case "booleanValue":
                switch value.trimmingCharacters(in: .whitespaces) {
                case "true", "1": report.booleanValue = true
                case "false", "0": report.booleanValue = false
                default:
                    problems.append(
                        .type("\(path).sensorReport.booleanValue", "booleanValue '\(value)' is not true or false"))
                }
            case "value": report.value = EPCISNumber(value)
            case "minValue": report.minValue = EPCISNumber(value)
            case "maxValue": report.maxValue = EPCISNumber(value)
            case "meanValue": report.meanValue = EPCISNumber(value)
            case "sDev": report.sDev = EPCISNumber(value)
            case "percRank": report.percRank = EPCISNumber(value)
            case "percValue": report.percValue = EPCISNumber(value)
            default: report.extensions.append(EPCISExtension(name: name, value: .text(value), isXMLAttribute: true))
            }
        }
        report.extensions += element.unwrappedChildren.map(Self.extensionField)
        return report
    }
}
