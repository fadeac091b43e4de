public import QualityCore

/// The legal clock of a recall under 《消费品召回管理暂行规定》 (SAMR Order No. 19, 2019), in
/// Chinese working days from the official holiday calendar:
///
/// - the recall plan is filed within 5 working days of the day the producer confirmed the defect;
/// - the recall is announced publicly within 3 working days of the day the plan was filed;
/// - a progress report is filed every 3 months while the recall runs, counted from the day the
///   plan was filed;
/// - the summary report is filed within 15 working days of completing the recall.
///
/// Periods are counted as the Civil Code counts them: the starting day is not counted (第二百零一条);
/// a period in months ends on the corresponding day of the month (第二百零二条), moved to the next
/// working day when that is a rest day (第二百零三条). A due day that needs a year the calendar
/// does not cover is left open and flagged, never guessed.
public struct RecallClock: Sendable, Hashable, Codable {
    /// Every duty, in the order they arise; progress reports as far as they have been due.
    public var deadlines: [Deadline]
    /// The day the clock was read.
    public var asOf: CalendarDay

    enum CodingKeys: String, CodingKey {
        case deadlines
        case asOf = "as_of"
    }

    /// Working days to file the plan after the defect is confirmed.
    public static let planWorkingDays = 5
    /// Working days to announce the recall after the plan is filed.
    public static let noticeWorkingDays = 3
    /// Months between progress reports.
    public static let progressMonths = 3
    /// Working days to file the summary after completion.
    public static let summaryWorkingDays = 15
    /// The most progress reports the clock lists (ten years of a recall).
    static let progressLimit = 40

    /// Reads the clock of a record with its milestones on a day.
    public init(
        record: RecallRecord, milestones: [RecallMilestone], calendar: WorkingDayCalendar, today: CalendarDay
    ) {
        func first(_ kind: RecallMilestone.Kind) -> CalendarDay? {
            milestones.filter { $0.kind == kind }.map(\.on).min()
        }
        let planFiled = first(.planFiled)
        let completed = first(.completed)
        let reading = Reading(withdrawn: record.status == .lifted, today: today)
        var deadlines: [Deadline] = []
        deadlines.append(
            reading.deadline(.plan, from: .defectConfirmed, startsOn: record.defectConfirmedOn, doneOn: planFiled) {
                start throws(YearNotCovered) in try calendar.addingWorkingDays(Self.planWorkingDays, to: start)
            })
        deadlines.append(
            reading.deadline(.publicNotice, from: .planFiled, startsOn: planFiled, doneOn: first(.noticePublished)) {
                start throws(YearNotCovered) in try calendar.addingWorkingDays(Self.noticeWorkingDays, to: start)
            })
        let reports = milestones.filter { $0.kind == .progressReport }.map(\.on).sorted()
        deadlines += reading.progressReports(
            planFiled: planFiled, completed: completed, reports: reports, calendar: calendar)
        deadlines.append(
            reading.deadline(.summary, from: .completed, startsOn: completed, doneOn: first(.summaryFiled)) {
                start throws(YearNotCovered) in try calendar.addingWorkingDays(Self.summaryWorkingDays, to: start)
            })
        self.deadlines = deadlines
        self.asOf = today
    }

    /// How duties are judged on the day the clock is read.
    private struct Reading {
        /// Whether the recall was withdrawn, which ends every duty not yet done.
        let withdrawn: Bool
        /// The day the clock is read.
        let today: CalendarDay

        /// A duty counted from `startsOn` (when that event happened) to the day `due` gives.
        func deadline(
            _ kind: Deadline.Kind, sequence: Int? = nil, from: Deadline.CountsFrom, startsOn: CalendarDay?,
            doneOn: CalendarDay?, due: (CalendarDay) throws(YearNotCovered) -> CalendarDay
        ) -> Deadline {
            var result = Deadline(
                kind: kind, sequence: sequence, rule: RecallClock.rule(kind), countsFrom: from, startsOn: startsOn,
                due: nil, doneOn: doneOn, status: .pending, notCovered: false, uncoveredYear: nil)
            guard let startsOn else {
                result.status = doneOn != nil ? .met : (withdrawn ? .withdrawn : .pending)
                return result
            }
            do {
                let day = try due(startsOn)
                result.due = day
                if let doneOn {
                    result.status = doneOn <= day ? .met : .late
                } else {
                    result.status = withdrawn ? .withdrawn : (today > day ? .overdue : .pending)
                }
            } catch {
                result.notCovered = true
                result.uncoveredYear = error.year
                result.status = withdrawn && doneOn == nil ? .withdrawn : .unknown
            }
            return result
        }

        /// The progress reports due so far: each one filed, each one missed while the recall
        /// ran, and the next one while it still runs.
        func progressReports(
            planFiled: CalendarDay?, completed: CalendarDay?, reports: [CalendarDay], calendar: WorkingDayCalendar
        ) -> [Deadline] {
            guard planFiled != nil else {
                return [
                    deadline(.progressReport, sequence: 1, from: .planFiled, startsOn: nil, doneOn: reports.first) {
                        start throws(YearNotCovered) in start
                    }
                ]
            }
            var result: [Deadline] = []
            for sequence in 1...RecallClock.progressLimit {
                let done = sequence <= reports.count ? reports[sequence - 1] : nil
                let row = deadline(
                    .progressReport, sequence: sequence, from: .planFiled, startsOn: planFiled, doneOn: done
                ) {
                    start throws(YearNotCovered) in
                    let end = (try? start.adding(months: RecallClock.progressMonths * sequence)) ?? start
                    return try calendar.firstWorkingDay(onOrAfter: end)
                }
                if done != nil {
                    result.append(row)
                    continue
                }
                // A report falls due only while the recall runs.
                if withdrawn { break }
                if let completed, let due = row.due, completed <= due { break }
                result.append(row)
                if row.status != .overdue { break }
            }
            return result
        }
    }

    /// The rule of a duty, in both languages.
    static func rule(_ kind: Deadline.Kind) -> Deadline.RuleText {
        switch kind {
        case .plan:
            Deadline.RuleText(
                zh: "自确认缺陷之日起\(planWorkingDays)个工作日内提交召回计划",
                en: "File the recall plan within \(planWorkingDays) working days of confirming the defect")
        case .publicNotice:
            Deadline.RuleText(
                zh: "自提交召回计划之日起\(noticeWorkingDays)个工作日内发布召回信息",
                en: "Announce the recall within \(noticeWorkingDays) working days of filing the plan")
        case .progressReport:
            Deadline.RuleText(
                zh: "召回实施期间每\(progressMonths)个月提交阶段性总结",
                en: "File a progress report every \(progressMonths) months while the recall runs")
        case .summary:
            Deadline.RuleText(
                zh: "召回完成后\(summaryWorkingDays)个工作日内提交召回总结",
                en: "File the summary report within \(summaryWorkingDays) working days of completing the recall")
        }
    }

    /// The duties past due and not done.
    public var overdue: [Deadline] { deadlines.filter { $0.status == .overdue } }

    /// Whether any due day could not be known for want of a calendar year.
    public var hasUncoveredYear: Bool { deadlines.contains(where: \.notCovered) }
}
