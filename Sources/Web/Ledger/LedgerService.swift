public import Ledger
public import Logging
public import Passport
public import ServiceLifecycle
public import Trace

/// Runs the ledger beside the server: at start-up it appends the manifests of issuances and the
/// captured events that never reached the log (see
/// `PassportService.appendMissingIssuanceManifests` and `EventCapture.appendMissingLedgerEntries`)
/// and signs a
/// checkpoint (so a new log publishes the empty tree at once); on graceful shutdown, after the
/// server has drained its requests, it signs a last one over every leaf appended. Between the
/// two, the `Ledger` actor checkpoints by itself at least once a second while leaves arrive.
public struct LedgerService: Service {
    /// The log.
    public let ledger: Ledger
    /// The passport writes whose missing entries are appended at start-up, if any.
    public let passport: PassportService?
    /// The event captures whose missing entries are appended at start-up, if any.
    public let events: EventCapture?
    /// Where problems are reported.
    let logger: Logger

    /// A service for a log.
    public init(ledger: Ledger, passport: PassportService? = nil, events: EventCapture? = nil, logger: Logger) {
        self.ledger = ledger
        self.passport = passport
        self.events = events
        self.logger = logger
    }

    /// Appends what is missing, checkpoints, waits for shutdown, checkpoints again.
    public func run() async throws {
        await appendMissing("issuance manifests") { try await passport?.appendMissingIssuanceManifests() ?? 0 }
        await appendMissing("captured events") { try await events?.appendMissingLedgerEntries() ?? 0 }
        do {
            let stored = try await ledger.checkpoint()
            logger.info(
                "ledger running",
                metadata: ["ledger.origin": .string(ledger.origin), "ledger.size": .stringConvertible(stored.treeSize)])
        } catch {
            logger.error("ledger checkpoint failed", metadata: ["error": "\(error)"])
        }
        try? await gracefulShutdown()
        do {
            // In a task of its own, so that the last checkpoint is still written when the
            // service group cancels its services rather than waiting for them.
            let ledger = self.ledger
            try await Task { try await ledger.close() }.value
        } catch {
            logger.error("ledger closing checkpoint failed", metadata: ["error": "\(error)"])
        }
    }

    /// Appends the entries of some kind of record a crash left unlogged, logging what happened;
    /// a failure is logged and does not stop the server.
    private func appendMissing(_ what: String, _ append: () async throws -> Int) async {
        do {
            let appended = try await append()
            if appended > 0 {
                logger.notice("ledger: appended missing \(what)", metadata: ["count": .stringConvertible(appended)])
            }
        } catch {
            logger.error("ledger: cannot append missing \(what)", metadata: ["error": "\(error)"])
        }
    }
}
