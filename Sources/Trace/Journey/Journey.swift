/// A unit's way from where it was made to the buyer, as a timeline: the events of its trace
/// (its own, its containers', its lot's) that say something a buyer understands (see
/// `JourneyStage`), in time order.
public struct Journey: Sendable, Equatable {
    /// One step of the timeline.
    public struct Step: Sendable, Equatable {
        /// The stage.
        public var stage: JourneyStage
        /// When, in microseconds since 1970.
        public var eventTime: Int64
        /// Where: the business location's identity, else the read point's.
        public var place: String?
        /// The business step's short name, e.g. `receiving`.
        public var bizStep: String?

        /// Creates a step.
        public init(stage: JourneyStage, eventTime: Int64, place: String?, bizStep: String?) {
            self.stage = stage
            self.eventTime = eventTime
            self.place = place
            self.bizStep = bizStep
        }
    }

    /// The steps, in time order.
    public var steps: [Step]

    /// The journey told by some events (any order; repeats are ignored). A departure after the
    /// first (from a distribution centre) is a step of transit, not of leaving the factory.
    /// Events of the same
    /// stage at the same place, one after another, are one step (packing after commissioning
    /// in the same factory is still "origin, there, then"): the first of them.
    public init(events: [TraceEvent]) {
        var seen = Set<Int64>()
        let ordered = events.filter { seen.insert($0.sequence).inserted }
            .sorted { ($0.eventTime, $0.sequence) < ($1.eventTime, $1.sequence) }
        var steps: [Step] = []
        for event in ordered {
            guard var stage = JourneyStage.of(bizStep: event.bizStep, disposition: event.disposition) else { continue }
            // Only the first departure leaves the factory; later ones are legs of the transport.
            if stage == .shipped, steps.contains(where: { $0.stage >= .shipped }) { stage = .transit }
            let step = Step(
                stage: stage, eventTime: event.eventTime, place: event.bizLocation ?? event.readPoint,
                bizStep: event.bizStep.map(JourneyStage.shortName))
            if let last = steps.last, last.stage == step.stage, last.place == step.place { continue }
            steps.append(step)
        }
        self.steps = steps
    }
}
