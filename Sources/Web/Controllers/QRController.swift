import Foundation
public import Hummingbird
import QRCode
import QualityCore

/// `GET /api/v1/qr?uri=…&format=svg|png&ec=L|M|Q|H`: the QR code of any valid GS1 Digital
/// Link, for labels and listings. Public; the URI is checked before it is drawn.
public struct QRController: Sendable {
    /// Creates the controller.
    public init() {}

    /// The routes, relative to `/api/v1/qr`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get(use: image)
        return routes
    }

    /// `GET /api/v1/qr`.
    @Sendable func image(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let uri = query["uri"].map(String.init), !uri.isEmpty else {
            throw APIError.badRequest("missing_uri", "pass the Digital Link to draw as ?uri=…")
        }
        _ = try DigitalLink.parse(uri)
        let format = query["format"].map { $0.lowercased() } ?? "svg"
        let levelName = query["ec"].map { $0.uppercased() } ?? "M"
        guard let level = QRErrorCorrection(rawValue: levelName) else {
            throw APIError.badRequest("bad_ec", "ec must be L, M, Q or H; got '\(levelName)'")
        }
        let code = try QRCode.encode(uri, correction: level)
        switch format {
        case "svg":
            return Response(
                status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: ByteBuffer(string: code.svg(moduleSize: 8, quietZone: 4))))
        case "png":
            return Response(
                status: .ok, headers: [.contentType: "image/png", .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: ByteBuffer(bytes: code.png(scale: 8, quietZone: 4))))
        default:
            throw APIError.badRequest("bad_format", "format must be svg or png; got '\(format)'")
        }
    }
}
