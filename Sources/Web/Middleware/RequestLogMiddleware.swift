import Foundation
public import Hummingbird
public import Logging

/// Logs one line per request with method, path, status and duration as metadata (never
/// interpolated into the message), so that log processors can filter and aggregate them.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The level requests are logged at.
    public let level: Logger.Level

    /// Creates the middleware.
    public init(level: Logger.Level) {
        self.level = level
    }

    /// Times the request and logs its outcome.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: started)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        guard context.logger.logLevel <= level else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.log(
            level: level, "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
                "http.status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.3f", milliseconds)),
            ])
    }
}
