import Passport
import QualityCore
import Trace

/// Finds the journey of a scanned unit for its page. A unit without events, which is most
/// units, costs one indexed lookup of the events naming the unit or its lot; only a unit with
/// events is traced (its containers' events and its lot's join the timeline). JSON verdicts
/// and linksets never ask, so the scan API's hot path is unchanged.
struct JourneyLookup: Sendable {
    /// The trace over the event store.
    let graph: TraceGraph

    /// The journey of a verdict's unit, or `nil` when it has none to show: the code names no
    /// authentic unit, no event names the unit or its lot, or the events cannot be read (the
    /// page stands without a timeline).
    func journey(for verdict: Verdict) async -> Journey? {
        guard [.genuine, .suspectedClone, .recalled, .expired].contains(verdict.verdict),
            let serial = verdict.serial, let gtin = try? GTIN(verdict.gtin)
        else { return nil }
        let unit = GS1KeyForms.canonicalURI([
            GS1Element(ai: "01", value: gtin.gtin14), GS1Element(ai: "21", value: serial),
        ])
        var named = [unit]
        if let lot = verdict.lot { named.append(RecallScopeSearch.lotIdentity(gtin: gtin.gtin14, lot: lot)) }
        do {
            let first = try await graph.store.traceEvents(naming: named, visibleTo: nil)
            guard !first.isEmpty else { return nil }
            let trace = try await graph.trace(unit, visibleTo: nil)
            let journey = Journey(events: trace.events + first)
            return journey.steps.isEmpty ? nil : journey
        } catch {
            return nil
        }
    }
}
