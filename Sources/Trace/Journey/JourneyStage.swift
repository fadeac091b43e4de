/// A stage of a unit's way to the buyer, as the scan page names it: 产地 → 出厂 → 运输 → 上架 → 售出.
///
/// Events map to stages by their CBV business step, and a sale by its disposition:
///
/// | stage | business steps |
/// | --- | --- |
/// | origin 产地 | commissioning, creating_class_instance, encoding, assembling, packing, repackaging, inspecting, sampling |
/// | shipped 出厂 | shipping, departing, staging_outbound, loading, consigning |
/// | transit 运输 | transporting, arriving, receiving, accepting, unloading |
/// | shelved 上架 | stocking, storing; retail_selling whose disposition is still sellable |
/// | sold 售出 | retail_selling (a retail sale, in CBV's words), or any event with disposition retail_sold |
///
/// Other steps (holding, cycle counting, sensor reports, …) say nothing a buyer needs and are
/// left out of the journey; they stay in the trace.
public enum JourneyStage: String, Sendable, CaseIterable, Comparable {
    /// Where it was made.
    case origin
    /// It left the factory.
    case shipped
    /// On its way, or arrived at a warehouse or shop.
    case transit
    /// In stock or on the shelf.
    case shelved
    /// Sold to a buyer.
    case sold

    /// The stage's name in Chinese.
    public var chinese: String {
        switch self {
        case .origin: "产地"
        case .shipped: "出厂"
        case .transit: "运输"
        case .shelved: "上架"
        case .sold: "售出"
        }
    }

    /// The stage's name in English.
    public var english: String {
        switch self {
        case .origin: "Origin"
        case .shipped: "Shipped"
        case .transit: "In transit"
        case .shelved: "On the shelf"
        case .sold: "Sold"
        }
    }

    /// Stages in journey order.
    public static func < (lhs: JourneyStage, rhs: JourneyStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The stage of an event with a business step and disposition (full CBV URIs, legacy URNs
    /// or bare names), or `nil` for events the journey leaves out.
    public static func of(bizStep: String?, disposition: String?) -> JourneyStage? {
        let step = bizStep.map(shortName)
        let state = disposition.map(shortName)
        if state == "retail_sold" { return .sold }
        switch step {
        case "retail_selling":
            return ["sellable_accessible", "sellable_not_accessible"].contains(state) ? .shelved : .sold
        case "stocking", "storing": return .shelved
        case "transporting", "arriving", "receiving", "accepting", "unloading": return .transit
        case "shipping", "departing", "staging_outbound", "loading", "consigning": return .shipped
        case "commissioning", "creating_class_instance", "encoding", "assembling", "packing", "repackaging",
            "inspecting", "sampling":
            return .origin
        default: return nil
        }
    }

    /// What happened, in Chinese and English, for a business step the journey shows.
    public static func action(bizStep: String?) -> (chinese: String, english: String)? {
        guard let step = bizStep.map(shortName) else { return nil }
        return actions[step]
    }

    /// The words for each step.
    static let actions: [String: (chinese: String, english: String)] = [
        "commissioning": ("赋码", "Coded"), "creating_class_instance": ("生产", "Produced"),
        "encoding": ("赋码", "Coded"), "assembling": ("组装", "Assembled"), "packing": ("装箱", "Packed"),
        "repackaging": ("重新包装", "Repacked"), "inspecting": ("质检", "Inspected"), "sampling": ("抽检", "Sampled"),
        "shipping": ("发货", "Shipped"), "departing": ("离开", "Departed"), "staging_outbound": ("待发", "Staged"),
        "loading": ("装车", "Loaded"), "consigning": ("托运", "Consigned"), "transporting": ("运输中", "In transit"),
        "arriving": ("到达", "Arrived"), "receiving": ("收货", "Received"), "accepting": ("验收", "Accepted"),
        "unloading": ("卸货", "Unloaded"), "stocking": ("上架", "Stocked"), "storing": ("入库", "Stored"),
        "retail_selling": ("售出", "Sold"),
    ]

    /// `shipping` from `https://ref.gs1.org/cbv/BizStep-shipping`, `urn:epcglobal:cbv:bizstep:shipping`
    /// or `shipping`.
    static func shortName(_ value: String) -> String {
        for marker in ["https://ref.gs1.org/cbv/BizStep-", "https://ref.gs1.org/cbv/Disp-"]
        where value.hasPrefix(marker) {
            return String(value.dropFirst(marker.count))
        }
        if value.hasPrefix("urn:epcglobal:cbv:"), let colon = value.lastIndex(of: ":") {
            return String(value[value.index(after: colon)...])
        }
        return value
    }
}
