import CoreMetrics
public import Prometheus

/// The process-wide Prometheus registry. swift-metrics allows one bootstrap per process (a
/// second one traps), while tests build many applications in one process: the first use of
/// `registry` bootstraps, every later use gets the same registry.
public enum MetricsBootstrap {
    /// The registry every metric of the process goes to; `/metrics` exports it.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in (prometheusName(name), labels) }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Hummingbird's metric labels follow OpenTelemetry (`hb.requests`); Prometheus wants
    /// underscores, `_total` on counters and the unit in the name.
    static let renames = [
        "hb.requests": "hb_requests_total",
        "hb.request.errors": "hb_request_errors_total",
        "http.server.request.duration": "http_server_request_duration_seconds",
        "http.server.active_requests": "http_server_active_requests",
    ]

    /// The Prometheus name of a swift-metrics label.
    static func prometheusName(_ label: String) -> String {
        if let renamed = renames[label] { return renamed }
        return String(label.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" ? $0 : "_" })
    }
}
