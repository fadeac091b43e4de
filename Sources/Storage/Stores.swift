public import Access
public import Governance
public import Ledger
public import Logging
public import Passport
public import Recalls
public import Trace

/// The stores a process works with, opened once at start-up from a `DatabaseLocation` and closed
/// once at shutdown. Every protocol is served by the same backend object, so they share one
/// connection pool.
public struct Stores: Sendable {
    /// Organisations, prefixes and tokens.
    public let access: any AccessStore
    /// Products, batches, issuances and scans.
    public let passport: any PassportStore
    /// The tamper-evident ledger's entries, subtree hashes and checkpoints.
    public let ledger: any LedgerStore
    /// Captured EPCIS events and capture jobs.
    public let events: any EventStore
    /// The lot index and lookups behind recall scoping, over the same events.
    public let recallScope: any RecallScopeStore
    /// Parties, documents, blacklist, regulator lists and onboarding reviews.
    public let governance: any GovernanceStore
    /// Recall records, their milestones, notices, returns and events.
    public let recalls: any RecallStore
    /// Where the data lives.
    public let location: DatabaseLocation
    /// The backend object behind the protocols.
    private let backend: Backend

    /// The concrete store, kept so that it can be migrated and closed.
    private enum Backend: Sendable {
        case sqlite(SQLiteStore)
        case postgres(PostgresStore)
    }

    /// Wraps an opened backend.
    private init(backend: Backend, location: DatabaseLocation) {
        switch backend {
        case .sqlite(let store):
            access = store
            passport = store
            ledger = store
            events = store
            recallScope = store
            governance = store
            recalls = store
        case .postgres(let store):
            access = store
            passport = store
            ledger = store
            events = store
            recallScope = store
            governance = store
            recalls = store
        }
        self.backend = backend
        self.location = location
    }

    /// Opens the database (creating an SQLite file on first use) and applies any pending
    /// migrations, so the schema is current before the first request.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> Stores {
        let stores = try await connect(location, logger: logger)
        do {
            let applied = try await stores.applyMigrations()
            if !applied.isEmpty {
                logger.debug(
                    "database migrated",
                    metadata: ["database": "\(location)", "applied": .array(applied.map { .string($0) })])
            }
        } catch {
            await stores.close()
            throw error
        }
        return stores
    }

    /// Applies pending migrations to a database and returns the names applied now (empty when it
    /// was up to date), for `qloop migrate`.
    public static func migrate(_ location: DatabaseLocation, logger: Logger) async throws -> [String] {
        let stores = try await connect(location, logger: logger)
        do {
            let applied = try await stores.applyMigrations()
            await stores.close()
            return applied
        } catch {
            await stores.close()
            throw error
        }
    }

    /// The names of every migration this build knows, in order.
    public static var migrationNames: [String] { Migration.all.map(\.name) }

    /// Closes the connection pool. Call once, after the last use.
    public func close() async {
        switch backend {
        case .sqlite(let store):
            // Closing checkpoints the WAL and syncs the file: blocking I/O, kept off the
            // cooperative pool. It fails only while statements are still running, when the
            // process is ending anyway.
            try? await Blocking.run { try store.close() }
        case .postgres(let store):
            await store.close()
        }
    }

    /// Opens the backend without touching the schema.
    private static func connect(_ location: DatabaseLocation, logger: Logger) async throws -> Stores {
        switch location {
        case .sqlite(let path):
            // Opening creates the file and switches it to WAL, which syncs: blocking I/O that
            // would hold one of Swift Concurrency's few cooperative threads.
            let store = try await Blocking.run { try SQLiteStore(path: path, logger: logger) }
            return Stores(backend: .sqlite(store), location: location)
        case .postgres(let url):
            let parsed = try PostgresURL(parsing: url)
            return Stores(backend: .postgres(PostgresStore(url: parsed, logger: logger)), location: location)
        }
    }

    /// Runs the backend's migrator.
    private func applyMigrations() async throws -> [String] {
        switch backend {
        case .sqlite(let store): try await store.migrate()
        case .postgres(let store): try await store.migrate()
        }
    }
}
