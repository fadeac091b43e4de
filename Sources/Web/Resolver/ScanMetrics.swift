import CoreMetrics
import Passport

/// Counters of verdicts given to scans, one per verdict word, made once so that counting a
/// scan is a single atomic add.
struct ScanMetrics: Sendable {
    private let counters: [VerdictKind: Counter]

    /// Creates the counters (`qualityloop_scans_total{verdict="…"}` in Prometheus).
    init() {
        var counters: [VerdictKind: Counter] = [:]
        for kind in VerdictKind.allCases {
            counters[kind] = Counter(label: "qualityloop_scans_total", dimensions: [("verdict", kind.rawValue)])
        }
        self.counters = counters
    }

    /// Counts one verdict.
    func record(_ kind: VerdictKind) {
        counters[kind]?.increment()
    }
}
