import ArgumentParser
import Foundation
import Logging
import Access
import Passport
import QualityCore
import Recalls
import Storage
import Trace
import Web

/// `qloop demo`: seeds a demo world into the embedded database and serves it.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Seed a realistic demo world into the database and serve pages and API on it.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions
    @Flag(name: .customLong("seed-only"), help: "Seed and print the links, but do not serve.") var seedOnly = false

    func run() async throws {
        let logger = CommandLogger.make(label: "qualityloop", default: .info)
        let stores = try await Stores.open(database.location, logger: logger)
        do {
            let configuration = try server.configuration()
            let stem = configuration.effectiveResolverStem
            let ledger = LedgerWriteOptions(path: configuration.ledgerKeyPath)
            let calendar = try WorkingDayCalendar.load(path: configuration.calendarPath)
            let (links, recallID) = try await ledger.withService(stores, stem: stem) { passport in
                let links = try await DemoWorld(service: passport).seed()
                try await Self.recordJourney(of: links.genuine, stores: stores, service: passport)
                let recalls = RecallService(store: stores.recalls, passport: passport, calendar: calendar)
                return (links, try await DemoRecall(service: recalls).seed())
            }
            let regulator = try await stores.access.named(DemoWorld.regulatorName)
            let token = APIToken.generate()
            try await stores.access.addToken(digest: token.digest, label: "qloop demo: recall page", for: regulator.id)
            print("""
                QualityLoop demo world is ready (\(database.location)).
                Scan pages to try:
                  genuine          \(links.genuine)
                  forged           \(links.forged)
                  recalled         \(links.recalled)
                  expired          \(links.expired)
                  suspected clone  \(links.suspectedClone)
                  unknown product  \(links.unknown)
                The same as JSON:  curl -H 'Accept: application/json' '\(links.genuine)'
                Linkset:           curl '\(links.genuine)?linkType=linkset'
                API description:   \(stem)/openapi.json
                A live recall (sign in with any user name and the regulator's token as the password):
                  recall page      \(stem)/recalls/\(recallID)
                  token            \(token.secret)
                  as JSON          curl -H 'Authorization: Bearer \(token.secret)' \(stem)/api/v1/recalls/\(recallID)
                """)
            if !seedOnly {
                print("Serving on http://\(configuration.host):\(configuration.port) — Ctrl-C to stop.")
                // The server runs until stopped: flush now, or a redirected log never shows the links.
                fflush(nil)
                try await server.run(stores: stores, logger: logger)
            }
            await stores.close()
        } catch {
            await stores.close()
            throw error
        }
    }

    /// Captures the genuine unit's way from its factory to a buyer (`DemoJourney`), so that its
    /// scan page has a journey to show. Capture is idempotent: a second seeding changes nothing.
    static func recordJourney(of unit: String, stores: Stores, service: PassportService) async throws {
        let link = try DigitalLink.parse(unit)
        guard let gtin = link.gtin, let lot = link["10"],
            let batch = try await stores.passport.batch(gtin: gtin, lot: lot)
        else { return }
        let document = DemoJourney.document(
            unit: unit, factory: "urn:epc:id:sgln:6901234.00000.0", case: "urn:epc:id:sscc:6901234.1000000001",
            startingOn: CalendarDay(daysSinceEpoch: batch.producedOn.daysSinceEpoch + 1))
        let job = try await EventCapture(store: stores.events, ledger: service.ledger).capture(
            Array(document.utf8), by: nil)
        guard job.success else { throw ValidationError("the demo journey was not captured: \(job.errors)") }
    }
}
