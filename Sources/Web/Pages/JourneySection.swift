import Foundation
import Trace

/// The scan page's timeline: the unit's journey in the page's language, each step with its
/// stage (产地 → 出厂 → 运输 → 上架 → 售出), what happened, when and where.
struct JourneySection {
    /// One step as shown.
    struct Step {
        /// The stage, for styling.
        let stage: String
        /// The stage's name.
        let label: String
        /// What happened there.
        let action: String
        /// When, China time, to the minute.
        let date: String
        /// Where, readable.
        let place: String
    }

    /// The heading.
    let title: String
    /// A line on where the timeline comes from.
    let explanation: String
    /// The steps, oldest first.
    let steps: [Step]

    /// The section for a journey; `names` gives known places' names by identity.
    init(_ journey: Journey, language l: PageLanguage, names: [String: String]) {
        title = l.pick("流转记录", "Journey")
        explanation = l.pick(
            "根据此件商品、其包装箱和批次的追溯事件（EPCIS）整理。", "From the traceability events (EPCIS) of this unit, its cases and its lot."
        )
        steps = journey.steps.map { step in
            let action = JourneyStage.action(bizStep: step.bizStep)
            return Step(
                stage: step.stage.rawValue, label: l.pick(step.stage.chinese, step.stage.english),
                action: action.map { l.pick($0.chinese, $0.english) } ?? "",
                date: ChinaTime.minute(Date(timeIntervalSince1970: Double(step.eventTime) / 1_000_000)),
                place: Self.place(step.place, language: l, names: names))
        }
    }

    /// A place as a buyer can read it: its name when known, else `GLN 6901234000009` (and the
    /// location extension), else the identifier as written.
    static func place(_ identity: String?, language l: PageLanguage, names: [String: String]) -> String {
        guard let identity else { return l.pick("地点未记录", "place not recorded") }
        if let name = names[identity] { return name }
        let prefix = "https://id.gs1.org/414/"
        guard identity.hasPrefix(prefix) else { return identity }
        let parts = identity.dropFirst(prefix.count).split(separator: "/")
        guard let gln = parts.first else { return identity }
        if let glnName = names[prefix + gln] { return glnName }
        var text = "GLN " + gln
        if parts.count == 3, parts[1] == "254" { text += l.pick(" · 分位置 ", " · sub-location ") + parts[2] }
        return text
    }
}
