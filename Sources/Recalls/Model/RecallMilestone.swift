public import Foundation
public import QualityCore

/// A step of a recall the legal clock measures, on the day it happened.
public struct RecallMilestone: Sendable, Hashable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The recall plan was filed with the provincial market regulator (提交召回计划).
        case planFiled = "plan_filed"
        /// The recall was announced publicly (发布召回信息).
        case noticePublished = "notice_published"
        /// A progress report was filed (召回阶段性总结); repeats every three months.
        case progressReport = "progress_report"
        /// The recall actions were finished (召回完成).
        case completed
        /// The summary report was filed (召回总结); this closes the record.
        case summaryFiled = "summary_filed"

        /// Parses a milestone name, naming the allowed ones when it is wrong.
        public init(parsing text: String) throws(QualityError) {
            guard let kind = Kind(rawValue: text.lowercased()) else {
                let names = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalid("unknown_milestone", "unknown milestone '\(text)'; expected one of \(names)")
            }
            self = kind
        }

        /// Whether the milestone may be recorded more than once.
        public var repeats: Bool { self == .progressReport }
    }

    /// What happened.
    public var kind: Kind
    /// The day it happened.
    public var on: CalendarDay
    /// A document number, e.g. the regulator's filing reference.
    public var reference: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    enum CodingKeys: String, CodingKey {
        case kind, on, reference
        case recordedBy = "recorded_by"
        case recordedAt = "recorded_at"
    }

    /// Creates a milestone value.
    public init(kind: Kind, on: CalendarDay, reference: String?, recordedBy: String, recordedAt: Date) {
        self.kind = kind
        self.on = on
        self.reference = reference
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
