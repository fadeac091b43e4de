import Foundation

/// A progress bar on standard error, drawn only when standard error is a terminal, so piped or
/// redirected output stays clean.
final class ProgressBar {
    private let total: Int64
    private let label: String
    private let enabled: Bool
    private var lastDrawn = Date.distantPast
    private let started = Date()

    /// Creates a bar for `total` steps.
    init(total: Int64, label: String) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = isatty(STDERR_FILENO) == 1
    }

    /// Redraws at most ten times a second, and always at the end.
    func update(_ done: Int64) {
        guard enabled else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let fraction = Double(done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / max(now.timeIntervalSince(started), 0.001)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(label) \(bar) \(Int(fraction * 100))% \(done)/\(total) (\(Int(rate))/s)"
        FileHandle.standardError.write(Data(line.utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
