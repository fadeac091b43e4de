import Foundation
import GRDB
import Ledger
import Logging
import PostgresNIO
import Storage

/// Edits the ledger's rows directly in the database file or server, behind the stores' backs:
/// what someone with write access to the database (but not the signing key) could do.
struct LedgerRowEditor {
    /// The database to edit.
    let location: DatabaseLocation

    /// Runs statements on a connection of its own: GRDB on the SQLite file, PostgresNIO on the
    /// server. Each closure runs only for its backend.
    func edit(
        sqlite: @escaping @Sendable (Database) throws -> Void,
        postgres: (PostgresConnection, Logger) async throws -> Void
    ) async throws {
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try sqlite(db) }
            try queue.close()
        case .postgres(let text):
            let url = try PostgresURL(parsing: text)
            let logger = StoreFixture.logger
            let connection = try await PostgresConnection.connect(
                configuration: PostgresConnection.Configuration(
                    host: url.host, port: url.port, username: url.username, password: url.password,
                    database: url.database, tls: .disable),
                id: 1, logger: logger)
            do {
                try await postgres(connection, logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        }
    }

    /// Sets one text column of one entry.
    func setText(_ column: Column, of index: Int64, to value: String) async throws {
        try await edit(
            sqlite: { db in
                try db.execute(
                    literal: "UPDATE ledger_entries SET \(column.sqlite) = \(value) WHERE leaf_index = \(index)")
            },
            postgres: { connection, logger in
                switch column {
                case .actor:
                    try await connection.query(
                        "UPDATE ledger_entries SET actor = \(value) WHERE leaf_index = \(index)", logger: logger)
                case .recordKey:
                    try await connection.query(
                        "UPDATE ledger_entries SET record_key = \(value) WHERE leaf_index = \(index)", logger: logger)
                }
            })
    }

    /// Sets one entry's stored leaf hash.
    func setLeafHash(of index: Int64, to hash: LedgerHash) async throws {
        try await edit(
            sqlite: { db in
                try db.execute(
                    literal: "UPDATE ledger_entries SET leaf_hash = \(hash.data) WHERE leaf_index = \(index)")
            },
            postgres: { connection, logger in
                try await connection.query(
                    "UPDATE ledger_entries SET leaf_hash = \(ByteBuffer(bytes: hash.bytes)) WHERE leaf_index = \(index)",
                    logger: logger)
            })
    }

    /// Sets one stored subtree hash.
    func setNodeHash(_ node: NodeID, to hash: [UInt8]) async throws {
        let key = node.storageKey
        try await edit(
            sqlite: { db in
                try db.execute(literal: "UPDATE ledger_nodes SET hash = \(Data(hash)) WHERE node_key = \(key)")
            },
            postgres: { connection, logger in
                try await connection.query(
                    "UPDATE ledger_nodes SET hash = \(ByteBuffer(bytes: hash)) WHERE node_key = \(key)", logger: logger)
            })
    }

    /// Sets the tree head's root.
    func setHeadRoot(_ root: LedgerHash) async throws {
        try await edit(
            sqlite: { db in try db.execute(literal: "UPDATE ledger_head SET root_hash = \(root.data)") },
            postgres: { connection, logger in
                try await connection.query(
                    "UPDATE ledger_head SET root_hash = \(ByteBuffer(bytes: root.bytes))", logger: logger)
            })
    }

    /// Deletes one entry.
    func delete(_ index: Int64) async throws {
        try await edit(
            sqlite: { db in try db.execute(literal: "DELETE FROM ledger_entries WHERE leaf_index = \(index)") },
            postgres: { connection, logger in
                try await connection.query("DELETE FROM ledger_entries WHERE leaf_index = \(index)", logger: logger)
            })
    }

