import Access
import ArgumentParser
import Foundation
import Passport
import QualityCore
import Recalls
import Storage

/// `qloop recall record …`: recall records with their legal clock, per-buyer notices and
/// returns by level. Opening one stops sale of the batch at once.
struct RecallRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Recall records: open, milestones of the legal clock, notices to buyers, returns, lift.",
        subcommands: [
            Open.self, List.self, Show.self, Milestone.self, Lift.self, Notify.self, Notice.self, Returns.self,
            Events.self,
        ])

    /// `qloop recall record open`.
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a recall record; the batch's sale stops at once (its passport verdict turns recalled).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Option(help: "The product's GTIN.") var gtin: String
        @Option(help: "Lot number.") var lot: String
        @Option(name: .customLong("serial-from"), help: "First serial of a recalled range.") var serialFrom: String?
        @Option(name: .customLong("serial-to"), help: "Last serial of the range.") var serialTo: String?
        @Option(help: "The defect, for buyers and regulators.") var reason: String
        @Option(help: "Hazard class: \(HazardClass.allCases.map(\.rawValue).joined(separator: ", ")).")
        var hazard: String
        @Option(help: "Remedies offered, comma-separated: refund, repair, replace.") var remedy: String
        @Option(help: "The day the defect was confirmed, YYYY-MM-DD (the legal clock starts here).")
        var confirmed: String
        @Option(help: "The regulator's reference, if known.") var reference: String?
        @Option(
            help:
                "Affected units by level, e.g. retailer=300,consumer=1200 (levels: producer, distributor, retailer, consumer)."
        )
        var affected: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let draft = RecallDraft(
                gtin: gtin, lot: lot, serialFrom: serialFrom, serialTo: serialTo, reason: reason, hazard: hazard,
                remedies: remedy.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                regulatorReference: reference, defectConfirmedOn: confirmed, affected: try UnitCounts(parsing: affected)
            )
            let gtin = try GTIN(checking: gtin)
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await stores.actingOrganisation(recall.org, gtin: gtin)
                    let record = try await service.open(draft, by: organisation)
                    try RecallText.show(try await service.report(record.id, for: organisation), json: json)
                }
            }
        }
    }

    /// `qloop recall record list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the recall records an organisation may see (a producer's own, all for a regulator).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Organisation name.") var org: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                let organisation = try await stores.access.named(org)
                let service = RecallService(
                    store: stores.recalls, passport: PassportService(stores: stores),
                    calendar: try WorkingDayCalendar.bundled())
                let records = try await service.recalls(for: organisation)
                if json {
                    try Output.json(["recalls": records])
                } else {
                    for record in records {
                        print(
                            "\(record.id)\t\(record.status.rawValue)\t\(record.scope.gtin.gtin14)\t\(record.scope.lot)\t\(record.reason)"
                        )
                    }
                }
            }
        }
    }

    /// `qloop recall record show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a recall: its legal clock today, notices, returns by level and correction rate.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Argument(help: "Recall id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await recall.actor(stores, recall: id)
                    try RecallText.show(try await service.report(id, for: organisation), json: json)
                }
            }
        }
    }

    /// `qloop recall record milestone`.
    struct Milestone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a milestone: plan_filed, notice_published, progress_report, completed, summary_filed.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Argument(help: "Recall id.") var id: Int64
        @Option(help: "plan_filed, notice_published, progress_report, completed or summary_filed.") var kind: String
        @Option(help: "The day it happened, YYYY-MM-DD (default today).") var on: String?
        @Option(help: "A document number, e.g. the regulator's filing reference.") var reference: String?
        @Option(help: "Why, or anything worth keeping with it.") var note: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let kind = try RecallMilestone.Kind(parsing: kind)
            let day = try on.map { text throws(QualityError) in try CalendarDay(text) }
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await recall.actor(stores, recall: id)
                    _ = try await service.recordMilestone(
                        id, kind: kind, on: day, reference: reference, note: note, by: organisation)
                    try RecallText.show(try await service.report(id, for: organisation), json: json)
                }
            }
        }
    }

    /// `qloop recall record lift`.
    struct Lift: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a running recall and lift its batch's recall (the passport verdict is restored).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Argument(help: "Recall id.") var id: Int64
        @Option(help: "Why it is withdrawn.") var reason: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await recall.actor(stores, recall: id)
                    _ = try await service.lift(id, reason: reason, by: organisation)
                    try RecallText.show(try await service.report(id, for: organisation), json: json)
                }
            }
        }
    }

    /// `qloop recall record notify`.
    struct Notify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create notices for the buyers of orders the platform supplies; an order already noticed is skipped.",
            discussion: """
                --orders reads CSV lines 'order_id[,buyer[,units]]' (a first line starting with order_id is a \
                header; fields are not quoted). --order may be repeated.
                """)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Argument(help: "Recall id.") var id: Int64
        @Option(help: "A CSV file of orders.") var orders: String?
        @Option(help: "An order id (repeatable).") var order: [String] = []
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            var drafts = order.map { NoticeDraft(orderID: $0) }
            if let orders {
                let text: String
                do { text = try String(contentsOfFile: orders, encoding: .utf8) } catch {
                    throw QualityError.invalid(
                        "unreadable_file", "cannot read \(orders): \(error.localizedDescription)")
                }
                drafts += try RecallText.orders(csv: text)
            }
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await recall.actor(stores, recall: id)
                    let outcome = try await service.addNotices(drafts, to: id, by: organisation)
                    if json {
                        try Output.json(NoticesOutput(created: outcome.created.count, duplicates: outcome.duplicates))
                    } else {
                        print(
                            "\(outcome.created.count) notices created, \(outcome.duplicates.count) orders already noticed"
                        )
                    }
                }
            }
        }
    }

    /// `qloop recall record notice`.
    struct Notice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Move an order's notice forward (queued → sent → delivered → acknowledged) or record the buyer's response."
        )
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Argument(help: "Recall id.") var id: Int64
        @Option(help: "The order id.") var order: String
        @Option(help: "sent, delivered or acknowledged.") var status: String?
        @Option(help: "refund_requested, repair_booked, replacement_requested or declined.") var response: String?
        @Option(help: "A note.") var note: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let status = try status.map { text throws(QualityError) in try NoticeStatus(parsing: text) }
            let response = try response.map { text throws(QualityError) in try BuyerResponse(parsing: text) }
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await recall.actor(stores, recall: id)
                    let notice = try await service.updateNotice(
                        id, orderID: order, status: status, response: response, note: note, by: organisation)
                    if json {
                        try Output.json(notice)
                    } else {
                        print(
                            "order \(notice.orderID): \(notice.status.rawValue)\(notice.response.map { ", \($0.rawValue)" } ?? "")"
                        )
                    }
                }
            }
        }
    }

    /// `qloop recall record returns`.
    struct Returns: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report units returned and corrected at a level (producer, distributor, retailer, consumer).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Argument(help: "Recall id.") var id: Int64
        @Option(help: "producer, distributor, retailer or consumer.") var level: String
        @Option(help: "Units handed back.") var returned: Int64 = 0
        @Option(help: "Units whose hazard was removed (repaired, replaced, refunded and taken out of use).")
        var corrected: Int64 = 0
        @Option(help: "The day, YYYY-MM-DD (default today).") var on: String?
        @Option(help: "A note.") var note: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let level = try SupplyLevel(parsing: level)
            let day = try on.map { text throws(QualityError) in try CalendarDay(text) }
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await recall.actor(stores, recall: id)
                    _ = try await service.recordReturn(
                        id, level: level, returned: returned, corrected: corrected, on: day, note: note,
                        by: organisation)
                    try RecallText.show(try await service.report(id, for: organisation), json: json)
                }
            }
        }
    }

    /// `qloop recall record events`.
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a recall's audit trail: who changed what, when and why.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var recall: RecallOptions
        @Argument(help: "Recall id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await database.withStores { stores in
                try await recall.withService(stores) { service in
                    let organisation = try await recall.actor(stores, recall: id)
                    let events = try await service.events(of: id, for: organisation)
                    if json {
                        try Output.json(["events": events])
                    } else {
                        for event in events {
                            let detail = event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                            print(
                                "\(event.id)\t\(ISO8601DateFormatter().string(from: event.at))\t\(event.actor)\t\(event.kind.rawValue)\t\(detail.joined(separator: " "))\(event.note.map { "\t\($0)" } ?? "")"
                            )
                        }
                    }
                }
            }
        }
    }
}

