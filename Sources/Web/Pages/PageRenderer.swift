import Foundation
import Mustache

/// The Mustache templates of the web pages, parsed once at start-up from the module's
/// `Templates` resource folder, so that serving a page never reads or compiles a template.
/// `{{…}}` escapes HTML; the only unescaped value is markup the server generates itself (the
/// QR code's SVG).
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// The templates every page needs; loading fails when one is missing.
    static let requiredTemplates = ["style", "scan", "error", "index", "recall"]

    /// Loads and parses the templates bundled with the module.
    public static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PageRendererError.missingTemplates("the Templates resource folder is not in the Web module bundle")
        }
        let library = try await MustacheLibrary(directory: folder.path)
        for name in requiredTemplates where library.getTemplate(named: name) == nil {
            throw PageRendererError.missingTemplates("template \(name).mustache is missing from \(folder.path)")
        }
        return PageRenderer(library: library)
    }

    /// Renders a page model with a template.
    func render(_ model: Any, template: String) -> String {
        library.render(model, withTemplate: template) ?? ""
    }
}

/// Why the page templates could not be loaded.
public enum PageRendererError: Error, CustomStringConvertible {
    /// A template or the folder is missing.
    case missingTemplates(String)

    /// The explanation.
    public var description: String {
        switch self {
        case .missingTemplates(let message): message
        }
    }
}
