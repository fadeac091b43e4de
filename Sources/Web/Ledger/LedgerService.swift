public import Ledger
public import Logging
public import ServiceLifecycle

/// Runs the ledger beside the server: signs a checkpoint at start-up (so a new log publishes the
/// empty tree at once) and, on graceful shutdown, after the server has drained its requests,
/// signs a last one over every leaf appended. Between the two, the `Ledger` actor checkpoints
/// by itself at least once a second while leaves arrive.
public struct LedgerService: Service {
    /// The log.
    public let ledger: Ledger
    /// Where problems are reported.
    let logger: Logger

    /// A service for a log.
    public init(ledger: Ledger, logger: Logger) {
        self.ledger = ledger
        self.logger = logger
    }

    /// Checkpoints, waits for shutdown, checkpoints again.
    public func run() async throws {
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
            try await ledger.close()
        } catch {
            logger.error("ledger closing checkpoint failed", metadata: ["error": "\(error)"])
        }
    }
}
