import PostgresNIO
public import Trace

extension PostgresStore: RecallScopeStore {
    /// Indexes the events captured since the last call; see `RecallScopeStore.indexLots`.
    @discardableResult
    public func indexLots() async throws -> Int {
        var read = 0
        while true {
            let state = try await rows("SELECT indexed_seq, (SELECT max(seq) FROM epcis_events) FROM epcis_lot_index")
            guard let first = state.first else { return read }
            let (from, last) = try first.decode((Int64, Int64?).self)
            guard let last, last > from else { return read }
            let to = min(last, from + RecallScopeSQL.sliceSize)
            // Decode outside the transaction; the transaction takes the slice only if no other
            // indexer took it meanwhile (the row lock orders them).
            var events: [(sequence: Int64, json: String)] = []
            for row in try await rows(
                """
                SELECT seq, event_json FROM epcis_events WHERE seq > \(from) AND seq <= \(to)
                AND (strpos(event_json, 'lotNumber') > 0 OR strpos(event_json, '/10/') > 0)
                """)
            {
                let (sequence, json) = try row.decode((Int64, String).self)
                events.append((sequence, json))
            }
            let memberships = RecallScopeSQL.memberships(of: events)
            let logger = self.logger
            try await transaction { connection in
                let locked = try await connection.query(
                    "SELECT indexed_seq FROM epcis_lot_index WHERE id = 1 FOR UPDATE", logger: logger
                ).collect()
                guard try locked.first?.decode(Int64.self) == from else { return }
                let gtins = memberships.map(\.0.gtin)
                let lots = memberships.map(\.0.lot)
                let identities = memberships.map(\.0.identity)
                let sequences = memberships.map(\.1)
                let added = try await connection.query(
                    """
                    INSERT INTO epcis_lot_units (gtin, lot, identity, event_seq)
                    SELECT * FROM unnest(\(gtins)::text[], \(lots)::text[], \(identities)::text[], \(sequences)::bigint[])
                    ON CONFLICT DO NOTHING
                    RETURNING gtin, lot, identity
                    """, logger: logger
                ).collect()
                try await connection.query(
                    """
                    INSERT INTO epcis_lot_rows (gtin, lot, role, event_seq, identity)
                    SELECT m.gtin, m.lot, i.role, i.event_seq, i.identity
                    FROM epcis_event_identifiers i JOIN epcis_lot_units m ON m.identity = i.identity
                    WHERE i.event_seq > \(from) AND i.event_seq <= \(to)
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
                try await connection.query(
                    """
                    INSERT INTO epcis_lot_events (gtin, lot, role, event_seq)
                    SELECT DISTINCT m.gtin, m.lot, i.role, i.event_seq
                    FROM epcis_event_identifiers i JOIN epcis_lot_units m ON m.identity = i.identity
                    WHERE i.event_seq > \(from) AND i.event_seq <= \(to)
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
                if from > 0, !added.isEmpty {
                    var newGTINs: [String] = []
                    var newLots: [String] = []
                    var newIdentities: [String] = []
                    for row in added {
                        let (gtin, lot, identity) = try row.decode((String, String, String).self)
                        newGTINs.append(gtin)
                        newLots.append(lot)
                        newIdentities.append(identity)
                    }
                    try await connection.query(
                        """
                        INSERT INTO epcis_lot_rows (gtin, lot, role, event_seq, identity)
                        SELECT n.gtin, n.lot, i.role, i.event_seq, i.identity
                        FROM unnest(\(newGTINs)::text[], \(newLots)::text[], \(newIdentities)::text[]) AS n(gtin, lot, identity)
                        JOIN epcis_event_identifiers i ON i.identity = n.identity AND i.event_seq <= \(from)
                        ON CONFLICT DO NOTHING
                        """, logger: logger)
                    try await connection.query(
                        """
                        INSERT INTO epcis_lot_events (gtin, lot, role, event_seq)
                        SELECT DISTINCT n.gtin, n.lot, i.role, i.event_seq
                        FROM unnest(\(newGTINs)::text[], \(newLots)::text[], \(newIdentities)::text[]) AS n(gtin, lot, identity)
                        JOIN epcis_event_identifiers i ON i.identity = n.identity AND i.event_seq <= \(from)
                        ON CONFLICT DO NOTHING
                        """, logger: logger)
                }
                try await connection.query(
                    "UPDATE epcis_lot_index SET indexed_seq = \(to) WHERE id = 1", logger: logger)
            }
            read += Int(to - from)
        }
    }

    /// The units stated to belong to a batch, in identity order.
    public func lotUnits(gtin: String, lot: String, visibleTo organisationID: Int64?) async throws -> [String] {
        try await rows(
            """
            SELECT DISTINCT identity COLLATE "C" FROM epcis_lot_units u WHERE gtin = \(gtin) AND lot = \(lot)
            AND (\(organisationID)::bigint IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                 WHERE o.event_seq = u.event_seq AND o.organisation_id = \(organisationID)))
            ORDER BY 1
            """
        ).map { try $0.decode(String.self) }
    }

    /// The identifier rows of the events naming a batch's units.
    public func lotRows(gtin: String, lot: String, withIdentities: Bool, visibleTo organisationID: Int64?)
        async throws -> [ScopeRow]
    {
        let query: PostgresQuery =
            withIdentities
            ? """
            SELECT identity, role, event_seq FROM epcis_lot_rows r WHERE gtin = \(gtin) AND lot = \(lot)
            AND (\(organisationID)::bigint IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                 WHERE o.event_seq = r.event_seq AND o.organisation_id = \(organisationID)))
            """
            : """
            SELECT ''::text, role, event_seq FROM epcis_lot_events r WHERE gtin = \(gtin) AND lot = \(lot)
            AND (\(organisationID)::bigint IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                 WHERE o.event_seq = r.event_seq AND o.organisation_id = \(organisationID)))
            """
        return try await scopeRows(query, table: "epcis_lot_rows")
    }

    /// The identifier rows naming any of the identities, in visible events.
    public func rows(naming identities: [String], visibleTo organisationID: Int64?) async throws -> [ScopeRow] {
        guard !identities.isEmpty else { return [] }
        return try await scopeRows(
            """
            SELECT i.identity, i.role, i.event_seq FROM epcis_event_identifiers i
            WHERE i.identity = ANY(\(identities)::text[])
            AND (\(organisationID)::bigint IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                 WHERE o.event_seq = i.event_seq AND o.organisation_id = \(organisationID)))
            """, table: "epcis_event_identifiers")
    }

    /// The identifier rows of events, in some roles.
    public func rows(ofEvents sequences: [Int64], roles: Set<EventIdentifierRole>) async throws -> [ScopeRow] {
        guard !sequences.isEmpty, !roles.isEmpty else { return [] }
        if roles == [.parent] {
            // The partial index of parent rows; the role is written out so that it applies.
            return try await scopeRows(
                """
                SELECT identity, role, event_seq FROM epcis_event_identifiers
                WHERE role = 'parent' AND event_seq = ANY(\(sequences)::bigint[])
                """, table: "epcis_event_identifiers")
        }
        let roleNames = roles.map(\.rawValue)
        return try await scopeRows(
            """
            SELECT identity, role, event_seq FROM epcis_event_identifiers
            WHERE event_seq = ANY(\(sequences)::bigint[]) AND role = ANY(\(roleNames)::text[])
            """, table: "epcis_event_identifiers")
    }

    /// The facts of events scoping needs.
    public func scopeEvents(_ sequences: [Int64]) async throws -> [ScopeEvent] {
        guard !sequences.isEmpty else { return [] }
        return try await rows(
            """
            SELECT seq, event_type, action, event_time, read_point, biz_location FROM epcis_events
            WHERE seq = ANY(\(sequences)::bigint[])
            """
        ).map { row in
            let (sequence, type, action, time, readPoint, bizLocation) =
                try row.decode((Int64, String, String?, PostgresInstant, String?, String?).self)
            return ScopeEvent(
                sequence: sequence, type: type, action: action, eventTime: time.microsecondsSince1970,
                readPoint: readPoint, bizLocation: bizLocation)
        }
    }

    /// The business transactions of events.
    public func transactions(ofEvents sequences: [Int64]) async throws -> [EventTransaction] {
        guard !sequences.isEmpty else { return [] }
        return try await rows(
            """
            SELECT DISTINCT type, identity FROM epcis_event_transactions WHERE event_seq = ANY(\(sequences)::bigint[])
            """
        ).map { row in
            let (type, identity) = try row.decode((String, String).self)
            return EventTransaction(type: type, identity: identity)
        }
    }

    /// The batches units are stated to belong to.
    public func lots(ofUnits identities: [String], visibleTo organisationID: Int64?) async throws -> [LotMembership] {
        guard !identities.isEmpty else { return [] }
        return try await rows(
            """
            SELECT DISTINCT gtin, lot, identity FROM epcis_lot_units u WHERE identity = ANY(\(identities)::text[])
            AND (\(organisationID)::bigint IS NULL OR EXISTS (SELECT 1 FROM epcis_event_owners o
                 WHERE o.event_seq = u.event_seq AND o.organisation_id = \(organisationID)))
            """
        ).map { row in
            let (gtin, lot, identity) = try row.decode((String, String, String).self)
            return LotMembership(gtin: gtin, lot: lot, identity: identity)
        }
    }

    /// Reads `identity, role, event_seq` rows.
    private func scopeRows(_ query: PostgresQuery, table: String) async throws -> [ScopeRow] {
        var roles: [String: EventIdentifierRole] = [:]
        return try await rows(query).map { row in
            let (identity, text, sequence) = try row.decode((String, String, Int64).self)
            let role = try roles[text] ?? RecallScopeSQL.role(text, table: table)
            roles[text] = role
            return ScopeRow(identity: identity, role: role, sequence: sequence)
        }
    }
}