/// What the notify command prints as JSON.
struct NoticesOutput: Encodable {
    let created: Int
    let duplicates: [String]
}

/// Who a recall command acts as, with which calendar, appending to which ledger.
struct RecallOptions: ParsableArguments {
    @Option(help: "Acting organisation: the product's owner (default) or a regulator.") var org: String?
    @Option(
        help:
            "A working-day calendar file in the cn-holidays.json format (default QUALITYLOOP_CALENDAR or the shipped one)."
    )
    var calendar: String?
    @OptionGroup var ledger: LedgerWriteOptions

    /// Runs a body with the recall service over the stores, signing a ledger checkpoint afterwards.
    func withService<T>(_ stores: Stores, _ body: (RecallService) async throws -> T) async throws -> T {
        let path = calendar ?? ProcessInfo.processInfo.environment[WorkingDayCalendar.environmentKey]
        let calendar = try WorkingDayCalendar.load(path: path)
        return try await ledger.withService(stores) { passport in
            try await body(RecallService(store: stores.recalls, passport: passport, calendar: calendar))
        }
    }

    /// The organisation named by `--org`, else the producer the record belongs to.
    func actor(_ stores: Stores, recall id: Int64) async throws -> Organisation {
        if let org { return try await stores.access.named(org) }
        guard let record = try await stores.recalls.recall(id: id) else {
            throw QualityError.notFound("recall_not_found", "no recall \(id)")
        }
        guard let producer = try await stores.access.organisation(id: record.producerID) else {
            throw QualityError.notFound("organisation_not_found", "the producer of recall \(id) no longer exists")
        }
        return producer
    }
}

