import QualityCore

/// Finds the scope of a recall of a batch (GTIN and lot, optionally a serial range) in the
/// stored events: its units, the containers they are in, the locations and orders of the
/// events naming any of those, and the lots made from it.
///
/// - **Units** of a batch are the SGTINs its events state to belong to it (`LotMembership`:
///   ILMD `lotNumber` on commissioning and transformation, Digital Links carrying `/10/{lot}`),
///   within the serial range when one is given (`SerialRange`). Units of every lot downstream
///   are included whole, as are serialised outputs of transformations that consumed the batch.
/// - **The lot's class** (`…/01/{gtin}/10/{lot}`), named in quantity lists, stands for units
///   that are not serialised: an aggregation with the class in its `childQuantityList` makes
///   its parent a container in scope, a transformation consuming it leads downstream, and its
///   events count for locations and orders. A serial range leaves the class out, since a
///   class-level quantity cannot say which serials it held.
/// - **Containers**: the parent of an `AggregationEvent` or `AssociationEvent` (`ADD` or
///   `OBSERVE`) with a unit or the class as a child, then the parents of those, up the chain,
///   net of unpacking: a link ends when a later `DELETE` of that parent lists the child or
///   lists no children (everything unpacked), by event time and then capture order.
/// - **Locations**: `readPoint` and `bizLocation` of every event naming a unit, the class or a
///   container in scope.
/// - **Orders**: every `bizTransactionList` entry of those events, of any type (po, so, inv,
///   desadv, bol, rma, prodorder, untyped, …): each is a document that moved or sold the goods
///   and names a counterparty a recall must reach, so none is left out by its type.
/// - **Lots**: the batch, and transitively every lot a `TransformationEvent` made from its
///   units or class: output classes (`…/10/{lot}`) and the batches of output units.
///
/// Every step is a set-based store lookup over the whole frontier; nothing is read per unit
/// except the units themselves. Visibility is the trace's: an organisation scopes through the
/// events it captured, a regulator (`nil`) through all.
public struct RecallScopeSearch: Sendable {
    /// Where the events and the lot index are.
    public let store: any RecallScopeStore

    /// Creates a search over a store.
    public init(store: any RecallScopeStore) {
        self.store = store
    }

    /// The scope of a recall; a malformed GTIN, an empty or malformed lot, or a bad or inverted
    /// serial range is an `invalid` error.
    public func scope(gtin: String, lot: String, serials: SerialRange = .all, visibleTo organisationID: Int64?)
        async throws -> RecallScope
    {
        let gtin14 = try GTIN(checking: gtin).gtin14
        guard !lot.isEmpty else { throw QualityError.invalid("bad_lot", "name the lot (AI 10) to recall") }
        do {
            try LotNumber.check(lot)
        } catch {
            throw QualityError.invalid("bad_lot", "lot '\(lot)' is not a lot number: \(error.message)")
        }
        try await store.indexLots()

        var walk = Walk(store: store, visibleTo: organisationID)
        var queue: [(gtin: String, lot: String, serials: SerialRange)] = [(gtin14, lot, serials)]
        var unitLists: [[String]] = []
        while !queue.isEmpty {
            let batch = queue.removeFirst()
            let lotIdentity = Self.lotIdentity(gtin: batch.gtin, lot: batch.lot)
            guard walk.lots.insert(lotIdentity).inserted else { continue }
            // The lot's units are read on a reader connection of their own while the climb
            // runs on another: the million identities and the containers take about as long.
            let store = self.store
            let reading = Task { [batch] in
                try await store.lotUnits(gtin: batch.gtin, lot: batch.lot, visibleTo: organisationID)
            }
            var units: [String]
            do {
                var rows: [ScopeRow]
                if batch.serials.isAll {
                    rows = try await store.lotRows(
                        gtin: batch.gtin, lot: batch.lot, withIdentities: false, visibleTo: organisationID)
                    rows += try await store.rows(naming: [lotIdentity], visibleTo: organisationID)
                    walk.events.formUnion(rows.map(\.sequence))
                    try await walk.climb(
                        from: rows, members: { Set(try await reading.value).union([lotIdentity]) })
                    units = try await reading.value
                } else {
                    let prefix = "https://id.gs1.org/01/\(batch.gtin)/21/"
                    units = try await reading.value.filter {
                        batch.serials.contains(Self.serial(of: $0, prefix: prefix))
                    }
                    let kept = Set(units)
                    rows = try await store.lotRows(
                        gtin: batch.gtin, lot: batch.lot, withIdentities: true, visibleTo: organisationID
                    ).filter { kept.contains($0.identity) }
                    walk.events.formUnion(rows.map(\.sequence))
                    try await walk.climb(from: rows, members: { kept.union([lotIdentity]) })
                }
                unitLists.append(units)
                let downstream = try await walk.downstream(from: rows)
                unitLists.append(downstream.units)
                queue += downstream.lots.map { ($0.gtin, $0.lot, .all) }
            } catch {
                reading.cancel()
                throw error
            }
        }

        // The climb read most events' facts already; only the others are read now.
        let locations = try await walk.places()
        let orders = Set(try await store.transactions(ofEvents: Array(walk.events)).map(\.identity))
        let nonEmpty = unitLists.filter { !$0.isEmpty }
        let units = nonEmpty.count <= 1 ? (nonEmpty.first ?? []) : Set(nonEmpty.joined()).sorted()
        return RecallScope(
            gtin: gtin14, lot: lot, serials: serials, units: units, containers: walk.containers,
            locations: locations, orders: orders, lots: walk.lots)
    }

    /// The canonical identity of a batch's class, `https://id.gs1.org/01/{gtin}/10/{lot}`.
    public static func lotIdentity(gtin: String, lot: String) -> String {
        GS1KeyForms.canonicalURI([GS1Element(ai: "01", value: gtin), GS1Element(ai: "10", value: lot)])
    }

    /// The serial of a unit's canonical identity (the text after `prefix`, percent-decoded).
    static func serial(of identity: String, prefix: String) -> String {
        let encoded = identity.utf8.dropFirst(prefix.utf8.count)
        guard encoded.contains(UInt8(ascii: "%")) else { return String(decoding: encoded, as: UTF8.self) }
        var bytes: [UInt8] = []
        var iterator = Array(encoded).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else {
                bytes.append(byte)
                continue
            }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
