import Foundation
import Testing

/// Runs `scripts/qr-decode.py` (zxing-cpp, a decoder independent of this encoder) on a batch of
/// PNG images in one Python process.
///
/// The interpreter comes from `QUALITYLOOP_PYTHON`, else the package's `.venv/bin/python`.
struct ZxingDecoder: Sendable {
    /// One decoded image as the script reports it; the fields are nil when nothing was found.
    struct Symbol: Sendable, Decodable {
        /// The image file.
        let file: String
        /// The decoded text.
        let text: String?
        /// The version the decoder read.
        let version: Int?
        /// The error correction level letter the decoder read.
        let ecLevel: String?
        /// The mask the decoder read.
        let mask: Int?
    }

    /// Why decoding cannot run here.
    struct Unavailable: Error, CustomStringConvertible {
        /// What is missing, and how to install it.
        let description: String
    }

    /// The Python interpreter.
    let python: URL
    /// The decoding script.
    let script: URL

    /// The decoder of this checkout, or why there is none.
    static func locate() -> Result<ZxingDecoder, Unavailable> {
        // Resolve symlinks so the package root is found when the tests are built from a link.
        let testFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let root = testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/qr-decode.py")
        let python: URL
        if let configured = ProcessInfo.processInfo.environment["QUALITYLOOP_PYTHON"], !configured.isEmpty {
            python = URL(fileURLWithPath: configured)
        } else {
            python = root.appendingPathComponent(".venv/bin/python")
        }
        let files = FileManager.default
        guard files.isExecutableFile(atPath: python.path) else {
            return .failure(
                Unavailable(
                    description: "QR decoder missing: no Python at \(python.path); set "
                        + "QUALITYLOOP_PYTHON or run: python3 -m venv .venv && .venv/bin/pip install zxing-cpp pillow"))
        }
        guard files.fileExists(atPath: script.path) else {
            return .failure(Unavailable(description: "QR decoder missing: no script at \(script.path)"))
        }
        return .success(ZxingDecoder(python: python, script: script))
    }

    /// Whether the `CI` environment variable is set, where a missing decoder must fail the tests
    /// rather than skip them.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Whether decoding tests should run: the decoder is installed, or CI requires it.
    static var isInstalledOrRequired: Bool {
        if isRequired { return true }
        if case .success = locate() { return true }
        return false
    }

    /// Why decoding tests are skipped, for the skip message.
    static var skipReason: Comment {
        if case .failure(let reason) = locate() { return Comment(rawValue: reason.description) }
        return "the QR decoder is installed"
    }

    /// The decoder, or nil after skipping the current test (locally) or recording a failure (when
    /// the `CI` environment variable is set, where a missing decoder must not pass silently).
    static func usable(
        _ lookup: Result<ZxingDecoder, Unavailable>, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ZxingDecoder? {
        switch lookup {
        case .success(let decoder):
            return decoder
        case .failure(let reason):
            if isRequired {
                Issue.record("\(reason)", sourceLocation: sourceLocation)
                return nil
            }
            try Test.cancel("\(reason)", sourceLocation: sourceLocation)
        }
    }

    /// Writes the images to one temporary folder and decodes them with one script run; the
    /// result lists one symbol per image, in order.
    func decode(_ images: [[UInt8]]) throws -> [Symbol] {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("qr-decode-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        var paths: [String] = []
        for (index, image) in images.enumerated() {
            let url = folder.appendingPathComponent("\(index).png")
            try Data(image).write(to: url)
            paths.append(url.path)
        }

        let output = folder.appendingPathComponent("decoded.jsonl")
        let errors = folder.appendingPathComponent("stderr.txt")
        guard files.createFile(atPath: output.path, contents: nil), files.createFile(atPath: errors.path, contents: nil)
        else {
            throw DecodeRunFailure(status: -1, messages: "cannot create output files in \(folder.path)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, "--json"] + paths
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()

        let messages = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        // Exit 2: zxing-cpp or Pillow cannot be imported, so the decoder is missing, not failing.
        if process.terminationStatus == 2 {
            throw Unavailable(
                description: "QR decoder missing: \(messages.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        guard process.terminationStatus == 0 || process.terminationStatus == 1 else {
            throw DecodeRunFailure(status: process.terminationStatus, messages: messages)
        }
        let lines = try String(decoding: Data(contentsOf: output), as: UTF8.self).split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(Symbol.self, from: Data($0.utf8)) }
    }

    /// The script failed in a way other than finding no code.
    struct DecodeRunFailure: Error, CustomStringConvertible {
        /// The exit status.
        let status: Int32
        /// What the script wrote to standard error.
        let messages: String
        /// Status and messages.
        var description: String { "qr-decode.py exited with \(status): \(messages)" }
    }
}
