/// Everything a recall of a batch reaches: the units, the containers they are packed in, the
/// places they were seen, the orders that moved them, and the lots made from them.
///
/// Every list holds canonical identifiers, sorted and without repeats: GS1 keys as Digital
/// Links on `https://id.gs1.org` (units `…/01/{gtin}/21/{serial}`, lots `…/01/{gtin}/10/{lot}`,
/// containers `…/00/{sscc}`, locations `…/414/{gln}/254/{ext}`), other URIs as written, and
/// orders as their `bizTransactionList` entries give them. See `RecallScopeSearch` for what
/// counts as reached.
public struct RecallScope: Sendable, Equatable, Codable {
    /// The GTIN recalled, 14 digits.
    public var gtin: String
    /// The lot recalled.
    public var lot: String
    /// The first serial of the range recalled, when one was given.
    public var serialFrom: String?
    /// The last serial of the range recalled, when one was given.
    public var serialTo: String?
    /// Serialised units: of the lot (in the range), and of every lot downstream.
    public var units: [String]
    /// Containers holding any of them, or the lot's class-level quantity, up the chain (case →
    /// pallet → …), as they stand after unpacking (`DELETE`).
    public var containers: [String]
    /// Read points and business locations of every event naming a unit, container or lot in scope.
    public var locations: [String]
    /// Business transactions (orders, invoices, despatch advices, …) of those events.
    public var orders: [String]
    /// The recalled lot and every lot made from it through `TransformationEvent`s, transitively.
    public var lots: [String]
    /// The length of each list.
    public var counts: Counts

    /// How many of each.
    public struct Counts: Sendable, Equatable, Codable {
        /// Units.
        public var units: Int
        /// Containers.
        public var containers: Int
        /// Locations.
        public var locations: Int
        /// Orders.
        public var orders: Int
        /// Lots.
        public var lots: Int

        /// Creates counts.
        public init(units: Int, containers: Int, locations: Int, orders: Int, lots: Int) {
            self.units = units
            self.containers = containers
            self.locations = locations
            self.orders = orders
            self.lots = lots
        }
    }

    /// A scope from its parts: `units` already sorted and without repeats (a million of them
    /// come sorted from the store's index, and sorting them again would cost a third of the
    /// time), the rest sorted here.
    public init(
        gtin: String, lot: String, serials: SerialRange, units: [String], containers: Set<String>,
        locations: Set<String>, orders: Set<String>, lots: Set<String>
    ) {
        self.gtin = gtin
        self.lot = lot
        serialFrom = serials.from
        serialTo = serials.to
        self.units = units
        self.containers = containers.sorted()
        self.locations = locations.sorted()
        self.orders = orders.sorted()
        self.lots = lots.sorted()
        counts = Counts(
            units: units.count, containers: containers.count, locations: locations.count, orders: orders.count,
            lots: lots.count)
    }
}
