import Foundation
import HummingbirdTesting
import Passport
import Testing
import Web

/// Where the browser check's interpreter is and whether it can run here.
enum BrowserCheck {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `QUALITYLOOP_PYTHON`, else the package's `.venv`, if the file exists.
    static var python: String? {
        let environment = ProcessInfo.processInfo.environment
        let candidate = environment["QUALITYLOOP_PYTHON"] ?? packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// Whether CI is running us, where a missing browser is a failure rather than a skip.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// What is missing for the check, or `nil` when everything is there.
    static func missing() async -> String? {
        guard let python else { return "no Python interpreter (set QUALITYLOOP_PYTHON or create .venv)" }
        for path in ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        where !FileManager.default.isExecutableFile(atPath: path) {
            return "\(path) is missing (apt-get install chromium chromium-driver)"
        }
        do {
            let (status, _) = try await run(python, ["-c", "import selenium"])
            return status == 0 ? nil : "selenium is not installed for \(python) (pip install selenium)"
        } catch {
            return "\(python) cannot run: \(error)"
        }
    }

    /// Runs a process to its end without blocking a thread of the concurrency pool; its output
    /// goes to a file, so that a chatty process cannot fill a pipe and stall.
    static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let log = NSTemporaryDirectory() + "browser-check-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        try handle.close()
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}

@Suite("Headless browser")
struct BrowserCheckTests {
    @Test(
        "a person on a phone sees the right verdict on genuine, forged and recalled pages, and the genuine unit's journey",
        .enabled(if: BrowserCheck.isCI || BrowserCheck.python != nil, "no Python for the browser check"),
        .timeLimit(.minutes(2)))
    func scanPagesInChromium() async throws {
        if let missing = await BrowserCheck.missing() {
            if BrowserCheck.isCI {
                Issue.record("the browser check cannot run on CI: \(missing)")
            }
            return
        }
        let python = try #require(BrowserCheck.python)
        var configuration = WebWorld.testConfiguration()
        configuration.clonePolicy = .standard
        let world = try await WebWorld(configuration: configuration)
        try await JourneyPageTests.captureJourney(world)
        let genuine = try await world.unitPath(index: 0)
        let original = try await world.unitPath(index: 1)
        let forged = String(original.dropLast()) + (original.last == "A" ? "B" : "A")
        let recalled = try await world.unitPath(lot: "REC1", index: 0)
        let screenshots =
            ProcessInfo.processInfo.environment["QUALITYLOOP_SCREENSHOTS"]
            ?? NSTemporaryDirectory() + "qualityloop-screens-\(UUID().uuidString)"
        let script = BrowserCheck.packageRoot.appendingPathComponent("scripts/browser-check.py").path

        let (status, output) = try await world.withApp(.live) { client in
            let port = try #require(client.port)
            let base = "http://localhost:\(port)"
            return try await BrowserCheck.run(
                python,
                [
                    script, "--out", screenshots, "--product-name", "五常大米 5kg", "--journey", "genuine",
                    "genuine=\(base)\(genuine)", "forged=\(base)\(forged)", "recalled=\(base)\(recalled)",
                ])
        }
        #expect(status == 0, "browser check failed:\n\(output)")
        for name in ["genuine-zh", "genuine-en", "forged-zh", "recalled-zh"] {
            #expect(FileManager.default.fileExists(atPath: "\(screenshots)/\(name).png"), "no screenshot \(name)")
        }
        await world.close()
    }
}
