import Foundation
public import Hummingbird
public import Passport
import QualityCore

/// `GET /badge/{gtin}.svg`: the badge a listing displays (亮码). It is drawn live from the
/// passport on every request (cached for five minutes), so a listing cannot keep showing
/// "verified" after its product loses that standing: green when the product is registered,
/// amber when one of its batches is recalled, grey when no passport exists.
public struct BadgeController: Sendable {
    /// The passport use cases.
    public let service: PassportService

    /// Creates the controller.
    public init(service: PassportService) {
        self.service = service
    }

    /// The routes, relative to `/badge`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("{gtin}.svg", use: badge)
        return routes
    }

    /// The standing a badge shows.
    enum Standing {
        case verified, recall, unregistered
    }

    /// `GET /badge/{gtin}.svg`.
    @Sendable func badge(_ request: Request, context: AppRequestContext) async throws -> Response {
        let gtin = try GTIN(context.parameters.require("gtin"))
        let standing: Standing
        if try await service.store.product(gtin: gtin) == nil {
            standing = .unregistered
        } else if try await service.store.batches(gtin: gtin).contains(where: { $0.recall != nil }) {
            standing = .recall
        } else {
            standing = .verified
        }
        return Response(
            status: .ok,
            headers: [.contentType: "image/svg+xml; charset=utf-8", .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: Self.svg(gtin: gtin.gtin14, standing: standing))))
    }

    /// The badge image.
    static func svg(gtin: String, standing: Standing) -> String {
        let (colour, chinese, english): (String, String, String) =
            switch standing {
            case .verified: ("#1b7f3b", "✓ 数字护照已验证", "Verified passport")
            case .recall: ("#b45309", "⚠ 有批次召回", "Batch recall in force")
            case .unregistered: ("#5f6368", "? 未登记", "No passport")
            }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="240" height="44" viewBox="0 0 240 44" role="img" aria-label="QualityLoop: \(english) (\(gtin))">\
            <title>QualityLoop \(chinese) · \(english) · GTIN \(gtin)</title>\
            <rect width="240" height="44" rx="6" fill="\(colour)"/>\
            <rect width="84" height="44" rx="6" fill="#2b2d31"/><rect x="78" width="6" height="44" fill="#2b2d31"/>\
            <g fill="#fff" font-family="PingFang SC,Noto Sans CJK SC,Microsoft YaHei,sans-serif">\
            <text x="42" y="19" font-size="11" text-anchor="middle">QualityLoop</text>\
            <text x="42" y="35" font-size="12" text-anchor="middle">质量闭环</text>\
            <text x="162" y="20" font-size="14" font-weight="bold" text-anchor="middle">\(chinese)</text>\
            <text x="162" y="36" font-size="11" text-anchor="middle">\(english)</text>\
            </g></svg>
            """
    }
}
