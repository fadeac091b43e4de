public import QualityCore

/// How far a recall notice to one buyer has come. It only moves forward (a step may be skipped,
/// as when a delivery receipt arrives without a separate "sent").
public enum NoticeStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Created, waiting to be sent.
    case queued
    /// Handed to the channel (SMS, app message, e-mail).
    case sent
    /// The channel confirmed delivery.
    case delivered
    /// The buyer acknowledged it (read it, answered).
    case acknowledged

    /// Parses a status name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let status = NoticeStatus(rawValue: text.lowercased()) else {
            let names = NoticeStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_notice_status", "unknown notice status '\(text)'; expected one of \(names)")
        }
        self = status
    }

    /// Orders statuses along the notice's way.
    public static func < (lhs: NoticeStatus, rhs: NoticeStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The status in Chinese and English.
    public var label: (zh: String, en: String) {
        switch self {
        case .queued: ("待发送", "Queued")
        case .sent: ("已发送", "Sent")
        case .delivered: ("已送达", "Delivered")
        case .acknowledged: ("已确认", "Acknowledged")
        }
    }
}

/// What a buyer answered to a recall notice.
public enum BuyerResponse: String, Sendable, Hashable, Codable, CaseIterable {
    /// Asked for a refund (and will return the unit).
    case refundRequested = "refund_requested"
    /// Booked a repair.
    case repairBooked = "repair_booked"
    /// Asked for a replacement.
    case replacementRequested = "replacement_requested"
    /// Declined the remedy.
    case declined

    /// Parses a response name, naming the allowed ones when it is wrong.
    public init(parsing text: String) throws(QualityError) {
        guard let response = BuyerResponse(rawValue: text.lowercased()) else {
            let names = BuyerResponse.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("unknown_response", "unknown buyer response '\(text)'; expected one of \(names)")
        }
        self = response
    }

    /// The remedy the response asks for, if any.
    public var remedy: Remedy? {
        switch self {
        case .refundRequested: .refund
        case .repairBooked: .repair
        case .replacementRequested: .replace
        case .declined: nil
        }
    }
}
