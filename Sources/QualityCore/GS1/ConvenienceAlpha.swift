/// The deprecated path names ("convenience alphas") that GS1 Digital Link 1.1 allowed in
/// place of numeric AIs, e.g. `/gtin/…/ser/…`. Version 1.2 deprecated them; they are only
/// read when `DigitalLink.ParseOptions.permitConvenienceAlphas` is set.
enum ConvenienceAlpha {
    /// The AI a convenience alpha stands for.
    static func ai(named name: String) -> String? {
        switch name {
        case "cpid": "8010"
        case "cpsn": "8011"
        case "cpv": "22"
        case "gcn": "255"
        case "gdti": "253"
        case "giai": "8004"
        case "ginc": "401"
        case "gln": "414"
        case "glnx": "254"
        case "gmn": "8013"
        case "grai": "8003"
        case "gsin": "402"
        case "gsrn": "8018"
        case "gsrnp": "8017"
        case "gtin": "01"
        case "itip": "8006"
        case "lot": "10"
        case "party": "417"
        case "refno": "8020"
        case "ser": "21"
        case "srin": "8019"
        case "sscc": "00"
        default: nil
        }
    }
}
