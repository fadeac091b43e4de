import Foundation
import Testing

/// Where tests find outside tools, and what they do when a tool is missing: skip on a
/// developer's machine, fail on CI (where `scripts/test` installs everything).
enum TestEnvironment {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Python interpreter with the project's test tools, if any.
    static var python: String? {
        if let configured = ProcessInfo.processInfo.environment["QUALITYLOOP_PYTHON"] { return configured }
        let local = packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: local) ? local : nil
    }

    /// Records a failure on CI, or notes the skip elsewhere.
    static func missing(_ what: String) throws {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("\(what) is missing on CI; scripts/test should have installed it")
        } else {
            print("skipping: \(what) is not available")
        }
    }

    /// Runs a program and returns its standard output; throws on a non-zero exit.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable) exited \(process.terminationStatus)"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
