import Foundation
import Testing

/// Test vectors shared between projects, read at run time from `../shared/data` next to the
/// package root. Tests that need them are disabled with a message when the folder is absent.
enum SharedTestData {
    /// `../shared/data`, or `nil` when it does not exist.
    static let root: URL? = {
        var packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { packageRoot.deleteLastPathComponent() }
        let data = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: data.path) ? data : nil
    }()

    /// Whether the shared data folder is present.
    /// Whether the data is there; on CI (`CI` set) it must be, so its tests run and fail there.
    static var isAvailable: Bool { root != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// Why vector tests are skipped when the folder is absent.
    static let missingComment: Comment =
        "../shared/data (transparency-dev Merkle proof vectors) not found next to the package root; skipping"

    /// Every JSON file under a folder of the Merkle proof vectors, by path, sorted.
    static func merkleVectorFiles(_ folder: String) -> [String] {
        guard let base = root?.appendingPathComponent("traceability/merkle-proofs/\(folder)"),
            let walker = FileManager.default.enumerator(atPath: base.path)
        else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".json") { files.append(base.appendingPathComponent(relative).path) }
        }
        return files.sorted()
    }

    /// The path shown for a vector file: the part after `merkle-proofs/`.
    static func shortName(_ path: String) -> String {
        path.components(separatedBy: "merkle-proofs/").last ?? path
    }
}
