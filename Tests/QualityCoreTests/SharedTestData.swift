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
    static let missingComment: Comment = "../shared/data (GS1 Digital Link vectors) not found next to the package root; skipping"

    /// A file in the GS1 Digital Link vector folder.
    static func digitalLinkFile(_ name: String) -> URL? {
        root?.appendingPathComponent("traceability/digital-link/\(name)")
    }

    /// The parsed JSON object of a GS1 Digital Link vector file, or an empty one when absent.
    static func digitalLinkJSON(_ name: String) -> [String: Any] {
        guard let url = digitalLinkFile(name), let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }
}
