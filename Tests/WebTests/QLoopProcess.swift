import Foundation

/// Runs the built `qloop` executable, as an operator would, and waits for it without blocking a
/// thread of the test's executor.
enum QLoopProcess {
    /// What a run printed and how it ended.
    struct Outcome: Sendable {
        let status: Int32
        let output: String
        let errors: String
    }

    /// The executable: `QUALITYLOOP_QLOOP`, or the debug build beside the tests.
    static var executable: String {
        if let configured = ProcessInfo.processInfo.environment["QUALITYLOOP_QLOOP"] { return configured }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/qloop").path
    }

    /// A running process, handed to the task that stops it when it overruns.
    private final class Running: @unchecked Sendable {
        let process: Process
        init(_ process: Process) { self.process = process }
    }

    /// Runs `qloop` with arguments and returns its exit status and output; a run longer than
    /// `timeout` is terminated (and then ends with the signal's status).
    static func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(120)
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        process.environment = variables
        // Files rather than pipes: a child writing more than a pipe holds would block until read,
        // and the output is only read once the child has ended.
        let base = NSTemporaryDirectory() + "qloop-run-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        defer {
            try? output.close()
            try? errors.close()
        }
        process.standardOutput = output
        process.standardError = errors
        let running = Running(process)
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if running.process.isRunning { running.process.terminate() }
        }
        defer { watchdog.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Outcome(
            status: status,
            output: String(decoding: FileManager.default.contents(atPath: base + ".out") ?? Data(), as: UTF8.self),
            errors: String(decoding: FileManager.default.contents(atPath: base + ".err") ?? Data(), as: UTF8.self))
    }
}
