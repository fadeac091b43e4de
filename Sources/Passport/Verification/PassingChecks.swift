import Foundation
import QualityCore

/// The checks a batch's genuine units pass, written once per batch rather than once per scan:
/// their messages depend only on the product, the batch and its issuances, and building a dozen
/// bilingual strings was a visible share of every scan's cost.
public struct PassingChecks: Sendable {
    /// `product.registered`, passed.
    public let product: VerdictCheck
    /// `batch.registered`, passed.
    public let batch: VerdictCheck
    /// `batch.recall`, passed.
    public let notRecalled: VerdictCheck
    /// `batch.expiry`, passed while the batch is in date; `nil` for a batch without expiry.
    public let inDate: VerdictCheck?
    /// `serial.issued`, passed, by issuance id.
    private let issuedChecks: [Int64: VerdictCheck]

    /// `serial.authentic`, passed: the same for every unit.
    public static let authentic = VerdictCheck(
        id: "serial.authentic", outcome: .passed,
        message: "The serial's security check passes.", messageZH: "序列号防伪校验通过。")

    /// The passing checks of one batch.
    public init(product: Product, batch: Batch, issuances: [Issuance]) {
        self.product = Self.registered(product)
        self.batch = VerdictCheck(
            id: "batch.registered", outcome: .passed,
            message: "Batch \(batch.lot) is registered, produced \(batch.producedOn).",
            messageZH: "批次 \(batch.lot) 已登记，生产日期 \(batch.producedOn)。")
        notRecalled = VerdictCheck(
            id: "batch.recall", outcome: .passed,
            message: "The batch is not recalled.", messageZH: "该批次未被召回。")
        inDate = batch.expiresOn.map { expiry in
            VerdictCheck(
                id: "batch.expiry", outcome: .passed,
                message: "Use by \(expiry).", messageZH: "保质期至 \(expiry)。")
        }
        issuedChecks = Dictionary(issuances.map { ($0.id, Self.issued($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// `serial.issued`, passed, for a unit of an issuance.
    public func issued(_ issuance: Issuance) -> VerdictCheck {
        issuedChecks[issuance.id] ?? Self.issued(issuance)
    }

    /// `serial.issued`, passed, written anew.
    static func issued(_ issuance: Issuance) -> VerdictCheck {
        let day = CalendarDay(chinaDayOf: issuance.issuedAt.timeIntervalSince1970)
        return VerdictCheck(
            id: "serial.issued", outcome: .passed, message: "Issued on \(day).", messageZH: "赋码日期 \(day)。")
    }

    /// `product.registered`, passed, for a product.
    public static func registered(_ product: Product) -> VerdictCheck {
        VerdictCheck(
            id: "product.registered", outcome: .passed,
            message: "Product \(product.name) is registered.", messageZH: "产品“\(product.name)”已登记。")
    }
}