/// Lines for people describing recalls, and the order lists commands read.
enum RecallText {
    /// Prints a report as JSON or as lines.
    static func show(_ report: RecallReport, json: Bool) throws {
        if json {
            try Output.json(report)
            return
        }
        let record = report.record
        print(
            "recall \(record.id)\t\(record.status.rawValue)\t\(record.scope.gtin.gtin14) lot \(record.scope.lot)\thazard \(record.hazard.rawValue)\tremedies \(record.remedies.map(\.rawValue).joined(separator: ","))"
        )
        print("defect confirmed \(record.defectConfirmedOn); reference \(record.regulatorReference ?? "-")")
        for deadline in report.clock.deadlines {
            let name = deadline.kind.rawValue + (deadline.sequence.map { " #\($0)" } ?? "")
            let due =
                deadline.due?.description
                ?? (deadline.notCovered
                    ? "unknown (calendar lacks \(deadline.uncoveredYear.map(String.init) ?? "?"))"
                    : "after \(deadline.countsFrom.rawValue)")
            print("  \(name)\tdue \(due)\tdone \(deadline.doneOn?.description ?? "-")\t\(deadline.status.rawValue)")
        }
        let statuses = NoticeStatus.allCases.map { "\($0.rawValue) \(report.notices.byStatus[$0] ?? 0)" }
        print("notices: \(statuses.joined(separator: ", ")) (total \(report.notices.total))")
        let effectiveness = report.effectiveness
        for level in effectiveness.levels where level.affected > 0 || level.corrected > 0 {
            let rate = level.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
            print(
                "  \(level.level.rawValue)\taffected \(level.affected)\treturned \(level.returned)\tcorrected \(level.corrected)\t\(rate)"
            )
        }
        print(
            "correction rate \(String(format: "%.1f%%", effectiveness.rate * 100)) (\(effectiveness.corrected) of \(effectiveness.affected))"
        )
    }

    /// Orders from CSV lines `order_id[,buyer[,units]]`.
    static func orders(csv text: String) throws(QualityError) -> [NoticeDraft] {
        var drafts: [NoticeDraft] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if number == 0, fields.first?.lowercased() == "order_id" { continue }
            guard !line.contains("\""), (1...3).contains(fields.count), !fields[0].isEmpty else {
                throw .invalid(
                    "bad_orders_csv",
                    "line \(number + 1): expected order_id[,buyer[,units]] without quotes; got '\(line)'")
            }
            var units: Int64?
            if fields.count == 3, !fields[2].isEmpty {
                guard let value = Int64(fields[2]) else {
                    throw .invalid(
                        "bad_orders_csv", "line \(number + 1): units must be a whole number; got '\(fields[2])'")
                }
                units = value
            }
            drafts.append(
                NoticeDraft(
                    orderID: fields[0], buyer: fields.count > 1 && !fields[1].isEmpty ? fields[1] : nil, units: units))
        }
        return drafts
    }
}
