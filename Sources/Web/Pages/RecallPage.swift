import Foundation
import Passport
import QualityCore
import Recalls

/// What the recall page shows its producer and regulators, already in the page's language: the
/// scope, the legal clock with each deadline, how the notices stand, returns by level and the
/// correction rate over time. Every value is plain text escaped by the template, except
/// `chartSVG`, which the server draws.
struct RecallPage {
    /// One labelled fact.
    struct Fact {
        /// What the fact is.
        let label: String
        /// The fact.
        let value: String
    }

    /// One deadline of the clock.
    struct DeadlineRow {
        /// The duty.
        let duty: String
        /// The rule, in the page language.
        let rule: String
        /// The due day, or why it is not known.
        let due: String
        /// The day it was done.
        let done: String
        /// The status in words.
        let status: String
        /// The status name, for styling and tests.
        let statusName: String
        /// Whether the due day needs a year the calendar lacks.
        let notCovered: Bool
    }

    /// One count.
    struct Count {
        /// What is counted.
        let label: String
        /// The name, for tests.
        let name: String
        /// The count.
        let value: String
    }

    /// One level's returns.
    struct LevelRow {
        /// The level.
        let label: String
        /// The level name, for tests.
        let name: String
        /// Affected units.
        let affected: String
        /// Returned units.
        let returned: String
        /// Corrected units.
        let corrected: String
        /// The correction rate.
        let rate: String
    }

    /// The `lang` attribute.
    let lang: String
    /// The page title.
    let title: String
    /// The header text.
    let brand: String
    /// Link to the page in the other language.
    let switchHref: String
    /// The other language's tag.
    let switchLang: String
    /// The switch's label.
    let switchLabel: String
    /// The product and lot.
    let headline: String
    /// The record's status in words.
    let status: String
    /// The status name.
    let statusName: String
    /// Headings and column names.
    let text: [String: String]
    /// The scope and particulars.
    let facts: [Fact]
    /// The legal clock.
    let deadlines: [DeadlineRow]
    /// Whether some deadline needs a year the calendar lacks.
    let hasUncoveredYear: Bool
    /// The note on uncovered years.
    let uncoveredNote: String
    /// Notices per status.
    let noticeCounts: [Count]
    /// Responses given.
    let responseCounts: [Count]
    /// Returns per level.
    let levels: [LevelRow]
    /// The totals row.
    let total: LevelRow
    /// The overall correction rate.
    let rate: String
    /// The chart's SVG.
    let chartSVG: String

