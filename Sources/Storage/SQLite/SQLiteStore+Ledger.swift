import Foundation
import GRDB
public import Ledger

/// The ledger in SQLite: `ledger_entries`, `ledger_nodes`, `ledger_head`, `ledger_checkpoints`
/// (migration `0003_ledger`).
///
/// Appends run in one `BEGIN IMMEDIATE` transaction, which takes SQLite's write lock before the
/// head is read, so appends from several processes on one file are serialised and never fork the
/// tree. They commit with the store's `synchronous = NORMAL`; checkpoints are written with
/// `durableWrite`, whose sync also covers every append before it, so a checkpoint never survives
/// a power cut that its leaves do not.
extension SQLiteStore: LedgerStore {
    /// Appends leaves, the subtrees they complete and the new head in one transaction: two
    /// cached prepared statements, bound through the C API (`SQLiteRawStatement`), one row per leaf
    /// and one per completed subtree (about one per leaf).
    public func appendLedgerLeaves(_ leaves: [LedgerLeaf]) async throws -> LedgerAppend {
        try await pool.writeWithoutTransaction { db in
            var outcome: LedgerAppend?
            try db.inTransaction(.immediate) {
                let size = try Self.ledgerHead(db).size
                let edge = try CompactRange(
                    size: size, hashes: try Self.nodeHashes(CompactRange.nodes(forSize: size), db))
                let plan = LedgerAppendPlan(appending: leaves, to: edge)
                let insertEntry = try SQLiteRawStatement(
                    db,
                    sql: """
                        INSERT INTO ledger_entries
                            (leaf_index, kind, record_table, record_key, recorded_at, actor, payload_digest, leaf_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                var index = Int64(plan.indices.lowerBound)
                for leaf in leaves {
                    let entry = leaf.entry
                    insertEntry.bind(index, at: 1)
                    insertEntry.bind(entry.kind.rawValue, at: 2)
                    insertEntry.bind(entry.record.table, at: 3)
                    insertEntry.bind(entry.record.key, at: 4)
                    insertEntry.bind(entry.microsecondsSince1970, at: 5)
                    insertEntry.bind(entry.actor, at: 6)
                    insertEntry.bind(entry.payloadDigest, at: 7)
                    insertEntry.bind(leaf.hash, at: 8)
                    try insertEntry.execute()
                    index += 1
                }
                let insertNode = try SQLiteRawStatement(
                    db, sql: "INSERT INTO ledger_nodes (node_key, hash) VALUES (?, ?)")
                for (node, hash) in plan.nodes {
                    insertNode.bind(node.storageKey, at: 1)
                    insertNode.bind(hash, at: 2)
                    try insertNode.execute()
                }
                try db.execute(
                    literal: """
                        UPDATE ledger_head SET tree_size = \(Int64(plan.head.size)), root_hash = \(plan.head.root.data)
                        WHERE id = 1
                        """)
                outcome = plan.outcome
                return .commit
            }
            guard let outcome else { preconditionFailure("a committed transaction produced its result") }
            return outcome
        }
    }

    /// The head row.
    public func ledgerTreeHead() async throws -> TreeHead {
        try await pool.read { db in try Self.ledgerHead(db) }
    }

    /// Stored hashes by node, one cached point read each, in one read transaction.
    public func ledgerNodeHashes(_ nodes: [NodeID]) async throws -> [LedgerHash] {
        try await pool.read { db in try Self.nodeHashes(nodes, db) }
    }

    /// Entries from a position on, as stored, read through the C API (`SQLiteRawStatement`):
    /// an audit reads every entry of the log this way.
    public func ledgerLeaves(from start: UInt64, limit: Int) async throws -> [StoredLedgerLeaf] {
        try await pool.read { db in
            let query = try SQLiteRawStatement(
                db,
                sql: """
                    SELECT leaf_index, kind, record_table, record_key, recorded_at, actor, payload_digest, leaf_hash
                    FROM ledger_entries WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?
                    """)
            query.bind(Self.position(start), at: 1)
            query.bind(Int64(limit), at: 2)
            var leaves: [StoredLedgerLeaf] = []
            leaves.reserveCapacity(min(limit, 1 << 16))
            try query.forEachRow {
                leaves.append(
                    StoredLedgerLeaf(
                        index: UInt64(max(0, query.int64(0))), kind: query.text(1), recordTable: query.text(2),
                        recordKey: query.text(3), microsecondsSince1970: query.int64(4), actor: query.text(5),
                        payloadDigest: query.bytes(6), leafHash: query.bytes(7)))
            }
            return leaves
        }
    }

    /// Stored subtree hashes completed by a run of leaves: one range of the key, read through the
    /// C API like the entries.
    public func ledgerNodes(completedBy leaves: Range<UInt64>) async throws -> [StoredNode] {
        let keys = NodeID.storageKeys(completedBy: leaves)
        return try await pool.read { db in
            let query = try SQLiteRawStatement(
                db,
                sql: "SELECT node_key, hash FROM ledger_nodes WHERE node_key >= ? AND node_key < ? ORDER BY node_key")
            query.bind(keys.lowerBound, at: 1)
            query.bind(keys.upperBound, at: 2)
            var nodes: [StoredNode] = []
            try query.forEachRow { nodes.append(StoredNode(storageKey: query.int64(0), hash: query.bytes(1))) }
            return nodes
        }
    }

    /// Stores a checkpoint (keeping an existing one of its size), synced to disk.
    public func storeLedgerCheckpoint(_ checkpoint: StoredCheckpoint) async throws {
        let size = Self.position(checkpoint.treeSize)
        let root = Data(checkpoint.rootHash)
        let signedAt = checkpoint.signedAt.microsecondsSince1970
        try await durableWrite { db in
            try db.execute(
                literal: """
                    INSERT INTO ledger_checkpoints (tree_size, root_hash, note, signed_at)
                    VALUES (\(size), \(root), \(checkpoint.note), \(signedAt))
                    ON CONFLICT (tree_size) DO NOTHING
                    """)
        }
    }

    /// The largest checkpoint.
    public func latestLedgerCheckpoint() async throws -> StoredCheckpoint? {
        try await pool.read { db in
            try db.row(
                "SELECT tree_size, root_hash, note, signed_at FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1"
            ).map(Self.checkpoint)
        }
    }

    /// Checkpoints from a size on.
    public func ledgerCheckpoints(fromSize minimumSize: UInt64, limit: Int) async throws -> [StoredCheckpoint] {
        try await pool.read { db in
            try db.rows(
                """
                SELECT tree_size, root_hash, note, signed_at FROM ledger_checkpoints
                WHERE tree_size >= \(Self.position(minimumSize)) ORDER BY tree_size LIMIT \(limit)
                """
            ).map(Self.checkpoint)
        }
    }

    /// The head row; a missing or malformed one means the database was edited by hand.
    private static func ledgerHead(_ db: Database) throws -> TreeHead {
        guard let row = try db.row("SELECT tree_size, root_hash FROM ledger_head WHERE id = 1") else {
            throw CorruptRow(table: "ledger_head", problem: "the head row is missing")
        }
        let size: Int64 = try row.decode(atIndex: 0)
        let root: Data = try row.decode(atIndex: 1)
        guard size >= 0, let hash = try? LedgerHash(bytes: root) else {
            throw CorruptRow(table: "ledger_head", problem: "size \(size) with a \(root.count)-byte root")
        }
        return TreeHead(size: UInt64(size), root: hash)
    }

    /// The stored hashes of some nodes, level 0 from the entries.
    private static func nodeHashes(_ nodes: [NodeID], _ db: Database) throws -> [LedgerHash] {
        let leafHash = try db.cachedStatement(sql: "SELECT leaf_hash FROM ledger_entries WHERE leaf_index = ?")
        let nodeHash = try db.cachedStatement(sql: "SELECT hash FROM ledger_nodes WHERE node_key = ?")
        return try nodes.map { node in
            let stored =
                node.level == 0
                ? try Data.fetchOne(leafHash, arguments: [position(node.index)])
                : try Data.fetchOne(nodeHash, arguments: [node.storageKey])
            guard let stored else { throw LedgerError.missingNode(node) }
            guard let hash = try? LedgerHash(bytes: stored) else {
                throw LedgerError.corruptTree("the stored hash of subtree \(node) has \(stored.count) bytes")
            }
            return hash
        }
    }

    /// A checkpoint from `tree_size, root_hash, note, signed_at`.
    private static func checkpoint(_ row: Row) throws -> StoredCheckpoint {
        let size: Int64 = try row.decode(atIndex: 0)
        let root: Data = try row.decode(atIndex: 1)
        return StoredCheckpoint(
            treeSize: UInt64(max(0, size)), rootHash: Array(root), note: try row.decode(atIndex: 2),
            signedAt: Date(microsecondsSince1970: try row.decode(atIndex: 3)))
    }

    /// A position or size as SQLite's signed 64-bit integer (positions beyond it do not occur;
    /// an open upper bound is clamped).
    private static func position(_ value: UInt64) -> Int64 {
        Int64(clamping: value)
    }
}