    /// Moves every entry from `index` on one place up, making room at `index`.
    func shiftUp(from index: Int64) async throws {
        try await edit(
            sqlite: { db in
                try db.execute(
                    literal: "UPDATE ledger_entries SET leaf_index = -leaf_index - 1 WHERE leaf_index >= \(index)")
                try db.execute(literal: "UPDATE ledger_entries SET leaf_index = -leaf_index WHERE leaf_index < 0")
            },
            postgres: { connection, logger in
                try await connection.query(
                    "UPDATE ledger_entries SET leaf_index = -leaf_index - 1 WHERE leaf_index >= \(index)",
                    logger: logger)
                try await connection.query(
                    "UPDATE ledger_entries SET leaf_index = -leaf_index WHERE leaf_index < 0", logger: logger)
            })
    }

    /// Swaps the positions of two entries.
    func swap(_ first: Int64, _ second: Int64) async throws {
        try await edit(
            sqlite: { db in
                try db.execute(literal: "UPDATE ledger_entries SET leaf_index = -1 WHERE leaf_index = \(first)")
                try db.execute(literal: "UPDATE ledger_entries SET leaf_index = \(first) WHERE leaf_index = \(second)")
                try db.execute(literal: "UPDATE ledger_entries SET leaf_index = \(second) WHERE leaf_index = -1")
            },
            postgres: { connection, logger in
                try await connection.query(
                    "UPDATE ledger_entries SET leaf_index = -1 WHERE leaf_index = \(first)", logger: logger)
                try await connection.query(
                    "UPDATE ledger_entries SET leaf_index = \(first) WHERE leaf_index = \(second)", logger: logger)
                try await connection.query(
                    "UPDATE ledger_entries SET leaf_index = \(second) WHERE leaf_index = -1", logger: logger)
            })
    }

    /// Inserts an entry with its correct leaf hash at a position.
    func insert(_ entry: LedgerEntry, at index: Int64) async throws {
        let hash = try entry.leafHash()
        try await edit(
            sqlite: { db in
                try db.execute(
                    literal: """
                        INSERT INTO ledger_entries
                            (leaf_index, kind, record_table, record_key, recorded_at, actor, payload_digest, leaf_hash)
                        VALUES (\(index), \(entry.kind.rawValue), \(entry.record.table), \(entry.record.key),
                                \(entry.microsecondsSince1970), \(entry.actor), \(entry.payloadDigest.data), \(hash.data))
                        """)
            },
            postgres: { connection, logger in
                try await connection.query(
                    """
                    INSERT INTO ledger_entries
                        (leaf_index, kind, record_table, record_key, recorded_at, actor, payload_digest, leaf_hash)
                    VALUES (\(index), \(entry.kind.rawValue), \(entry.record.table), \(entry.record.key),
                            to_timestamp(0) + \(entry.microsecondsSince1970) * interval '1 microsecond', \(entry.actor),
                            \(ByteBuffer(bytes: entry.payloadDigest.bytes)), \(ByteBuffer(bytes: hash.bytes)))
                    """, logger: logger)
            })
    }

    /// Replaces a checkpoint's signed note.
    func setCheckpointNote(size: Int64, to note: String) async throws {
        try await edit(
            sqlite: { db in
                try db.execute(literal: "UPDATE ledger_checkpoints SET note = \(note) WHERE tree_size = \(size)")
            },
            postgres: { connection, logger in
                try await connection.query(
                    "UPDATE ledger_checkpoints SET note = \(note) WHERE tree_size = \(size)", logger: logger)
            })
    }

    /// Replaces a checkpoint's stored root column.
    func setCheckpointRoot(size: Int64, to root: [UInt8]) async throws {
        try await edit(
            sqlite: { db in
                try db.execute(
                    literal: "UPDATE ledger_checkpoints SET root_hash = \(Data(root)) WHERE tree_size = \(size)")
            },
            postgres: { connection, logger in
                try await connection.query(
                    "UPDATE ledger_checkpoints SET root_hash = \(ByteBuffer(bytes: root)) WHERE tree_size = \(size)",
                    logger: logger)
            })
    }

    /// The text columns the tests edit.
    enum Column {
        case actor
        case recordKey

        /// The column in SQLite (a constant of this enum, never input).
        var sqlite: SQL {
            switch self {
            case .actor: "actor"
            case .recordKey: "record_key"
            }
        }
    }
}
