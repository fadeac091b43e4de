public import QualityCore

/// One order the platform supplies for notices: its id, the pseudonymous buyer and the recalled
/// units in it.
public struct NoticeDraft: Sendable, Hashable, Codable {
    /// The platform's order id.
    public var orderID: String
    /// The pseudonymous buyer reference.
    public var buyer: String?
    /// The recalled units in the order (default 1).
    public var units: Int64?

    enum CodingKeys: String, CodingKey {
        case buyer, units
        case orderID = "order_id"
    }

    /// Creates a draft.
    public init(orderID: String, buyer: String? = nil, units: Int64? = nil) {
        self.orderID = orderID
        self.buyer = buyer
        self.units = units
    }

    /// The most orders one request may carry.
    public static let limit = 10_000

    /// The draft checked: an order id of 1 to 100 printable characters on one line, a buyer
    /// reference of at most 100, units from 1 to 1,000,000.
    public func validated() throws(QualityError) -> NoticeDraft {
        let order = orderID.trimmingSpaces
        guard !order.isEmpty, order.count <= 100, order.isSingleLine else {
            throw .invalid(
                "bad_order_id", "an order id is 1 to 100 characters on one line; got '\(orderID.prefix(120))'")
        }
        let buyer = buyer?.trimmingSpaces
        if let buyer, buyer.count > 100 || !buyer.isSingleLine {
            throw .invalid("bad_buyer", "a buyer reference is one line of at most 100 characters (order \(order))")
        }
        let units = units ?? 1
        guard (1...1_000_000).contains(units) else {
            throw .invalid("bad_units", "an order holds 1 to 1000000 recalled units; order \(order) says \(units)")
        }
        return NoticeDraft(orderID: order, buyer: buyer?.isEmpty == true ? nil : buyer, units: units)
    }

    /// A list of drafts checked: each one, at most `limit` (`tooLarge`), and one order id given
    /// twice only with the same details (`invalid`, `duplicate_order`); repeats are dropped.
    public static func validated(_ drafts: [NoticeDraft]) throws(QualityError) -> [NoticeDraft] {
        guard !drafts.isEmpty else {
            throw .invalid("no_orders", "name at least one order: notices or order_ids")
        }
        guard drafts.count <= limit else {
            throw QualityError(
                .tooLarge, code: "too_many_orders",
                message: "at most \(limit) orders per request; got \(drafts.count). Send them in parts")
        }
        var seen: [String: NoticeDraft] = [:]
        var checked: [NoticeDraft] = []
        for draft in drafts {
            let valid = try draft.validated()
            if let earlier = seen[valid.orderID] {
                guard earlier == valid else {
                    throw .invalid("duplicate_order", "order \(valid.orderID) is given twice with different details")
                }
                continue
            }
            seen[valid.orderID] = valid
            checked.append(valid)
        }
        return checked
    }
}
