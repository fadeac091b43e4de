import Foundation
import NIOCore

/// The OpenAPI 3.1 description served at `/openapi.json`. The repository's `openapi.json` is
/// the source; the module bundles an identical copy (`Templates/openapi.json`), because a
/// server cannot count on its working directory. A test keeps the two equal.
enum OpenAPIDocument {
    /// The bundled document's bytes.
    static func load() throws -> ByteBuffer {
        guard
            let url = Bundle.module.url(forResource: "Templates/openapi", withExtension: "json")
                ?? Bundle.module.resourceURL?.appendingPathComponent("Templates/openapi.json")
        else {
            throw PageRendererError.missingTemplates("openapi.json is not in the Web module bundle")
        }
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }
}
