public import Foundation
public import QualityCore

/// A recall notice to the buyer of one order (逐一通知): who, how many units, how far the notice
/// came and what the buyer answered. Notices are keyed by the platform's order id, so supplying
/// the same order again changes nothing.
public struct RecallNotice: Sendable, Hashable, Codable {
    /// The recall it belongs to.
    public var recallID: Int64
    /// The platform's order id, as given in the order's business transaction.
    public var orderID: String
    /// The platform's pseudonymous buyer reference, if supplied.
    public var buyer: String?
    /// The recalled units in the order.
    public var units: Int64
    /// How far the notice came.
    public var status: NoticeStatus
    /// What the buyer answered, if anything yet.
    public var response: BuyerResponse?
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case buyer, units, status, response
        case recallID = "recall_id"
        case orderID = "order_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// Creates a notice value.
    public init(
        recallID: Int64, orderID: String, buyer: String?, units: Int64, status: NoticeStatus,
        response: BuyerResponse?, createdAt: Date, updatedAt: Date
    ) {
        self.recallID = recallID
        self.orderID = orderID
        self.buyer = buyer
        self.units = units
        self.status = status
        self.response = response
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The notice after a change, or the reason the change is refused: the status only moves
    /// forward (`conflict`, `notice_backwards`), and a response, once given, stays
    /// (`conflict`, `response_recorded`). A response means the buyer has the notice, so it
    /// moves the status to `acknowledged`. Returns `nil` when the change changes nothing.
    public func applying(status newStatus: NoticeStatus?, response newResponse: BuyerResponse?, at time: Date)
        throws(QualityError) -> RecallNotice?
    {
        var next = self
        if let newResponse {
            if let response, response != newResponse {
                throw .conflict(
                    "response_recorded",
                    "order \(orderID) already answered \(response.rawValue); a response is recorded once")
            }
            next.response = newResponse
            next.status = max(next.status, .acknowledged)
        }
        if let newStatus {
            guard newStatus >= status else {
                throw .conflict(
                    "notice_backwards",
                    "the notice for order \(orderID) is \(status.rawValue); it cannot go back to \(newStatus.rawValue)")
            }
            next.status = max(next.status, newStatus)
        }
        guard next.status != status || next.response != response else { return nil }
        next.updatedAt = time
        return next
    }
}
