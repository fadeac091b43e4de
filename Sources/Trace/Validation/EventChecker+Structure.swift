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

    /// The fields whose presence depends on the type, in the order problems name them.
    static let typeSpecificFields: [(name: String, isPresent: @Sendable (EPCISEvent) -> Bool)] = [
        ("action", { $0.action != nil }), ("epcList", { $0.epcList != nil }),
        ("quantityList", { $0.quantityList != nil }), ("parentID", { $0.parentID != nil }),
        ("childEPCs", { $0.childEPCs != nil }), ("childQuantityList", { $0.childQuantityList != nil }),
        ("inputEPCList", { $0.inputEPCList != nil }), ("inputQuantityList", { $0.inputQuantityList != nil }),
        ("outputEPCList", { $0.outputEPCList != nil }), ("outputQuantityList", { $0.outputQuantityList != nil }),
        ("transformationID", { $0.transformationID != nil }), ("bizStep", { $0.bizStep != nil }),
        ("disposition", { $0.disposition != nil }), ("persistentDisposition", { $0.persistentDisposition != nil }),
        ("readPoint", { $0.readPoint != nil }), ("bizLocation", { $0.bizLocation != nil }),
        ("bizTransactionList", { $0.bizTransactionList != nil }), ("sourceList", { $0.sourceList != nil }),
        ("destinationList", { $0.destinationList != nil }), ("sensorElementList", { $0.sensorElementList != nil }),
        ("ilmd", { $0.ilmd != nil }),
    ]

    /// For each standard type, the type-specific fields it does not have, in the order problems name them.
    static let disallowedFields: [EPCISEventType: [(name: String, isPresent: @Sendable (EPCISEvent) -> Bool)]] =
        allowedFields.mapValues { allowed in typeSpecificFields.filter { !allowed.contains($0.name) } }

    /// Reports fields the event's type does not have.
    mutating func checkFieldsAllowedForType() {
        guard let disallowed = Self.disallowedFields[event.type] else { return }
        for field in disallowed where field.isPresent(event) {
            problems.append(.unknownField(at(field.name), "\(field.name) is not a field of \(event.type.rawValue)"))
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
