import Foundation
public import Ledger
import PostgresNIO

/// The ledger in PostgreSQL: `ledger_entries`, `ledger_nodes`, `ledger_head`,
/// `ledger_checkpoints` (migration `0003_ledger`).
///
/// An append locks the head row (`SELECT … FOR UPDATE`) for its transaction, so appends from
/// every server instance sharing the database are serialised and the tree never forks; the
/// batch's entries and subtrees go in as column arrays through `unnest`, one statement each.
extension PostgresStore: LedgerStore {
    /// Appends leaves, the subtrees they complete and the new head in one transaction.
    public func appendLedgerLeaves(_ leaves: [LedgerLeaf]) async throws -> LedgerAppend {
        let logger = self.logger
        return try await transaction { connection in
            let head = try await connection.query(
                "SELECT tree_size FROM ledger_head WHERE id = 1 FOR UPDATE", logger: logger
            ).collect()
            guard let sizeRow = head.first, let size = UInt64(exactly: try sizeRow.decode(Int64.self)) else {
                throw CorruptRow(table: "ledger_head", problem: "the head row is missing or negative")
            }
            let edgeNodes = CompactRange.nodes(forSize: size)
            let edgeHashes = try await Self.nodeHashes(edgeNodes) { query in
                try await connection.query(query, logger: logger).collect()
            }
            let plan = LedgerAppendPlan(appending: leaves, to: try CompactRange(size: size, hashes: edgeHashes))
            try await Self.insertEntries(leaves, from: plan.indices.lowerBound, on: connection, logger: logger)
            if !plan.nodes.isEmpty {
                let keys = plan.nodes.map(\.node.storageKey)
                let hashes = plan.nodes.map { ByteBuffer(bytes: $0.hash.bytes) }
                try await connection.query(
                    """
                    INSERT INTO ledger_nodes (node_key, hash)
                    SELECT * FROM unnest(\(keys)::bigint[], \(hashes)::bytea[])
                    """, logger: logger)
            }
            try await connection.query(
                """
                UPDATE ledger_head SET tree_size = \(Int64(plan.head.size)),
                    root_hash = \(ByteBuffer(bytes: plan.head.root.bytes))
                WHERE id = 1
                """, logger: logger)
            return plan.outcome
        }
    }

    /// The head row.
    public func ledgerTreeHead() async throws -> TreeHead {
        guard let row = try await rows("SELECT tree_size, root_hash FROM ledger_head WHERE id = 1").first else {
            throw CorruptRow(table: "ledger_head", problem: "the head row is missing")
        }
        let (size, root) = try row.decode((Int64, ByteBuffer).self)
        guard size >= 0, let hash = try? LedgerHash(bytes: root.readableBytesView) else {
            throw CorruptRow(table: "ledger_head", problem: "size \(size) with a \(root.readableBytes)-byte root")
        }
        return TreeHead(size: UInt64(size), root: hash)
    }

    /// Stored hashes by node, in one statement.
    public func ledgerNodeHashes(_ nodes: [NodeID]) async throws -> [LedgerHash] {
        try await Self.nodeHashes(nodes) { query in try await self.rows(query) }
    }

    /// Entries from a position on, as stored.
    public func ledgerLeaves(from start: UInt64, limit: Int) async throws -> [StoredLedgerLeaf] {
        var leaves: [StoredLedgerLeaf] = []
        let rows = try await client.query(
            """
            SELECT leaf_index, kind, record_table, record_key, recorded_at, actor, payload_digest, leaf_hash
            FROM ledger_entries WHERE leaf_index >= \(Int64(clamping: start)) ORDER BY leaf_index LIMIT \(Int64(limit))
            """, logger: logger)
        for try await (index, kind, table, key, recordedAt, actor, digest, hash) in rows.decode(
            (Int64, String, String, String, PostgresInstant, String, ByteBuffer, ByteBuffer).self)
        {
            leaves.append(
                StoredLedgerLeaf(
                    index: UInt64(max(0, index)), kind: kind, recordTable: table, recordKey: key,
                    microsecondsSince1970: recordedAt.microsecondsSince1970, actor: actor,
                    payloadDigest: Array(digest.readableBytesView), leafHash: Array(hash.readableBytesView)))
        }
        return leaves
    }

    /// Stored subtree hashes completed by a run of leaves: one range of the key.
    public func ledgerNodes(completedBy leaves: Range<UInt64>) async throws -> [StoredNode] {
        let keys = NodeID.storageKeys(completedBy: leaves)
        var nodes: [StoredNode] = []
        let rows = try await client.query(
            """
            SELECT node_key, hash FROM ledger_nodes
            WHERE node_key >= \(keys.lowerBound) AND node_key < \(keys.upperBound) ORDER BY node_key
            """, logger: logger)
        for try await (key, hash) in rows.decode((Int64, ByteBuffer).self) {
            nodes.append(StoredNode(storageKey: key, hash: Array(hash.readableBytesView)))
        }
        return nodes
    }

