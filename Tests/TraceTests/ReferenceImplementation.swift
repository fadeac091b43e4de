import Foundation
import Testing

/// Runs the Python reference implementation.
enum ReferenceImplementation {
    /// The interpreter: `QUALITYLOOP_PYTHON`, else the package's `.venv/bin/python`, when it can
    /// import the generator.
    static let python: String? = {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["QUALITYLOOP_PYTHON"] { candidates.append(configured) }
        var packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { packageRoot.deleteLastPathComponent() }
        candidates.append(packageRoot.appendingPathComponent(".venv/bin/python").path)
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path)
                && (try? run(path, ["-c", "import epcis_event_hash_generator"])) != nil
        }
    }()

    /// Why the cross-check is skipped.
    static let missingComment: Comment =
        "no Python with epcis-event-hash-generator (set QUALITYLOOP_PYTHON or pip install epcis-event-hash-generator==1.9.3 into .venv); skipping"

    /// The hashes the reference prints for a file, in document order.
    static func hashes(of file: URL) throws -> [String] {
        let output = try run(try #require(python), ["-m", "epcis_event_hash_generator", file.path])
        return output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("ni:///") }
    }

    /// Runs a program and returns its standard output; throws when it fails.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }
}
