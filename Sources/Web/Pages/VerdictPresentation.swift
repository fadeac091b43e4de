import Passport

/// How each verdict looks to a person: colour, icon, words in both languages and a one-line
/// explanation of what to do. Colour is never the only signal: icon and words say the same.
struct VerdictPresentation: Sendable {
    /// `green`, `red`, `amber` or `grey`.
    let tone: String
    /// ✓ ✗ ⚠ or ?.
    let icon: String
    /// The verdict in Chinese.
    let chinese: String
    /// The verdict in English.
    let english: String
    /// What it means, in Chinese.
    let summaryChinese: String
    /// What it means, in English.
    let summaryEnglish: String

    /// The presentation of a verdict.
    init(_ kind: VerdictKind) {
        chinese = kind.chinese
        switch kind {
        case .genuine:
            tone = "green"
            icon = "✓"
            english = "Genuine"
            summaryChinese = "该商品由生产者赋码，防伪校验通过。"
            summaryEnglish = "This unit was coded by its producer and passes the security check."
        case .forged:
            tone = "red"
            icon = "✗"
            english = "Forged code"
            summaryChinese = "此码不是生产者签发的。请勿购买或使用，并向平台或 12315 举报。"
            summaryEnglish =
                "This code was not issued by the producer. Do not buy or use the item; report it to the platform or to 12315."
        case .unknown:
            tone = "grey"
            icon = "?"
            english = "Unknown product"
            summaryChinese = "系统中没有与此码对应的产品、批次或单品登记。"
            summaryEnglish = "No registered product, batch or unit matches this code."
        case .suspectedClone:
            tone = "amber"
            icon = "⚠"
            english = "Suspected clone"
            summaryChinese = "此码可能被复制使用。请核实购买渠道，必要时联系商家或平台。"
            summaryEnglish =
                "This code may have been copied. Check where the item was bought and contact the seller or platform if in doubt."
        case .recalled:
            tone = "red"
            icon = "✗"
            english = "Recalled"
            summaryChinese = "该批次已召回。请停止使用并联系商家退换。"
            summaryEnglish = "This batch has been recalled. Stop using it and contact the seller for a return."
        case .expired:
            tone = "amber"
            icon = "⚠"
            english = "Expired"
            summaryChinese = "该商品已过保质期，请勿使用。"
            summaryEnglish = "This unit is past its expiry date. Do not use it."
        }
    }
}
