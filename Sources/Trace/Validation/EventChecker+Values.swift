extension EventChecker {
    /// Vocabulary values, identifiers, quantities and lists.
    mutating func checkValues() {
        if let bizStep = event.bizStep { checkVocabulary(bizStep, .bizStep, "bizStep") }
        if let disposition = event.disposition { checkVocabulary(disposition, .disposition, "disposition") }
        if let persistent = event.persistentDisposition {
            if persistent.set.isEmpty && persistent.unset.isEmpty {
                problems.append(
                    .required(at("persistentDisposition"), "persistentDisposition needs a non-empty set or unset"))
            }
            for (name, values) in [("set", persistent.set), ("unset", persistent.unset)] {
                for (index, value) in values.enumerated() {
                    checkVocabulary(value, .disposition, "persistentDisposition.\(name)[\(index)]")
                }
                if Set(values).count != values.count {
                    problems.append(
                        .invalid(
                            at("persistentDisposition.\(name)"),
                            "persistentDisposition.\(name) lists a disposition twice"))
                }
            }
        }
        checkIdentifiers(event.epcList, "epcList", unique: true)
        checkIdentifiers(event.childEPCs, "childEPCs", unique: false)
        checkIdentifiers(event.inputEPCList, "inputEPCList", unique: true)
        checkIdentifiers(event.outputEPCList, "outputEPCList", unique: true)
        if let parent = event.parentID { checkIdentifier(parent, "parentID") }
        for (name, list) in [
            ("quantityList", event.quantityList), ("childQuantityList", event.childQuantityList),
            ("inputQuantityList", event.inputQuantityList), ("outputQuantityList", event.outputQuantityList),
        ] {
            for (index, element) in (list ?? []).enumerated() { checkQuantity(element, "\(name)[\(index)]") }
        }
        if let transformationID = event.transformationID { checkURI(transformationID, "transformationID") }
        for (name, location) in [("readPoint", event.readPoint), ("bizLocation", event.bizLocation)] {
            guard let location else { continue }
            if let id = location.id {
                checkIdentifier(id, name + ".id")
            } else {
                problems.append(.required(at(name + ".id"), "\(name).id is required"))
            }
            checkExtensionNames(location.extensions, name)
        }
        for (index, transaction) in (event.bizTransactionList ?? []).enumerated() {
            let base = "bizTransactionList[\(index)]"
            if let type = transaction.type { checkVocabulary(type, .bizTransactionType, base + ".type") }
            if transaction.id.isEmpty {
                problems.append(
                    .required(at(base + ".bizTransaction"), "bizTransaction (the transaction identifier) is required"))
            } else {
                checkIdentifier(EPCISIdentifier(transaction.id), base + ".bizTransaction")
            }
        }
        for (name, role, list) in [
            ("sourceList", "source", event.sourceList), ("destinationList", "destination", event.destinationList),
        ] {
            for (index, entry) in (list ?? []).enumerated() {
                let base = "\(name)[\(index)]"
                if let type = entry.type {
                    checkVocabulary(type, .sourceDestinationType, base + ".type")
                } else {
                    problems.append(.required(at(base + ".type"), "\(role) type is required"))
                }
                if entry.id.text.isEmpty {
                    problems.append(.required(at(base + "." + role), "the \(role) identifier is required"))
                } else {
                    checkIdentifier(entry.id, base + "." + role)
                }
            }
        }
    }

    private mutating func checkIdentifiers(_ list: [EPCISIdentifier]?, _ name: String, unique: Bool) {
        guard let list else { return }
        var seen = Set<String>()
        for (index, identifier) in list.enumerated() {
            checkIdentifier(identifier, "\(name)[\(index)]")
            if identifier.text.hasPrefix("urn:epc:class:") || identifier.text.hasPrefix("urn:epc:idpat:") {
                problems.append(
                    .identifier(
                        at("\(name)[\(index)]"),
                        "'\(identifier.text)' names a class, not one object; use quantityList for classes"))
            }
            if unique && !seen.insert(identifier.canonical).inserted {
                let twice = EPCISProblem.invalid(
                    at("\(name)[\(index)]"), "'\(identifier.text)' (\(identifier.canonical)) appears twice in \(name)")
                if list[..<index].contains(where: { $0.text == identifier.text }) {
                    problems.append(twice)
                } else {
                    doubt(twice)
                }
            }
        }
    }

    private mutating func checkQuantity(_ element: QuantityElement, _ base: String) {
        if let epcClass = element.epcClass {
            checkIdentifier(epcClass, base + ".epcClass")
            if epcClass.text.hasPrefix("urn:epc:id:") {
                problems.append(
                    .identifier(
                        at(base + ".epcClass"),
                        "'\(epcClass.text)' names one object, not a class; epcClass needs a class identifier"))
            }
        } else {
            problems.append(.required(at(base + ".epcClass"), "epcClass is required in a quantity element"))
        }
        if let quantity = element.quantity, quantity.value == nil,
            !problems.contains(where: { $0.path == at(base + ".quantity") })
        {
            problems.append(.type(at(base + ".quantity"), "quantity '\(quantity.text)' is not a decimal number"))
        }
        if let uom = element.uom {
            if !Self.isUnitCode(uom) {
                problems.append(
                    .invalid(
                        at(base + ".uom"),
                        "uom '\(uom)' is not a UN/ECE Recommendation 20 code (2–3 upper-case letters or digits)"))
            }
            if element.quantity == nil {
                problems.append(.invalid(at(base + ".uom"), "uom is given without a quantity"))
            }
        }
    }

    /// Whether `text` matches `^[A-Z0-9]{2,3}$`.
    static func isUnitCode(_ text: String) -> Bool {
        (2...3).contains(text.utf8.count) && text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    /// An identifier: its syntax and check digits (EPC URN or Digital Link), or an absolute URI.
    ///
    /// A Digital Link that fails GS1 checks is doubtful rather than wrong: it is still a URI.
    mutating func checkIdentifier(_ identifier: EPCISIdentifier, _ field: String) {
        guard let problem = identifier.problem else { return }
        if identifier.text.lowercased().hasPrefix("http") {
            doubt(
                .identifier(
                    at(field),
                    "'\(identifier.text)' is not a valid GS1 Digital Link (\(problem)); it is kept as a plain URI"))
        } else {
            problems.append(.identifier(at(field), problem))
        }
    }

    /// A URI-valued field, checked as an identifier (a Digital Link in it must be valid).
    mutating func checkURI(_ value: String, _ field: String) {
        checkIdentifier(EPCISIdentifier(value), field)
    }

    /// A value of a standard vocabulary: a known term in short, Web URI or (XML) URN form, or
    /// an absolute URI of user vocabulary. Short names that are not terms are rejected.
    mutating func checkVocabulary(_ value: String, _ vocabulary: CBVVocabulary, _ field: String) {
        if let term = vocabulary.claimedTerm(value) {
            if !vocabulary.terms.contains(term) {
                problems.append(.vocabulary(at(field), "'\(term)' is not a \(vocabulary.noun) (in '\(value)')"))
            }
            return
        }
        if value.hasPrefix("urn:epcglobal:cbv:") {
            problems.append(
                .vocabulary(at(field), "'\(value)' is a CBV URN of another vocabulary, not a \(vocabulary.noun)"))
        } else if !EPCISIdentifier.isAbsoluteURI(value) {
            let problem = EPCISProblem.vocabulary(
                at(field),
                "'\(value)' is not a \(vocabulary.noun); use a standard name or an absolute URI for user vocabulary")
            // GS1 Web Vocabulary grows apart from the EPCIS context's list of short names.
            if vocabulary.webPrefix == CBVVocabulary.measurementType.webPrefix {
                doubt(problem)
            } else {
                problems.append(problem)
            }
        } else if let problem = EPCISIdentifier(value).problem {
            problems.append(.identifier(at(field), problem))
        }
    }
}
