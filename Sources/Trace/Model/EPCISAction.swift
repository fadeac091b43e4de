/// An event's action: how the event relates to the lifecycle of the objects it names.
public struct EPCISAction: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The action as written, e.g. `ADD`.
    public let rawValue: String

    /// Wraps an action as written; validation reports values other than the three below.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The action.
    public var description: String { rawValue }

    /// The objects came into existence or were added to the parent or transaction.
    public static let add = EPCISAction(rawValue: "ADD")
    /// The objects were observed, neither created nor destroyed.
    public static let observe = EPCISAction(rawValue: "OBSERVE")
    /// The objects ceased to exist or were removed from the parent or transaction.
    public static let delete = EPCISAction(rawValue: "DELETE")

    /// The three actions EPCIS defines.
    public static let all: [EPCISAction] = [.add, .observe, .delete]

    /// Whether the action is one EPCIS defines.
    public var isStandard: Bool { Self.all.contains(self) }
}
