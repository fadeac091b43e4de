import QualityCore

extension RecallScopeSearch {
    /// What a search has reached so far, and the steps that reach further.
    struct Walk {
        /// Where the events are.
        let store: any RecallScopeStore
        /// Whose events count (`nil`: everyone's).
        let visibleTo: Int64?
        /// Containers reached.
        var containers = Set<String>()
        /// Positions of the events naming anything in scope.
        var events = Set<Int64>()
        /// Lots reached, as class identities.
        var lots = Set<String>()
        /// The facts of the events looked at so far, by position.
        private(set) var facts: [Int64: ScopeEvent] = [:]

        /// Creates an empty walk.
        init(store: any RecallScopeStore, visibleTo: Int64?) {
            self.store = store
            self.visibleTo = visibleTo
        }

        /// Event types whose parent holds its children.
        static let containing: Set<String> = ["AggregationEvent", "AssociationEvent"]
        /// The roles of something held.
        static let childRoles: Set<EventIdentifierRole> = [.child, .childQuantity]

        /// Climbs from the rows naming some members (units, a class, containers) to the
        /// containers holding them, and on up, one level per step. `members` gives the
        /// identities of the first level; it is asked only when a candidate was unpacked, since
        /// the first level's rows may come without identities.
        mutating func climb(from rows: [ScopeRow], members: () async throws -> Set<String>) async throws {
            var level = rows
            var levelMembers: Set<String>?
            while true {
                let childRows = level.filter { Self.childRoles.contains($0.role) }
                guard !childRows.isEmpty else { return }
                try await loadFacts(childRows.map(\.sequence))
                let linking = Set(childRows.map(\.sequence)).filter { isContaining($0, deleting: false) }
                guard !linking.isEmpty else { return }
                var parentOf: [Int64: String] = [:]
                for row in try await store.rows(ofEvents: Array(linking), roles: [.parent]) {
                    parentOf[row.sequence] = row.identity
                }
                var linksOf: [String: [Int64]] = [:]
                for (sequence, parent) in parentOf where !containers.contains(parent) {
                    linksOf[parent, default: []].append(sequence)
                }
                guard !linksOf.isEmpty else { return }
                let candidateRows = try await store.rows(naming: Array(linksOf.keys), visibleTo: visibleTo)
                try await loadFacts(candidateRows.map(\.sequence))
                var unpackings: [String: [Int64]] = [:]
                for row in candidateRows where row.role == .parent && isContaining(row.sequence, deleting: true) {
                    unpackings[row.identity, default: []].append(row.sequence)
                }
                var active = Set(linksOf.keys).subtracting(unpackings.keys)
                let contested = linksOf.filter { unpackings[$0.key] != nil }
                if !contested.isEmpty {
                    let memberSet: Set<String>
                    if let levelMembers { memberSet = levelMembers } else { memberSet = try await members() }
                    let outcome = try await stillHeld(contested, unpackings: unpackings, members: memberSet)
                    active.formUnion(outcome.held)
                    // An emptied container is out of scope, but what happened to it while it
                    // held a member (the shipment, the order) still reached the member.
                    for row in candidateRows {
                        guard let window = outcome.windows[row.identity] else { continue }
                        let time = order(row.sequence)
                        if time >= window.from && time <= window.to { events.insert(row.sequence) }
                    }
                }
                containers.formUnion(active)
                level = candidateRows.filter { active.contains($0.identity) }
                events.formUnion(level.map(\.sequence))
                levelMembers = active
            }
        }

