public import QualityCore

/// One duty of the legal clock: what must be done, from which event it counts, when it falls due,
/// whether it was done in time, and whether the calendar could say.
public struct Deadline: Sendable, Hashable, Codable {
    /// Which duty.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// File the recall plan (提交召回计划).
        case plan
        /// Announce the recall publicly (发布召回信息).
        case publicNotice = "public_notice"
        /// File a progress report (召回阶段性总结).
        case progressReport = "progress_report"
        /// File the summary report (召回总结).
        case summary
    }

    /// How the duty stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not done and not yet due (or waiting for the event it counts from).
        case pending
        /// Done on or before its due day.
        case met
        /// Done, but after its due day.
        case late
        /// Not done, and its due day has passed.
        case overdue
        /// The due day falls in a year the working-day calendar does not cover: not guessed.
        case unknown
        /// Not done when the recall was withdrawn, which ended the duty.
        case withdrawn
    }

    /// Which duty.
    public var kind: Kind
    /// For progress reports, which one (1, 2, …).
    public var sequence: Int?
    /// The rule, in Chinese and English.
    public var rule: RuleText
    /// The event the period counts from.
    public var countsFrom: CountsFrom
    /// The day of that event, once it happened.
    public var startsOn: CalendarDay?
    /// The last day to do it, when it can be known.
    public var due: CalendarDay?
    /// The day it was done.
    public var doneOn: CalendarDay?
    /// How it stands.
    public var status: Status
    /// Whether the due day needs a year the calendar does not cover.
    public var notCovered: Bool
    /// That year.
    public var uncoveredYear: Int?

    /// The event a period counts from.
    public enum CountsFrom: String, Sendable, Hashable, Codable {
        /// The day the producer confirmed the defect.
        case defectConfirmed = "defect_confirmed"
        /// The day the recall plan was filed.
        case planFiled = "plan_filed"
        /// The day the recall was completed.
        case completed
    }

    /// A rule in both languages.
    public struct RuleText: Sendable, Hashable, Codable {
        /// Chinese.
        public var zh: String
        /// English.
        public var en: String
    }

    enum CodingKeys: String, CodingKey {
        case kind, sequence, rule, due, status
        case countsFrom = "counts_from"
        case startsOn = "starts_on"
        case doneOn = "done_on"
        case notCovered = "not_covered"
        case uncoveredYear = "uncovered_year"
    }
}