    /// The page of a report in a language.
    init(report: RecallReport, product: Product?, language: PageLanguage, path: String) {
        let record = report.record
        func pick(_ pair: (zh: String, en: String)) -> String { language.pick(pair.zh, pair.en) }
        func count(_ value: Int64) -> String { String(value) }
        lang = language.htmlTag
        let name = product?.name ?? record.scope.gtin.gtin14
        headline = "\(name) · \(language.pick("批次", "Lot")) \(record.scope.lot)"
        title = language.pick("召回 #\(record.id) · \(name)", "Recall #\(record.id) · \(name)")
        brand = language.pick("QualityLoop 质量闭环 · 召回", "QualityLoop · Recall")
        switchHref = path + (language == .chinese ? "?lang=en" : "?lang=zh")
        switchLang = language.other.htmlTag
        switchLabel = language == .chinese ? "English" : "中文"
        status = pick(Self.statusLabel(record.status))
        statusName = record.status.rawValue
        text = [
            "scope": language.pick("召回范围", "Scope"),
            "clock": language.pick("法定时限（工作日）", "Legal clock (working days)"),
            "duty": language.pick("事项", "Duty"), "rule": language.pick("规定", "Rule"),
            "due": language.pick("截止日", "Due"), "done": language.pick("完成日", "Done"),
            "state": language.pick("状态", "Status"),
            "notices": language.pick("逐一通知", "Notices to buyers"),
            "responses": language.pick("买家答复", "Buyer responses"),
            "returns": language.pick("各层级召回情况", "Returns by level"),
            "level": language.pick("层级", "Level"), "affected": language.pick("涉及", "Affected"),
            "returned": language.pick("已退回", "Returned"), "corrected": language.pick("已处置", "Corrected"),
            "rate": language.pick("纠正率", "Correction rate"),
            "chart": language.pick("纠正率变化", "Correction rate over time"),
            "total": language.pick("合计", "Total"),
            "noResponses": language.pick("尚无答复", "No responses yet"),
            "rateNote": language.pick(
                "纠正率 = 已处置件数 ÷ 召回开始时各层级涉及的件数（修理、更换，或退货并停止使用）",
                "Correction rate = corrected units ÷ the units each level held when the recall began (repaired, replaced, or refunded and taken out of use)"
            ),
            "footer": language.pick(
                "依据《消费品召回管理暂行规定》；工作日按国务院办公厅节假日安排计算",
                "Under the Interim Provisions on Consumer Product Recalls; working days follow the State Council's holiday notices"
            ),
        ]
        let none = language.pick("—", "—")
        var facts: [Fact] = [
            Fact(label: language.pick("产品", "Product"), value: name),
            Fact(label: "GTIN", value: record.scope.gtin.gtin14),
            Fact(label: language.pick("批次", "Lot"), value: record.scope.lot),
        ]
        if let from = record.scope.serialFrom, let to = record.scope.serialTo {
            facts.append(Fact(label: language.pick("序列号范围", "Serials"), value: "\(from) – \(to)"))
        }
        facts += [
            Fact(label: language.pick("原因", "Reason"), value: record.reason),
            Fact(label: language.pick("危害类别", "Hazard"), value: pick(record.hazard.label)),
            Fact(
                label: language.pick("补救措施", "Remedies"),
                value: record.remedies.map { pick($0.label) }.joined(separator: language.pick("、", ", "))),
            Fact(label: language.pick("确认缺陷日", "Defect confirmed"), value: record.defectConfirmedOn.description),
            Fact(label: language.pick("停售时间", "Sale stopped"), value: ChinaTime.minute(record.openedAt)),
            Fact(label: language.pick("监管备案编号", "Regulator reference"), value: record.regulatorReference ?? none),
        ]
        self.facts = facts
        deadlines = report.clock.deadlines.map { deadline in
            var duty = pick(Self.dutyLabel(deadline.kind))
            if let sequence = deadline.sequence { duty += " #\(sequence)" }
            let due: String
            if let day = deadline.due {
                due = day.description
            } else if deadline.notCovered {
                due = language.pick(
                    "无法确定：日历未含\(deadline.uncoveredYear.map(String.init) ?? "")年",
                    "Unknown: the calendar lacks \(deadline.uncoveredYear.map(String.init) ?? "")")
            } else {
                due = language.pick(
                    "待\(pick(Self.eventLabel(deadline.countsFrom)))后起算",
                    "Counts from \(pick(Self.eventLabel(deadline.countsFrom)).lowercased())")
            }
            return DeadlineRow(
                duty: duty, rule: language.pick(deadline.rule.zh, deadline.rule.en), due: due,
                done: deadline.doneOn?.description ?? none, status: pick(Self.deadlineLabel(deadline.status)),
                statusName: deadline.status.rawValue, notCovered: deadline.notCovered)
        }
        hasUncoveredYear = report.clock.hasUncoveredYear
        uncoveredNote = language.pick(
            "部分截止日落在节假日安排尚未公布的年份，系统不作推测；请在国务院办公厅发布通知后更新日历文件。",
            "Some due days fall in a year whose holiday notice is not loaded; they are not guessed. Update the calendar file once the State Council publishes the notice."
        )
        noticeCounts =
            NoticeStatus.allCases.map { status in
                Count(
                    label: pick(status.label), name: status.rawValue, value: count(report.notices.byStatus[status] ?? 0)
                )
            } + [Count(label: text["total"] ?? "", name: "total", value: count(report.notices.total))]
        responseCounts = BuyerResponse.allCases.compactMap { response in
            guard let value = report.notices.byResponse[response] else { return nil }
            return Count(label: pick(Self.responseLabel(response)), name: response.rawValue, value: count(value))
        }
        let effectiveness = report.effectiveness
        levels = effectiveness.levels.map { level in
            LevelRow(
                label: pick(level.level.label), name: level.level.rawValue, affected: count(level.affected),
                returned: count(level.returned), corrected: count(level.corrected),
                rate: level.rate.map(EffectivenessChart.percent) ?? none)
        }
        total = LevelRow(
            label: text["total"] ?? "", name: "total", affected: count(effectiveness.affected),
            returned: count(effectiveness.returned), corrected: count(effectiveness.corrected),
            rate: EffectivenessChart.percent(effectiveness.rate))
        rate = EffectivenessChart.percent(effectiveness.rate)
        let start = record.defectConfirmedOn
        let end = max(report.clock.asOf, effectiveness.history.last?.day ?? start)
        let step = EffectivenessChart.step(forSpan: max(end.daysSinceEpoch - start.daysSinceEpoch, 0) + 1)
        let caption =
            switch step {
            case 1: language.pick("按日", "By day")
            case 7: language.pick("按周（周末数值）", "By week (value at week end)")
            default: language.pick("每\(step)天", "Every \(step) days")
            }
        chartSVG = EffectivenessChart.svg(
            EffectivenessChart.points(history: effectiveness.history, from: start, to: end), label: text["chart"] ?? "",
            axisCaption: caption)
    }

    /// A record status in both languages.
    static func statusLabel(_ status: RecallRecord.Status) -> (zh: String, en: String) {
        switch status {
        case .open: ("召回进行中", "Recall under way")
        case .completed: ("召回已完成，待提交总结", "Completed; summary due")
        case .closed: ("已结束", "Closed")
        case .lifted: ("已撤销", "Withdrawn")
        }
    }

    /// A duty in both languages.
    static func dutyLabel(_ kind: Deadline.Kind) -> (zh: String, en: String) {
        switch kind {
        case .plan: ("提交召回计划", "Recall plan")
        case .publicNotice: ("发布召回信息", "Public notice")
        case .progressReport: ("阶段性总结", "Progress report")
        case .summary: ("召回总结", "Summary report")
        }
    }

    /// The event a period counts from, in both languages.
    static func eventLabel(_ event: Deadline.CountsFrom) -> (zh: String, en: String) {
        switch event {
        case .defectConfirmed: ("确认缺陷", "The defect's confirmation")
        case .planFiled: ("提交召回计划", "The plan's filing")
        case .completed: ("召回完成", "Completion")
        }
    }

    /// A deadline status in both languages.
    static func deadlineLabel(_ status: Deadline.Status) -> (zh: String, en: String) {
        switch status {
        case .pending: ("未到期", "Pending")
        case .met: ("按时完成", "Met")
        case .late: ("逾期完成", "Done late")
        case .overdue: ("已逾期", "Overdue")
        case .unknown: ("无法判断", "Unknown")
        case .withdrawn: ("已撤销", "Withdrawn")
        }
    }

    /// A buyer response in both languages.
    static func responseLabel(_ response: BuyerResponse) -> (zh: String, en: String) {
        switch response {
        case .refundRequested: ("申请退货退款", "Refund requested")
        case .repairBooked: ("已预约修理", "Repair booked")
        case .replacementRequested: ("申请更换", "Replacement requested")
        case .declined: ("拒绝", "Declined")
        }
    }
}
