public import Access

/// Who acts: an organisation and the duty the person acting holds in it.
public struct GovernanceActor: Sendable, Hashable {
    /// The organisation acting.
    public var organisation: Organisation
    /// The duty held.
    public var duty: GovernanceDuty

    /// Creates an actor.
    public init(organisation: Organisation, duty: GovernanceDuty) {
        self.organisation = organisation
        self.duty = duty
    }

    /// How the actor is named in decisions and ledger entries, e.g. `organisation:3/cqo`.
    public var reference: String { "organisation:\(organisation.id)/\(duty.rawValue)" }
}
