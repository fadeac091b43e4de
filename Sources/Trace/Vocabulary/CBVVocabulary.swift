/// One standard vocabulary used in EPCIS events: a CBV 2.0 vocabulary (business steps,
/// dispositions, …) or a GS1 Web Vocabulary list (sensor measurement types and alerts).
///
/// A value may be written as a short name (`shipping`, JSON only), as a Web URI
/// (`https://ref.gs1.org/cbv/BizStep-shipping`), as a legacy URN
/// (`urn:epcglobal:cbv:bizstep:shipping`, XML only) or, for user vocabulary, as any other
/// absolute URI.
public struct CBVVocabulary: Sendable, Hashable {
    /// What a term of this vocabulary is called in messages, e.g. `business step`.
    public let noun: String
    /// The Web URI prefix of the terms, e.g. `https://ref.gs1.org/cbv/BizStep-`.
    public let webPrefix: String
    /// The legacy URN prefix, e.g. `urn:epcglobal:cbv:bizstep:`, or `nil` when there is none.
    public let urnPrefix: String?
    /// The terms.
    public let terms: Set<String>
    /// The terms' Web URIs, for checking a value in one look-up.
    let webURIs: Set<String>

    /// A vocabulary of terms under a Web URI prefix (and a legacy URN prefix, if any).
    init(noun: String, webPrefix: String, urnPrefix: String?, terms: Set<String>) {
        self.noun = noun
        self.webPrefix = webPrefix
        self.urnPrefix = urnPrefix
        self.terms = terms
        webURIs = Set(terms.map { webPrefix + $0 })
    }

    /// The Web URI of a short name, or `nil` when the name is not a term.
    public func uri(ofShortName name: String) -> String? {
        terms.contains(name) ? webPrefix + name : nil
    }

    /// The Web URI for a legacy URN of this vocabulary, or `nil` when `value` is not one.
    public func webURI(ofURN value: String) -> String? {
        guard let urnPrefix, value.hasPrefix(urnPrefix) else { return nil }
        return webPrefix + value.dropFirst(urnPrefix.count)
    }

    /// The term named by a Web URI or legacy URN of this vocabulary (known or not), or `nil`
    /// when `value` uses neither prefix.
    public func claimedTerm(_ value: String) -> String? {
        if value.hasPrefix(webPrefix) { return String(value.dropFirst(webPrefix.count)) }
        if let urnPrefix, value.hasPrefix(urnPrefix) { return String(value.dropFirst(urnPrefix.count)) }
        return nil
    }

    /// CBV 2.0 business steps.
    public static let bizStep = CBVVocabulary(
        noun: "CBV business step", webPrefix: "https://ref.gs1.org/cbv/BizStep-",
        urnPrefix: "urn:epcglobal:cbv:bizstep:",
        terms: [
            "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
            "creating_class_instance",
            "cycle_counting", "decommissioning", "departing", "destroying", "disassembling", "dispensing", "encoding",
            "entering_exiting", "holding", "inspecting", "installing", "killing", "loading", "other", "packing",
            "picking",
            "receiving", "removing", "repackaging", "repairing", "replacing", "reserving", "retail_selling", "shipping",
            "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
            "void_shipping",
            "sensor_reporting", "sampling",
        ])

    /// CBV 2.0 dispositions.
    public static let disposition = CBVVocabulary(
        noun: "CBV disposition", webPrefix: "https://ref.gs1.org/cbv/Disp-", urnPrefix: "urn:epcglobal:cbv:disp:",
        terms: [
            "active", "container_closed", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired",
            "in_progress",
            "in_transit", "inactive", "no_pedigree_match", "non_sellable_other", "partially_dispensed", "recalled",
            "reserved",
            "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen", "unknown",
            "available",
            "completeness_verified", "completeness_inferred", "conformant", "container_open", "mismatch_instance",
            "mismatch_class", "mismatch_quantity", "needs_replacement", "non_conformant", "unavailable",
        ])

    /// CBV 2.0 business transaction types.
    public static let bizTransactionType = CBVVocabulary(
        noun: "CBV business transaction type", webPrefix: "https://ref.gs1.org/cbv/BTT-",
        urnPrefix: "urn:epcglobal:cbv:btt:",
        terms: [
            "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd", "testres",
            "upevt",
        ])

    /// CBV 2.0 source/destination types.
    public static let sourceDestinationType = CBVVocabulary(
        noun: "CBV source/destination type", webPrefix: "https://ref.gs1.org/cbv/SDT-",
        urnPrefix: "urn:epcglobal:cbv:sdt:",
        terms: ["owning_party", "possessing_party", "location"])

    /// CBV 2.0 error reasons.
    public static let errorReason = CBVVocabulary(
        noun: "CBV error reason", webPrefix: "https://ref.gs1.org/cbv/ER-", urnPrefix: "urn:epcglobal:cbv:er:",
        terms: ["did_not_occur", "incorrect_data"])

    /// CBV 2.0 sensor report components.
    public static let component = CBVVocabulary(
        noun: "CBV component", webPrefix: "https://ref.gs1.org/cbv/Comp-", urnPrefix: nil,
        terms: [
            "x", "y", "z", "axial_distance", "azimuth", "height", "spherical_radius", "polar_angle", "elevation_angle",
            "easting",
            "northing", "latitude", "longitude", "altitude",
        ])

    /// GS1 Web Vocabulary measurement types for sensor reports.
    public static let measurementType = CBVVocabulary(
        noun: "GS1 measurement type", webPrefix: "https://gs1.org/voc/", urnPrefix: nil,
        terms: [
            "AbsoluteHumidity", "AbsorbedDose", "AbsorbedDoseRate", "Acceleration", "Radioactivity", "Altitude",
            "AmountOfSubstance", "AmountOfSubstancePerUnitVolume", "Angle", "AngularAcceleration", "AngularMomentum",
            "AngularVelocity", "Area", "Capacitance", "Conductance", "Conductivity", "Count", "Density",
            "Dimensionless",
            "DoseEquivalent", "DoseEquivalentRate", "DynamicViscosity", "ElectricCharge", "ElectricCurrent",
            "ElectricCurrentDensity", "ElectricFieldStrength", "Energy", "Exposure", "Force", "Frequency",
            "Illuminance",
            "Inductance", "Irradiance", "KinematicViscosity", "Length", "LinearMomentum", "Luminance", "LuminousFlux",
            "LuminousIntensity", "MagneticFlux", "MagneticFluxDensity", "MagneticVectorPotential", "Mass",
            "MassConcentration",
            "MassFlowRate", "MassPerAreaTime", "MemoryCapacity", "MolalityOfSolute", "MolarEnergy", "MolarMass",
            "MolarVolume",
            "Power", "Pressure", "RadiantFlux", "RadiantIntensity", "RelativeHumidity", "Resistance", "Resistivity",
            "SolidAngle",
            "SpecificVolume", "Speed", "SurfaceDensity", "SurfaceTension", "Temperature", "Time", "Torque", "Voltage",
            "Volume",
            "VolumeFlowRate", "VolumeFraction", "VolumetricFlux", "Wavenumber",
        ])

    /// GS1 Web Vocabulary sensor alert types.
    public static let sensorAlertType = CBVVocabulary(
        noun: "GS1 sensor alert type", webPrefix: "https://gs1.org/voc/", urnPrefix: nil,
        terms: ["ALARM_CONDITION", "ERROR_CONDITION"])
}
