public import QualityCore

/// A recall as submitted to open it, checked before anything is stored. Names of hazards and
/// remedies arrive as text, so that a wrong one is reported with the allowed names.
public struct RecallDraft: Sendable, Hashable, Codable {
    /// The product's GTIN.
    public var gtin: String
    /// The lot.
    public var lot: String
    /// The first serial of a recalled range (with `serialTo`), if not the whole lot.
    public var serialFrom: String?
    /// The last serial of the range.
    public var serialTo: String?
    /// Why: the defect.
    public var reason: String
    /// A `HazardClass` name.
    public var hazard: String
    /// `Remedy` names, at least one.
    public var remedies: [String]
    /// The regulator's reference, if already known.
    public var regulatorReference: String?
    /// The day the defect was confirmed, `YYYY-MM-DD`.
    public var defectConfirmedOn: String
    /// The units the recall reaches at each level.
    public var affected: UnitCounts

    enum CodingKeys: String, CodingKey {
        case gtin, lot, reason, hazard, remedies, affected
        case serialFrom = "serial_from"
        case serialTo = "serial_to"
        case regulatorReference = "regulator_reference"
        case defectConfirmedOn = "defect_confirmed_on"
    }

    /// Creates a draft.
    public init(
        gtin: String, lot: String, serialFrom: String? = nil, serialTo: String? = nil, reason: String, hazard: String,
        remedies: [String], regulatorReference: String? = nil, defectConfirmedOn: String, affected: UnitCounts
    ) {
        self.gtin = gtin
        self.lot = lot
        self.serialFrom = serialFrom
        self.serialTo = serialTo
        self.reason = reason
        self.hazard = hazard
        self.remedies = remedies
        self.regulatorReference = regulatorReference
        self.defectConfirmedOn = defectConfirmedOn
        self.affected = affected
    }

    /// The draft's values, checked.
    public struct Checked: Sendable, Hashable {
        /// What is recalled.
        public var scope: RecallRecord.Scope
        /// Why.
        public var reason: String
        /// The kind of danger.
        public var hazard: HazardClass
        /// The remedies, without repeats, in declaration order.
        public var remedies: [Remedy]
        /// The regulator's reference.
        public var regulatorReference: String?
        /// The day the defect was confirmed.
        public var defectConfirmedOn: CalendarDay
        /// The units reached at each level.
        public var affected: UnitCounts
    }

    /// Checks every field on its own: identifiers, names, texts, the day (not after `today`) and
    /// the counts. Checks against stored data (the batch exists, its quantity) are the service's.
    public func validated(today: CalendarDay) throws(QualityError) -> Checked {
        let gtin = try GTIN(checking: gtin)
        try LotNumber.check(lot)
        let range: (String, String)?
        switch (serialFrom.flatMap { $0.isEmpty ? nil : $0 }, serialTo.flatMap { $0.isEmpty ? nil : $0 }) {
        case (nil, nil):
            range = nil
        case (let from?, let to?):
            try GS1Value.check(from, ai: "21")
            try GS1Value.check(to, ai: "21")
            guard from.utf8.lexicographicallyPrecedes(to.utf8) || from == to else {
                throw .invalid("bad_serial_range", "serial_from '\(from)' comes after serial_to '\(to)'")
            }
            range = (from, to)
        default:
            throw .invalid("bad_serial_range", "a serial range names both serial_from and serial_to")
        }
        let reason = reason.trimmingSpaces
        guard !reason.isEmpty, reason.count <= 1_000 else {
            throw .invalid("missing_reason", "a recall states its reason (the defect) in 1 to 1000 characters")
        }
        let hazard = try HazardClass(parsing: hazard)
        var remedies: [Remedy] = []
        for name in self.remedies {
            let remedy = try Remedy(parsing: name)
            if !remedies.contains(remedy) { remedies.append(remedy) }
        }
        guard !remedies.isEmpty else {
            throw .invalid("remedy_required", "a recall offers at least one remedy: refund, repair or replace")
        }
        let reference = try RecallDraft.reference(regulatorReference)
        let confirmed = try CalendarDay(defectConfirmedOn)
        guard confirmed <= today else {
            throw .invalid("bad_date", "the defect cannot be confirmed on \(confirmed), after today (\(today))")
        }
        try RecallDraft.check(affected)
        return Checked(
            scope: RecallRecord.Scope(gtin: gtin, lot: lot, serialFrom: range?.0, serialTo: range?.1),
            reason: reason, hazard: hazard, remedies: remedies.sorted(), regulatorReference: reference,
            defectConfirmedOn: confirmed, affected: affected)
    }

    /// A regulator reference: trimmed, one line, at most 100 characters; empty is none.
    static func reference(_ text: String?) throws(QualityError) -> String? {
        guard let text = text?.trimmingSpaces, !text.isEmpty else { return nil }
        guard text.count <= 100, text.isSingleLine else {
            throw .invalid("bad_reference", "a regulator reference is one line of at most 100 characters")
        }
        return text
    }

    /// Affected counts: none negative, at least one unit, at most a billion in all.
    static func check(_ affected: UnitCounts) throws(QualityError) {
        guard SupplyLevel.allCases.allSatisfy({ (0...1_000_000_000).contains(affected[$0]) }),
            (1...1_000_000_000).contains(affected.total)
        else {
            throw .invalid(
                "bad_affected_units",
                "affected units are counts from 0 per level, at least 1 and at most 1000000000 in all")
        }
    }
}
