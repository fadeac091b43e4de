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
            checkDispositions(persistent.set, "set")
            checkDispositions(persistent.unset, "unset")
        }
        checkIdentifiers(event.epcList, "epcList", unique: true)
        checkIdentifiers(event.childEPCs, "childEPCs", unique: false)
        checkIdentifiers(event.inputEPCList, "inputEPCList", unique: true)
        checkIdentifiers(event.outputEPCList, "outputEPCList", unique: true)
        if let parent = event.parentID { checkIdentifier(parent, "parentID") }
        checkQuantities(event.quantityList, "quantityList")
        checkQuantities(event.childQuantityList, "childQuantityList")
        checkQuantities(event.inputQuantityList, "inputQuantityList")
        checkQuantities(event.outputQuantityList, "outputQuantityList")
        if let transformationID = event.transformationID { checkURI(transformationID, "transformationID") }
        checkLocation(event.readPoint, "readPoint")
        checkLocation(event.bizLocation, "bizLocation")
        for (index, transaction) in (event.bizTransactionList ?? []).enumerated() {
            if let type = transaction.type {
                checkVocabulary(type, .bizTransactionType, "bizTransactionList[\(index)].type")
            }
            if transaction.id.isEmpty {
                problems.append(
                    .required(
                        at("bizTransactionList[\(index)].bizTransaction"),
                        "bizTransaction (the transaction identifier) is required"))
            } else if let problem = EPCISIdentifier.problem(of: transaction.id) {
                report(problem, text: transaction.id, "bizTransactionList[\(index)].bizTransaction")
            }
        }
        checkParties(event.sourceList, "sourceList", role: "source")
        checkParties(event.destinationList, "destinationList", role: "destination")
    }

    private mutating func checkDispositions(_ values: [String], _ name: String) {
        for (index, value) in values.enumerated() {
            checkVocabulary(value, .disposition, "persistentDisposition.\(name)[\(index)]")
        }
        if Set(values).count != values.count {
            problems.append(
                .invalid(at("persistentDisposition.\(name)"), "persistentDisposition.\(name) lists a disposition twice"))
        }
    }

    private mutating func checkQuantities(_ list: [QuantityElement]?, _ name: String) {
        for (index, element) in (list ?? []).enumerated() { checkQuantity(element, "\(name)[\(index)]") }
    }

    private mutating func checkLocation(_ location: EPCISLocation?, _ name: String) {
        guard let location else { return }
        if let id = location.id {
            checkIdentifier(id, name + ".id")
        } else {
            problems.append(.required(at(name + ".id"), "\(name).id is required"))
        }
        if !location.extensions.isEmpty { checkExtensionNames(location.extensions, name) }
    }

    private mutating func checkParties(_ list: [SourceDestination]?, _ name: String, role: String) {
        for (index, entry) in (list ?? []).enumerated() {
            if let type = entry.type {
                checkVocabulary(type, .sourceDestinationType, "\(name)[\(index)].type")
            } else {
                problems.append(.required(at("\(name)[\(index)].type"), "\(role) type is required"))
            }
            if entry.id.text.isEmpty {
                problems.append(.required(at("\(name)[\(index)].\(role)"), "the \(role) identifier is required"))
            } else if entry.id.problem != nil {
                checkIdentifier(entry.id, "\(name)[\(index)].\(role)")
            }
        }
    }

    private mutating func checkIdentifiers(_ list: [EPCISIdentifier]?, _ name: String, unique: Bool) {
        guard let list else { return }
        for (index, identifier) in list.enumerated() {
            if identifier.problem != nil { checkIdentifier(identifier, "\(name)[\(index)]") }
            if EPCISIdentifier.starts(identifier.text, with: "urn:epc:class:")
                || EPCISIdentifier.starts(identifier.text, with: "urn:epc:idpat:")
            {
                problems.append(
                    .identifier(
                        at("\(name)[\(index)]"),
                        "'\(identifier.text)' names a class, not one object; use quantityList for classes"))
            }
            // Lists are short: looking back costs less than a set.
            if unique, list[..<index].contains(where: { $0.canonical == identifier.canonical }) {
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
        report(problem, text: identifier.text, field)
    }

    /// Reports an identifier's problem: a doubt for a URI that fails only GS1 checks, else an error.
    mutating func report(_ problem: String, text: String, _ field: String) {
        if text.lowercased().hasPrefix("http") {
            doubt(
                .identifier(
                    at(field), "'\(text)' is not a valid GS1 Digital Link (\(problem)); it is kept as a plain URI"))
        } else {
            problems.append(.identifier(at(field), problem))
        }
    }

    /// A URI-valued field, checked as an identifier (a Digital Link in it must be valid).
    mutating func checkURI(_ value: String, _ field: String) {
        if let problem = EPCISIdentifier.problem(of: value) { report(problem, text: value, field) }
    }

    /// A value of a standard vocabulary: a known term in short, Web URI or (XML) URN form, or
    /// an absolute URI of user vocabulary. Short names that are not terms are rejected.
    mutating func checkVocabulary(_ value: String, _ vocabulary: CBVVocabulary, _ field: String) {
        if vocabulary.webURIs.contains(value) { return }
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
        } else if let problem = EPCISIdentifier.problem(of: value) {
            problems.append(.identifier(at(field), problem))
        }
    }
}
