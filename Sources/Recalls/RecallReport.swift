/// Everything about one recall as its producer and regulators read it: the record, its
/// milestones, its legal clock today, how its notices stand, the returns reported and its
/// effectiveness.
public struct RecallReport: Sendable, Hashable, Codable {
    /// The record.
    public var record: RecallRecord
    /// Its milestones, by day.
    public var milestones: [RecallMilestone]
    /// Its legal clock today.
    public var clock: RecallClock
    /// How its notices stand.
    public var notices: NoticeTally
    /// The returns reported, by day.
    public var returns: [RecallReturn]
    /// Its effectiveness.
    public var effectiveness: RecallEffectiveness

    /// Creates a report.
    public init(
        record: RecallRecord, milestones: [RecallMilestone], clock: RecallClock, notices: NoticeTally,
        returns: [RecallReturn], effectiveness: RecallEffectiveness
    ) {
        self.record = record
        self.milestones = milestones
        self.clock = clock
        self.notices = notices
        self.returns = returns
        self.effectiveness = effectiveness
    }
}