    /// Stores a checkpoint, keeping an existing one of its size. PostgreSQL commits durably
    /// (`synchronous_commit`), and so did every append before it.
    public func storeLedgerCheckpoint(_ checkpoint: StoredCheckpoint) async throws {
        _ = try await rows(
            """
            INSERT INTO ledger_checkpoints (tree_size, root_hash, note, signed_at)
            VALUES (\(Int64(clamping: checkpoint.treeSize)), \(ByteBuffer(bytes: checkpoint.rootHash)),
                    \(checkpoint.note), \(PostgresInstant(checkpoint.signedAt)))
            ON CONFLICT (tree_size) DO NOTHING
            """)
    }

    /// The largest checkpoint.
    public func latestLedgerCheckpoint() async throws -> StoredCheckpoint? {
        try await rows(
            "SELECT tree_size, root_hash, note, signed_at FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1"
        ).first.map(Self.checkpoint)
    }

    /// Checkpoints from a size on.
    public func ledgerCheckpoints(fromSize minimumSize: UInt64, limit: Int) async throws -> [StoredCheckpoint] {
        try await rows(
            """
            SELECT tree_size, root_hash, note, signed_at FROM ledger_checkpoints
            WHERE tree_size >= \(Int64(clamping: minimumSize)) ORDER BY tree_size LIMIT \(Int64(limit))
            """
        ).map(Self.checkpoint)
    }

    /// Inserts a batch's entries at consecutive positions from `first`, as column arrays.
    private static func insertEntries(
        _ leaves: [LedgerLeaf], from first: UInt64, on connection: PostgresConnection, logger: Logger
    ) async throws {
        var indices: [Int64] = []
        var kinds: [String] = []
        var tables: [String] = []
        var keys: [String] = []
        var times: [PostgresInstant] = []
        var actors: [String] = []
        var digests: [ByteBuffer] = []
        var hashes: [ByteBuffer] = []
        for (offset, leaf) in leaves.enumerated() {
            let entry = leaf.entry
            indices.append(Int64(first) + Int64(offset))
            kinds.append(entry.kind.rawValue)
            tables.append(entry.record.table)
            keys.append(entry.record.key)
            times.append(PostgresInstant(microsecondsSince1970: entry.microsecondsSince1970))
            actors.append(entry.actor)
            digests.append(ByteBuffer(bytes: entry.payloadDigest.bytes))
            hashes.append(ByteBuffer(bytes: leaf.hash.bytes))
        }
        try await connection.query(
            """
            INSERT INTO ledger_entries
                (leaf_index, kind, record_table, record_key, recorded_at, actor, payload_digest, leaf_hash)
            SELECT * FROM unnest(\(indices)::bigint[], \(kinds)::text[], \(tables)::text[], \(keys)::text[],
                                 \(times)::timestamptz[], \(actors)::text[], \(digests)::bytea[], \(hashes)::bytea[])
            """, logger: logger)
    }

    /// The stored hashes of some nodes (level 0 from the entries), in one query run by `run`.
    private static func nodeHashes(
        _ nodes: [NodeID], run: (PostgresQuery) async throws -> [PostgresRow]
    ) async throws -> [LedgerHash] {
        guard !nodes.isEmpty else { return [] }
        let leafIndices = nodes.filter { $0.level == 0 }.map { Int64($0.index) }
        let keys = nodes.filter { $0.level > 0 }.map(\.storageKey)
        let rows = try await run(
            """
            SELECT 0::smallint, leaf_index, leaf_hash FROM ledger_entries WHERE leaf_index = ANY(\(leafIndices)::bigint[])
            UNION ALL
            SELECT 1::smallint, node_key, hash FROM ledger_nodes WHERE node_key = ANY(\(keys)::bigint[])
            """)
        var found: [NodeID: LedgerHash] = [:]
        for row in rows {
            let (table, key, hash) = try row.decode((Int16, Int64, ByteBuffer).self)
            guard let node = table == 0 ? NodeID(level: 0, index: UInt64(max(0, key))) : NodeID(storageKey: key) else {
                continue
            }
            guard let value = try? LedgerHash(bytes: hash.readableBytesView) else {
                throw LedgerError.corruptTree("the stored hash of subtree \(node) has \(hash.readableBytes) bytes")
            }
            found[node] = value
        }
        return try nodes.map { node in
            guard let hash = found[node] else { throw LedgerError.missingNode(node) }
            return hash
        }
    }

    /// A checkpoint from `tree_size, root_hash, note, signed_at`.
    private static func checkpoint(_ row: PostgresRow) throws -> StoredCheckpoint {
        let (size, root, note, signedAt) = try row.decode((Int64, ByteBuffer, String, PostgresInstant).self)
        return StoredCheckpoint(
            treeSize: UInt64(max(0, size)), rootHash: Array(root.readableBytesView), note: note, signedAt: signedAt.date
        )
    }
}

extension PostgresInstant {
    /// An instant from whole microseconds since 1970, exactly (a ledger time never passes
    /// through `Date`).
    fileprivate init(microsecondsSince1970 value: Int64) {
        self.init(Date(timeIntervalSince1970: 0))
        microsecondsSince1970 = value
    }
}
