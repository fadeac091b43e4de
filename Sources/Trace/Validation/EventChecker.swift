/// The checks of one event, accumulating problems.
struct EventChecker {
    /// The event.
    let event: EPCISEvent
    /// Its path.
    let path: String
    /// The syntax it came from (JSON forbids legacy CBV URNs).
    let format: EPCISDocument.Format
    /// Whether doubtful data is an error rather than a warning.
    let strict: Bool
    /// Problems found so far.
    var problems: [EPCISProblem] = []

    /// Creates a checker.
    init(event: EPCISEvent, path: String, format: EPCISDocument.Format, strict: Bool) {
        self.event = event
        self.path = path
        self.format = format
        self.strict = strict
    }

    /// Records a finding that is a warning unless the check is strict.
    mutating func doubt(_ problem: EPCISProblem) {
        problems.append(strict ? problem : problem.asWarning)
    }

    /// `path.field`.
    func at(_ field: String) -> String { JSONEventReader.join(path, field) }

    /// Runs every check.
    mutating func check() {
        checkType()
        checkCommonFields()
        checkFieldsAllowedForType()
        checkTypeRequirements()
        checkValues()
        checkSensors()
        checkExtensions()
    }

    private mutating func checkType() {
        let type = event.type.rawValue
        if type.isEmpty {
            problems.append(
                .required(
                    at("type"),
                    "type is required: ObjectEvent, AggregationEvent, TransformationEvent, TransactionEvent or AssociationEvent"
                ))
        } else if !event.type.isStandard && !EPCISIdentifier.isAbsoluteURI(type) {
            problems.append(
                .vocabulary(at("type"), "'\(type)' is not an EPCIS event type; extended event types must be URIs"))
        }
    }

    private mutating func checkCommonFields() {
        checkTime(event.eventTime, "eventTime", required: true)
        checkTime(event.recordTime, "recordTime", required: false)
        if let offset = event.eventTimeZoneOffset {
            if !Self.isTimeZoneOffset(offset) {
                problems.append(
                    .time(
                        at("eventTimeZoneOffset"),
                        "eventTimeZoneOffset '\(offset)' is not an offset from -14:00 to +14:00 written ±hh:mm"))
            }
        } else {
            problems.append(.required(at("eventTimeZoneOffset"), "eventTimeZoneOffset is required"))
        }
        if let eventID = event.eventID { checkURI(eventID, "eventID") }
        for (index, certificate) in event.certificationInfo.enumerated() {
            checkURI(
                certificate, event.certificationInfo.count == 1 ? "certificationInfo" : "certificationInfo[\(index)]")
        }
        if let action = event.action, !action.isStandard {
            problems.append(.vocabulary(at("action"), "action '\(action.rawValue)' is not ADD, OBSERVE or DELETE"))
        }
        if let declaration = event.errorDeclaration {
            let base = "errorDeclaration"
            if let time = declaration.declarationTime {
                if !time.isValid {
                    problems.append(
                        .time(
                            at(base + ".declarationTime"), JSONDocumentReader.timeReason("declarationTime", time.text)))
                }
            } else {
                problems.append(
                    .required(at(base + ".declarationTime"), "errorDeclaration.declarationTime is required"))
            }
            if let reason = declaration.reason { checkVocabulary(reason, .errorReason, base + ".reason") }
            for (index, id) in declaration.correctiveEventIDs.enumerated() {
                checkURI(id, base + ".correctiveEventIDs[\(index)]")
            }
            checkExtensionNames(declaration.extensions, base)
        }
    }

    /// A date-time field: present when required, and a valid `xsd:dateTimeStamp`.
    mutating func checkTime(_ stamp: EPCISTimestamp?, _ field: String, required: Bool) {
        guard let stamp else {
            if required { problems.append(.required(at(field), "\(field) is required")) }
            return
        }
        if !stamp.isValid { problems.append(.time(at(field), JSONDocumentReader.timeReason(field, stamp.text))) }
    }

    /// Whether `text` matches `^[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)$`.
    static func isTimeZoneOffset(_ text: String) -> Bool {
        var digits: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        for (offset, byte) in text.utf8.enumerated() {
            switch offset {
            case 0: guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else { return false }
            case 3: guard byte == UInt8(ascii: ":") else { return false }
            case 1, 2, 4, 5:
                guard byte >= 48 && byte <= 57 else { return false }
                switch offset {
                case 1: digits.0 = byte - 48
                case 2: digits.1 = byte - 48
                case 4: digits.2 = byte - 48
                default: digits.3 = byte - 48
                }
            default: return false
            }
        }
        guard text.utf8.count == 6 else { return false }
        let hours = Int(digits.0) * 10 + Int(digits.1)
        let minutes = Int(digits.2) * 10 + Int(digits.3)
        return minutes < 60 && (hours < 14 || (hours == 14 && minutes == 0))
    }
}
