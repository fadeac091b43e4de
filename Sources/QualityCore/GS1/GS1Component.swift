/// One component of an AI's format, such as `N13,csum` or `[X..17]`.
///
/// Each component consumes a prefix of the value of up to `maxLength` characters; only the
/// last component of a format may have a variable length, and optional components come last.
public struct GS1Component: Sendable, Hashable {
    /// Which characters the component may contain.
    public let characterSet: GS1CharacterSet
    /// Shortest allowed length (equal to `maxLength` for fixed-length components).
    public let minLength: Int
    /// Longest allowed length.
    public let maxLength: Int
    /// Whether the component may be left out entirely (written `[...]` in the dictionary).
    public let isOptional: Bool
    /// Content checks applied after the character set check, in order.
    public let linters: [GS1Linter]

    /// Creates a component.
    public init(characterSet: GS1CharacterSet, minLength: Int, maxLength: Int, isOptional: Bool = false, linters: [GS1Linter] = []) {
        self.characterSet = characterSet
        self.minLength = minLength
        self.maxLength = maxLength
        self.isOptional = isOptional
        self.linters = linters
    }

    /// This component, made optional.
    var optional: GS1Component {
        GS1Component(characterSet: characterSet, minLength: minLength, maxLength: maxLength, isOptional: true, linters: linters)
    }

    /// The component written as in the GS1 syntax dictionary, e.g. `[N3],iso3166` or `X..20`.
    public var specification: String {
        let length = minLength == maxLength ? "\(maxLength)" : "..\(maxLength)"
        let type = characterSet.rawValue + length
        let head = isOptional ? "[\(type)]" : type
        return ([head] + linters.map(\.rawValue)).joined(separator: ",")
    }

    /// `N<length>`: fixed-length digits.
    static func n(_ length: Int, _ linters: GS1Linter...) -> GS1Component {
        GS1Component(characterSet: .numeric, minLength: length, maxLength: length, linters: linters)
    }

    /// `N..<max>`: one to `max` digits.
    static func n(max: Int, _ linters: GS1Linter...) -> GS1Component {
        GS1Component(characterSet: .numeric, minLength: 1, maxLength: max, linters: linters)
    }

    /// `X<length>`: fixed-length character set 82.
    static func x(_ length: Int, _ linters: GS1Linter...) -> GS1Component {
        GS1Component(characterSet: .cset82, minLength: length, maxLength: length, linters: linters)
    }

    /// `X..<max>`: one to `max` characters of set 82.
    static func x(max: Int, _ linters: GS1Linter...) -> GS1Component {
        GS1Component(characterSet: .cset82, minLength: 1, maxLength: max, linters: linters)
    }

    /// `Y..<max>`: one to `max` characters of set 39.
    static func y(max: Int, _ linters: GS1Linter...) -> GS1Component {
        GS1Component(characterSet: .cset39, minLength: 1, maxLength: max, linters: linters)
    }

    /// `Z..<max>`: one to `max` characters of set 64.
    static func z(max: Int, _ linters: GS1Linter...) -> GS1Component {
        GS1Component(characterSet: .cset64, minLength: 1, maxLength: max, linters: linters)
    }
}