        /// Of parents that were unpacked at some time, those still holding a member (a member
        /// packed by one of `links` and not unpacked by a later `DELETE` listing it or listing
        /// no children), and for the others the span in which they held one: from the first
        /// packing of a member to the last unpacking that ended one.
        private mutating func stillHeld(
            _ links: [String: [Int64]], unpackings: [String: [Int64]], members: Set<String>
        ) async throws -> (held: Set<String>, windows: [String: (from: (Int64, Int64), to: (Int64, Int64))]) {
            var packed: [Int64: [String]] = [:]
            for row in try await store.rows(ofEvents: links.values.flatMap { $0 }, roles: Self.childRoles)
            where members.contains(row.identity) {
                packed[row.sequence, default: []].append(row.identity)
            }
            var unpacked: [Int64: Set<String>] = [:]
            for row in try await store.rows(ofEvents: unpackings.values.flatMap { $0 }, roles: Self.childRoles) {
                unpacked[row.sequence, default: []].insert(row.identity)
            }
            var held = Set<String>()
            var windows: [String: (from: (Int64, Int64), to: (Int64, Int64))] = [:]
            for (parent, sequences) in links {
                let deletes = unpackings[parent] ?? []
                var window: (from: (Int64, Int64), to: (Int64, Int64))?
                search: for sequence in sequences {
                    for child in packed[sequence] ?? [] {
                        let ends = deletes.filter { delete in
                            order(delete) > order(sequence) && (unpacked[delete]?.contains(child) ?? true)
                        }
                        guard let end = ends.map(order).min(by: <) else {
                            held.insert(parent)
                            break search
                        }
                        let start = order(sequence)
                        let from = window.map { $0.from < start ? $0.from : start } ?? start
                        let to = window.map { $0.to > end ? $0.to : end } ?? end
                        window = (from, to)
                    }
                }
                if !held.contains(parent), let window { windows[parent] = window }
            }
            return (held, windows)
        }

        /// The lots and serialised units that transformations made from what `rows` name as
        /// inputs; the units' events and containers join the scope here, their lots are
        /// returned for the search to scope whole.
        mutating func downstream(from rows: [ScopeRow]) async throws -> (units: [String], lots: [LotMembership]) {
            let consuming = Set(rows.filter { $0.role == .input || $0.role == .inputQuantity }.map(\.sequence))
            guard !consuming.isEmpty else { return ([], []) }
            var lots: [LotMembership] = []
            var units = Set<String>()
            for row in try await store.rows(ofEvents: Array(consuming), roles: [.output, .outputQuantity]) {
                guard let elements = EPCISIdentifier(row.identity).gs1Elements, elements.count == 2,
                    elements[0].ai == "01"
                else { continue }
                if elements[1].ai == "10" {
                    lots.append(LotMembership(gtin: elements[0].value, lot: elements[1].value, identity: row.identity))
                } else if elements[1].ai == "21" {
                    units.insert(row.identity)
                }
            }
            guard !units.isEmpty else { return ([], lots) }
            lots += try await store.lots(ofUnits: Array(units), visibleTo: visibleTo)
            let unitRows = try await store.rows(naming: Array(units), visibleTo: visibleTo)
            events.formUnion(unitRows.map(\.sequence))
            try await climb(from: unitRows, members: { units })
            return (units.sorted(), lots)
        }

        /// The read points and business locations of every event in scope.
        mutating func places() async throws -> Set<String> {
            try await loadFacts(Array(events))
            var places = Set<String>()
            for sequence in events {
                if let place = facts[sequence]?.readPoint { places.insert(place) }
                if let place = facts[sequence]?.bizLocation { places.insert(place) }
            }
            return places
        }

        /// Reads the facts of the events not looked at yet.
        private mutating func loadFacts(_ sequences: [Int64]) async throws {
            let missing = Set(sequences).filter { facts[$0] == nil }
            guard !missing.isEmpty else { return }
            for event in try await store.scopeEvents(Array(missing)) { facts[event.sequence] = event }
        }

        /// Whether an event packs (`ADD`, `OBSERVE`) or, with `deleting`, unpacks (`DELETE`).
        private func isContaining(_ sequence: Int64, deleting: Bool) -> Bool {
            guard let event = facts[sequence], Self.containing.contains(event.type) else { return false }
            return (event.action == "DELETE") == deleting
        }

        /// An event's place in time: event time, then capture order.
        private func order(_ sequence: Int64) -> (Int64, Int64) {
            (facts[sequence]?.eventTime ?? .min, sequence)
        }
    }
}
