import Foundation
import Testing

/// Shared traceability vectors, read at run time from `../shared/data/traceability` next to
/// the package root. Tests that need them are disabled with a message when it is absent.
enum TraceTestData {
    /// `../shared/data/traceability`, or `nil` when it does not exist.
    static let root: URL? = {
        var packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { packageRoot.deleteLastPathComponent() }
        let data = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/traceability")
        return FileManager.default.fileExists(atPath: data.path) ? data : nil
    }()

    /// Whether the shared data is present.
    /// Whether the data is there; on CI (`CI` set) it must be, so its tests run and fail there.
    static var isAvailable: Bool { root != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// Why vector tests are skipped when the folder is absent.
    static let missingComment: Comment = "../shared/data/traceability not found next to the package root; skipping"

    /// Names of the files in a folder under the traceability data, sorted; empty when absent.
    static func files(in folder: String, extensions: Set<String>) -> [String] {
        guard let root else { return [] }
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
    }

    /// The bytes of a file under the traceability data.
    static func data(_ path: String) throws -> Data {
        guard let root else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// The non-empty lines of a text file under the traceability data, or `nil` when it is absent.
    static func lines(_ path: String) -> [String]? {
        guard let data = try? data(path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
