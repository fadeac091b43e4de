import Foundation
import Passport
import QualityCore
import Recalls
import Testing

/// The legal clock of a recall: which duty falls due when, counted in working days across the
/// holiday calendar, and how each stands on the day it is read.
@Suite("Recall legal clock")
struct RecallClockTests {
    let calendar: WorkingDayCalendar

    init() throws { calendar = try WorkingDayCalendar.bundled() }

    func day(_ text: String) throws -> CalendarDay { try CalendarDay(text) }

    func record(confirmed: String, status: RecallRecord.Status = .open) throws -> RecallRecord {
        RecallRecord(
            id: 1, scope: RecallRecord.Scope(gtin: try GTIN("06901234000016"), lot: "L1"), producerID: 1,
            reason: "cells overheat", hazard: .fire, remedies: [.refund], regulatorReference: nil,
            defectConfirmedOn: try day(confirmed), affected: UnitCounts(consumer: 100), status: status,
            openedBy: "organisation:1", openedAt: Date(timeIntervalSince1970: 0))
    }

    func milestone(_ kind: RecallMilestone.Kind, _ on: String) throws -> RecallMilestone {
        RecallMilestone(
            kind: kind, on: try day(on), reference: nil, recordedBy: "organisation:1",
            recordedAt: Date(timeIntervalSince1970: 0))
    }

    func find(_ clock: RecallClock, _ kind: Deadline.Kind, _ sequence: Int? = nil) throws -> Deadline {
        try #require(clock.deadlines.first { $0.kind == kind && (sequence == nil || $0.sequence == sequence) })
    }

    @Test("across National Day 2025: the plan on time, the notice a day late, the first progress report overdue")
    func goldenWeekRecall() throws {
        // Confirmed Friday 26 September 2025. Sunday 28 September is worked and 1–8 October are
        // off, so the plan's fifth working day is Friday 10 October; filed on the 9th, it is on
        // time. The notice counts from the filing: 10 October, Saturday 11 October (worked),
        // Monday 13 October; published on the 14th it is late.
        let clock = RecallClock(
            record: try record(confirmed: "2025-09-26"),
            milestones: [try milestone(.planFiled, "2025-10-09"), try milestone(.noticePublished, "2025-10-14")],
            calendar: calendar, today: try day("2026-01-12"))

        let plan = try find(clock, .plan)
        #expect(plan.due == (try day("2025-10-10")))
        #expect(plan.status == .met)
        #expect(plan.countsFrom == .defectConfirmed)
        let notice = try find(clock, .publicNotice)
        #expect(notice.startsOn == (try day("2025-10-09")))
        #expect(notice.countsFrom == .planFiled)
        #expect(notice.due == (try day("2025-10-13")))
        #expect(notice.status == .late)
        // Three months after 9 October is Friday 9 January 2026, a working day; nothing filed by
        // the 12th.
        let progress = try find(clock, .progressReport, 1)
        #expect(progress.due == (try day("2026-01-09")))
        #expect(progress.status == .overdue)
        #expect(clock.overdue.count == 1)
        let summary = try find(clock, .summary)
        #expect(summary.status == .pending)
        #expect(summary.due == nil)
        #expect(summary.countsFrom == .completed)
    }

    @Test("a progress report due on the Spring Festival moves to the next working day; a make-up Saturday stays")
    func progressReportRestDays() throws {
        // Filed Saturday 15 November 2025: three months on is Sunday 15 February 2026, the first
        // day of the Spring Festival holiday (15–23 February), so it is due Tuesday 24 February.
        let rolled = RecallClock(
            record: try record(confirmed: "2025-11-10"), milestones: [try milestone(.planFiled, "2025-11-15")],
            calendar: calendar, today: try day("2026-02-20"))
        #expect(try find(rolled, .progressReport, 1).due == (try day("2026-02-24")))
        #expect(try find(rolled, .progressReport, 1).status == .pending)

        // Filed Friday 14 November: 14 February 2026 is a Saturday declared a working day.
        let kept = RecallClock(
            record: try record(confirmed: "2025-11-10"), milestones: [try milestone(.planFiled, "2025-11-14")],
            calendar: calendar, today: try day("2026-02-20"))
        #expect(try find(kept, .progressReport, 1).due == (try day("2026-02-14")))
        #expect(try find(kept, .progressReport, 1).status == .overdue)
    }

    @Test("filed progress reports are listed with the next one due, missed ones stay overdue")
    func progressReportSequence() throws {
        let clock = RecallClock(
            record: try record(confirmed: "2024-06-03"),
            milestones: [
                try milestone(.planFiled, "2024-06-07"), try milestone(.progressReport, "2024-09-06"),
                try milestone(.progressReport, "2025-01-10"),
            ],
            calendar: calendar, today: try day("2025-04-01"))
        let reports = clock.deadlines.filter { $0.kind == .progressReport }

        // 7 September and 7 December 2024 are Saturdays (not worked): due the Mondays after.
        // The third, due Friday 7 March 2025, is missed; the fourth (7 June 2025, a Saturday,
        // so Monday 9 June) is still ahead.
        #expect(reports.map(\.sequence) == [1, 2, 3, 4])
        #expect(reports.map(\.status) == [.met, .late, .overdue, .pending])
        #expect(
            reports.compactMap(\.due)
                == [try day("2024-09-09"), try day("2024-12-09"), try day("2025-03-07"), try day("2025-06-09")])
    }

    @Test("after completion the summary falls due 15 working days later, and no further progress report")
    func completion() throws {
        let clock = RecallClock(
            record: try record(confirmed: "2025-11-03", status: .completed),
            milestones: [
                try milestone(.planFiled, "2025-11-07"), try milestone(.noticePublished, "2025-11-10"),
                try milestone(.completed, "2026-01-30"),
            ],
            calendar: calendar, today: try day("2026-02-02"))
        let summary = try find(clock, .summary)

        // Friday 30 January 2026 + 15 working days: the Spring Festival (15–23 February) is
        // skipped and Saturday 14 February is worked.
        #expect(summary.startsOn == (try day("2026-01-30")))
        #expect(summary.due == (try calendar.addingWorkingDays(15, to: day("2026-01-30"))))
        #expect(summary.due == (try day("2026-02-27")))
        #expect(summary.status == .pending)
        // Three months after 7 November is 7 February, after completion: not due.
        #expect(clock.deadlines.filter { $0.kind == .progressReport }.isEmpty)
    }

    @Test("a deadline in a year the calendar lacks is flagged with that year and not judged")
    func uncoveredYear() throws {
        let clock = RecallClock(
            record: try record(confirmed: "2026-12-28"), milestones: [], calendar: calendar,
            today: try day("2026-12-30"))
        let plan = try find(clock, .plan)

        #expect(plan.notCovered)
        #expect(plan.uncoveredYear == 2027)
        #expect(plan.due == nil)
        #expect(plan.status == .unknown)
        #expect(clock.hasUncoveredYear)
    }

    @Test("a withdrawn recall ends every duty not yet done")
    func withdrawn() throws {
        let clock = RecallClock(
            record: try record(confirmed: "2026-03-02", status: .lifted),
            milestones: [try milestone(.planFiled, "2026-03-05")], calendar: calendar, today: try day("2026-06-30"))

        #expect(try find(clock, .plan).status == .met)
        #expect(try find(clock, .publicNotice).status == .withdrawn)
        #expect(try find(clock, .summary).status == .withdrawn)
        #expect(clock.overdue.isEmpty)
    }
}
