import Access
import Foundation
public import Hummingbird
import Passport
import QualityCore
public import Recalls

/// `/recalls/{id}`: the recall page for the producer that owns the product and for regulators,
/// in Chinese or English (`?lang=`): the scope, the legal clock, notices, returns by level and
/// the correction rate over time as an inline SVG chart. Signed in by `PageSignInMiddleware`.
public struct RecallPageController: Sendable {
    /// The recall use cases.
    public let service: RecallService
    /// The page templates.
    let pages: PageRenderer

    /// Creates the controller.
    init(service: RecallService, pages: PageRenderer) {
        self.service = service
        self.pages = pages
    }

    /// The routes, relative to `/recalls`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("{id}", use: page)
        return routes
    }

    /// `GET /recalls/{id}`.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let organisation = context.organisation else {
            throw PageSignInMiddleware.challenge("sign in with an API token")
        }
        let id = try GovernanceController.id(try context.parameters.require("id"))
        let report = try await service.report(id, for: organisation)
        let product = try await service.passport.store.product(gtin: report.record.scope.gtin)
        let model = RecallPage(
            report: report, product: product, language: PageLanguage.requested(by: request), path: request.uri.path)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentLanguage: model.lang,
            ],
            body: .init(byteBuffer: ByteBuffer(string: pages.render(model, template: "recall"))))
    }
}
