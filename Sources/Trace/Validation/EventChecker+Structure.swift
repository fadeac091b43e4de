extension EventChecker {
    /// The optional fields each standard type may carry beyond the common ones (EPCIS 2.0 JSON
    /// Schema `propertyNames`).
    static let allowedFields: [EPCISEventType: Set<String>] = {
        let shared: Set<String> = [
            "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
            "sourceList",
            "destinationList", "sensorElementList",
        ]
        return [
            .object: shared.union(["action", "epcList", "quantityList", "ilmd"]),
            .aggregation: shared.union(["action", "parentID", "childEPCs", "childQuantityList"]),
            .association: shared.union(["action", "parentID", "childEPCs", "childQuantityList"]),
            .transaction: shared.union(["action", "parentID", "epcList", "quantityList"]),
            .transformation: shared.union([
                "inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList", "transformationID", "ilmd",
            ]),
        ]
    }()

    /// The type-specific fields the event has.
    var presentFields: [String] {
        var fields: [String] = []
        func note(_ name: String, _ present: Bool) { if present { fields.append(name) } }
        note("action", event.action != nil)
        note("epcList", event.epcList != nil)
        note("quantityList", event.quantityList != nil)
        note("parentID", event.parentID != nil)
        note("childEPCs", event.childEPCs != nil)
        note("childQuantityList", event.childQuantityList != nil)
        note("inputEPCList", event.inputEPCList != nil)
        note("inputQuantityList", event.inputQuantityList != nil)
        note("outputEPCList", event.outputEPCList != nil)
        note("outputQuantityList", event.outputQuantityList != nil)
        note("transformationID", event.transformationID != nil)
        note("bizStep", event.bizStep != nil)
        note("disposition", event.disposition != nil)
        note("persistentDisposition", event.persistentDisposition != nil)
        note("readPoint", event.readPoint != nil)
        note("bizLocation", event.bizLocation != nil)
        note("bizTransactionList", event.bizTransactionList != nil)
        note("sourceList", event.sourceList != nil)
        note("destinationList", event.destinationList != nil)
        note("sensorElementList", event.sensorElementList != nil)
        note("ilmd", event.ilmd != nil)
        return fields
    }

    /// Reports fields the event's type does not have.
    mutating func checkFieldsAllowedForType() {
        guard let allowed = Self.allowedFields[event.type] else { return }
        for field in presentFields where !allowed.contains(field) {
            problems.append(.unknownField(at(field), "\(field) is not a field of \(event.type.rawValue)"))
        }
    }

    /// The required fields and the "at least one of" rules of each type.
    mutating func checkTypeRequirements() {
        let action = event.action
        func nonEmpty<T>(_ list: [T]?) -> Bool { !(list?.isEmpty ?? true) }
        if event.type != .transformation && event.type.isStandard && action == nil {
            problems.append(.required(at("action"), "action is required in \(event.type.rawValue)"))
        }
        switch event.type {
        case .object:
            let hasSensorObservation = nonEmpty(event.sensorElementList) && event.readPoint != nil
            if event.epcList == nil && !nonEmpty(event.quantityList) && !hasSensorObservation {
                problems.append(
                    .required(
                        at("epcList"),
                        "ObjectEvent needs epcList, a non-empty quantityList, or sensorElementList with a readPoint"))
            }
            if event.ilmd != nil, let action, action != .add {
                problems.append(.invalid(at("ilmd"), "ilmd is allowed only when action is ADD, not \(action.rawValue)"))
            }
        case .aggregation, .association:
            if !nonEmpty(event.childEPCs) && !nonEmpty(event.childQuantityList) && action != .delete {
                problems.append(
                    .required(
                        at("childEPCs"),
                        "\(event.type.rawValue) needs childEPCs or childQuantityList unless action is DELETE"))
            }
            if event.type == .association && event.parentID == nil {
                problems.append(.required(at("parentID"), "parentID is required in AssociationEvent"))
            }
        case .transaction:
            if !nonEmpty(event.bizTransactionList) {
                problems.append(
                    .required(at("bizTransactionList"), "TransactionEvent needs a non-empty bizTransactionList"))
            }
            if event.epcList == nil && !nonEmpty(event.quantityList) && action != .delete {
                problems.append(
                    .required(at("epcList"), "TransactionEvent needs epcList or quantityList unless action is DELETE"))
            }
        case .transformation:
            let hasInput = nonEmpty(event.inputEPCList) || nonEmpty(event.inputQuantityList)
            let hasOutput = nonEmpty(event.outputEPCList) || nonEmpty(event.outputQuantityList)
            if !(hasInput && hasOutput) && !((hasInput || hasOutput) && event.transformationID != nil) {
                problems.append(
                    .required(
                        at("inputEPCList"),
                        "TransformationEvent needs inputs and outputs, or inputs or outputs with a transformationID"))
            }
        default:
            break
        }
    }
}
