import GRDB
public import Trace

extension SQLiteStore: RecallScopeStore {
    /// Indexes the events captured since the last call; see `RecallScopeStore.indexLots`.
    @discardableResult
    public func indexLots() async throws -> Int {
        var read = 0
        while true {
            // Decode outside the write transaction; the write takes the slice only if no other
            // indexer took it meanwhile.
            let slice = try await pool.read { db -> (from: Int64, to: Int64, events: [(Int64, String)])? in
                let from = try Int64.fetchOne(db, sql: "SELECT indexed_seq FROM epcis_lot_index WHERE id = 1") ?? 0
                guard let last = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM epcis_events"), last > from else {
                    return nil
                }
                let to = min(last, from + RecallScopeSQL.sliceSize)
                let statement = try SQLiteRawStatement(
                    db,
                    sql: """
                        SELECT seq, event_json FROM epcis_events WHERE seq > ? AND seq <= ?
                        AND (instr(event_json, 'lotNumber') > 0 OR instr(event_json, '/10/') > 0)
                        """)
                statement.bind(from, at: 1)
                statement.bind(to, at: 2)
                var events: [(Int64, String)] = []
                try statement.forEachRow { events.append((statement.int64(0), statement.text(1))) }
                return (from, to, events)
            }
            guard let slice else { return read }
            let memberships = RecallScopeSQL.memberships(of: slice.events.map { (sequence: $0.0, json: $0.1) })
            try await pool.write { db in
                let current = try Int64.fetchOne(db, sql: "SELECT indexed_seq FROM epcis_lot_index WHERE id = 1") ?? 0
                guard current == slice.from else { return }
                let insertUnit = try SQLiteRawStatement(
                    db,
                    sql: "INSERT OR IGNORE INTO epcis_lot_units (gtin, lot, identity, event_seq) VALUES (?, ?, ?, ?)")
                var added: [LotMembership] = []
                for (membership, sequence) in memberships {
                    insertUnit.bind(membership.gtin, at: 1)
                    insertUnit.bind(membership.lot, at: 2)
                    insertUnit.bind(membership.identity, at: 3)
                    insertUnit.bind(sequence, at: 4)
                    try insertUnit.execute()
                    if db.changesCount == 1 { added.append(membership) }
                }
                // The slice's rows naming units of any lot, those just learnt included.
                try db.execute(
                    literal: """
                        INSERT OR IGNORE INTO epcis_lot_rows (gtin, lot, role, event_seq, identity)
                        SELECT m.gtin, m.lot, i.role, i.event_seq, i.identity
                        FROM epcis_event_identifiers i JOIN epcis_lot_units m ON m.identity = i.identity
                        WHERE i.event_seq > \(slice.from) AND i.event_seq <= \(slice.to)
                        """)
                try db.execute(
                    literal: """
                        INSERT OR IGNORE INTO epcis_lot_events (gtin, lot, role, event_seq)
                        SELECT DISTINCT m.gtin, m.lot, i.role, i.event_seq
                        FROM epcis_event_identifiers i JOIN epcis_lot_units m ON m.identity = i.identity
                        WHERE i.event_seq > \(slice.from) AND i.event_seq <= \(slice.to)
                        """)
                // Earlier events naming units learnt only now (captured before their commissioning).
                if slice.from > 0 {
                    let insertEarlier = try SQLiteRawStatement(
                        db,
                        sql: """
                            INSERT OR IGNORE INTO epcis_lot_rows (gtin, lot, role, event_seq, identity)
                            SELECT ?, ?, role, event_seq, identity FROM epcis_event_identifiers
                            WHERE identity = ? AND event_seq <= ?
                            """)
                    let insertEarlierEvents = try SQLiteRawStatement(
                        db,
                        sql: """
                            INSERT OR IGNORE INTO epcis_lot_events (gtin, lot, role, event_seq)
                            SELECT ?, ?, role, event_seq FROM epcis_event_identifiers
                            WHERE identity = ? AND event_seq <= ?
                            """)
                    for membership in Set(added) {
                        for statement in [insertEarlier, insertEarlierEvents] {
                            statement.bind(membership.gtin, at: 1)
                            statement.bind(membership.lot, at: 2)
                            statement.bind(membership.identity, at: 3)
                            statement.bind(slice.from, at: 4)
                            try statement.execute()
                        }
                    }
                }
                try db.execute(literal: "UPDATE epcis_lot_index SET indexed_seq = \(slice.to) WHERE id = 1")
            }
            read += Int(slice.to - slice.from)
        }
    }

    /// The units stated to belong to a batch, in identity order.
    public func lotUnits(gtin: String, lot: String, visibleTo organisationID: Int64?) async throws -> [String] {
        // Without an organisation, no owner check: a million of them cost a tenth of a second.
        let sql =
            organisationID == nil
            ? "SELECT DISTINCT identity FROM epcis_lot_units WHERE gtin = ?1 AND lot = ?2 ORDER BY identity"
            : """
            SELECT DISTINCT identity FROM epcis_lot_units u WHERE gtin = ?1 AND lot = ?2
            AND EXISTS (SELECT 1 FROM epcis_event_owners o WHERE o.event_seq = u.event_seq AND o.organisation_id = ?3)
            ORDER BY identity
            """
        return try await pool.read { db in
            let statement = try SQLiteRawStatement(db, sql: sql)
            statement.bind(gtin, at: 1)
            statement.bind(lot, at: 2)
            if let organisationID { statement.bind(organisationID, at: 3) }
            var units: [String] = []
            try statement.forEachRow { units.append(statement.text(0)) }
            return units
        }
    }

    /// The identifier rows of the events naming a batch's units.
    public func lotRows(gtin: String, lot: String, withIdentities: Bool, visibleTo organisationID: Int64?)
        async throws -> [ScopeRow]
    {
        // Without identities, the lot's events come from `epcis_lot_events`: a row per event and
        // role rather than per unit.
        let source =
            withIdentities
            ? "identity, role, event_seq FROM epcis_lot_rows" : "'', role, event_seq FROM epcis_lot_events"
        let sql = """
            SELECT \(source) r WHERE gtin = ? AND lot = ?
            AND (?3 IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                 WHERE o.event_seq = r.event_seq AND o.organisation_id = ?3))
            """
        return try await pool.read { db in
            let statement = try SQLiteRawStatement(db, sql: sql)
            statement.bind(gtin, at: 1)
            statement.bind(lot, at: 2)
            statement.bind(organisationID, at: 3)
            return try Self.scopeRows(statement, table: "epcis_lot_rows")
        }
    }

    /// The identifier rows naming any of the identities, in visible events.
    public func rows(naming identities: [String], visibleTo organisationID: Int64?) async throws -> [ScopeRow] {
        guard !identities.isEmpty else { return [] }
        // In key order, so that consecutive probes find their pages already read.
        let list = RecallScopeSQL.jsonArray(identities.sorted())
        return try await pool.read { db in
            let statement = try SQLiteRawStatement(
                db,
                sql: """
                    SELECT i.identity, i.role, i.event_seq FROM epcis_event_identifiers i
                    WHERE i.identity IN (SELECT value FROM json_each(?1))
                    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                         WHERE o.event_seq = i.event_seq AND o.organisation_id = ?2))
                    """)
            statement.bind(list, at: 1)
            statement.bind(organisationID, at: 2)
            return try Self.scopeRows(statement, table: "epcis_event_identifiers")
        }
    }

    /// The identifier rows of events, in some roles.
    public func rows(ofEvents sequences: [Int64], roles: Set<EventIdentifierRole>) async throws -> [ScopeRow] {
        guard !sequences.isEmpty, !roles.isEmpty else { return [] }
        let events = RecallScopeSQL.jsonArray(sequences.sorted())
        let roleList = RecallScopeSQL.jsonArray(roles.map(\.rawValue))
        // Parents alone come from the partial index of parent rows (the role written out, so
        // that the planner can use it); other roles from the index by event.
        let sql =
            roles == [.parent]
            ? """
            SELECT identity, role, event_seq FROM epcis_event_identifiers
            WHERE role = 'parent' AND event_seq IN (SELECT value FROM json_each(?1))
            """
            : """
            SELECT identity, role, event_seq FROM epcis_event_identifiers
            WHERE event_seq IN (SELECT value FROM json_each(?1)) AND role IN (SELECT value FROM json_each(?2))
            """
        return try await pool.read { db in
            let statement = try SQLiteRawStatement(db, sql: sql)
            statement.bind(events, at: 1)
            if roles != [.parent] { statement.bind(roleList, at: 2) }
            return try Self.scopeRows(statement, table: "epcis_event_identifiers")
        }
    }

    /// The facts of events scoping needs.
    public func scopeEvents(_ sequences: [Int64]) async throws -> [ScopeEvent] {
        guard !sequences.isEmpty else { return [] }
        let list = RecallScopeSQL.jsonArray(sequences)
        return try await pool.read { db in
            let statement = try SQLiteRawStatement(
                db,
                sql: """
                    SELECT seq, event_type, action, event_time, read_point, biz_location FROM epcis_events
                    WHERE seq IN (SELECT value FROM json_each(?1))
                    """)
            statement.bind(list, at: 1)
            var events: [ScopeEvent] = []
            try statement.forEachRow {
                events.append(
                    ScopeEvent(
                        sequence: statement.int64(0), type: statement.text(1), action: statement.optionalText(2),
                        eventTime: statement.int64(3), readPoint: statement.optionalText(4),
                        bizLocation: statement.optionalText(5)))
            }
            return events
        }
    }

    /// The business transactions of events.
    public func transactions(ofEvents sequences: [Int64]) async throws -> [EventTransaction] {
        guard !sequences.isEmpty else { return [] }
        let list = RecallScopeSQL.jsonArray(sequences)
        return try await pool.read { db in
            let statement = try SQLiteRawStatement(
                db,
                sql: """
                    SELECT DISTINCT type, identity FROM epcis_event_transactions
                    WHERE event_seq IN (SELECT value FROM json_each(?1))
                    """)
            statement.bind(list, at: 1)
            var transactions: [EventTransaction] = []
            try statement.forEachRow {
                transactions.append(EventTransaction(type: statement.text(0), identity: statement.text(1)))
            }
            return transactions
        }
    }

    /// The batches units are stated to belong to.
    public func lots(ofUnits identities: [String], visibleTo organisationID: Int64?) async throws -> [LotMembership] {
        guard !identities.isEmpty else { return [] }
        let list = RecallScopeSQL.jsonArray(identities)
        return try await pool.read { db in
            let statement = try SQLiteRawStatement(
                db,
                sql: """
                    SELECT DISTINCT gtin, lot, identity FROM epcis_lot_units u
                    WHERE identity IN (SELECT value FROM json_each(?1))
                    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                         WHERE o.event_seq = u.event_seq AND o.organisation_id = ?2))
                    """)
            statement.bind(list, at: 1)
            statement.bind(organisationID, at: 2)
            var lots: [LotMembership] = []
            try statement.forEachRow {
                lots.append(LotMembership(gtin: statement.text(0), lot: statement.text(1), identity: statement.text(2)))
            }
            return lots
        }
    }

    /// Reads `identity, role, event_seq` rows.
    private static func scopeRows(_ statement: SQLiteRawStatement, table: String) throws -> [ScopeRow] {
        var rows: [ScopeRow] = []
        var roles: [String: EventIdentifierRole] = [:]
        try statement.forEachRow {
            let text = statement.text(1)
            let role = try roles[text] ?? RecallScopeSQL.role(text, table: table)
            roles[text] = role
            rows.append(ScopeRow(identity: statement.text(0), role: role, sequence: statement.int64(2)))
        }
        return rows
    }
}
