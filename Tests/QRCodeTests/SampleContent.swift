/// Kinds of text the round-trip tests encode, each able to make a text of any length.
enum SampleContent: String, Sendable, Hashable, CaseIterable {
    /// A GS1 Digital Link URI with lower-case letters, digit runs and a query.
    case digitalLink
    /// Chinese text, three UTF-8 bytes per character.
    case chinese
    /// Digits only.
    case numeric
    /// Upper-case URI text in the alphanumeric character set.
    case alphanumeric
    /// Lower-case letters only, which byte mode alone can hold.
    case lowercase

    /// The Digital Link URI the product passport labels carry.
    static let passportURI = "https://id.example.com/01/09506000134352/10/ABC123/21/7Hk2mPq9Zx4LbN8vT3aW"

    /// The first `length` characters of this kind's endless sample text.
    func text(length: Int) -> String {
        switch self {
        case .digitalLink:
            var text = Self.passportURI + "?17=261231&3103=000189&linkType=gs1:certificationInfo"
            var serial = 0
            while text.count < length {
                serial += 1
                text += "&s\(serial)=Lot\(serial * 7919 % 100_000)xQ"
            }
            return String(text.prefix(length))
        case .chinese:
            let phrase = Array("产品数字护照质量闭环追溯召回监督认证声明")
            return String((0..<length).map { phrase[$0 % phrase.count] })
        case .numeric:
            return String((0..<length).map { Character(String(($0 * 7 + 3) % 10)) })
        case .alphanumeric:
            let uri = Array(Self.passportURI.uppercased() + "/")
            return String((0..<length).map { uri[$0 % uri.count] })
        case .lowercase:
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            return String((0..<length).map { letters[($0 * 7 + length) % 26] })
        }
    }
}
