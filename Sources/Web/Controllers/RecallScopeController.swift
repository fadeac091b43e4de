public import Hummingbird
import QualityCore
public import Trace

/// `/api/v1/recall/scope`: what a recall of a batch reaches — units, containers, locations,
/// orders and downstream lots — through the events the caller may see (an organisation its
/// own captures, a regulator all), as `qloop recall scope` prints it.
public struct RecallScopeController: Sendable {
    /// The scope search over the event store's lot index.
    public let search: RecallScopeSearch

    /// Creates the controller.
    public init(search: RecallScopeSearch) {
        self.search = search
    }

    /// The routes, relative to `/api/v1/recall`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.get("scope", use: scope)
        return routes
    }

    /// `GET /api/v1/recall/scope?gtin=…&lot=…[&serialFrom=…][&serialTo=…]`.
    @Sendable func scope(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let gtin = query["gtin"].map(String.init), !gtin.isEmpty else {
            throw APIError.badRequest("missing_gtin", "name the product to recall with ?gtin=… (GTIN-8, 12, 13 or 14)")
        }
        guard let lot = query["lot"].map(String.init) else {
            throw APIError.badRequest("missing_lot", "name the lot to recall with ?lot=…")
        }
        let serials = try SerialRange(
            from: query["serialFrom"].map(String.init), to: query["serialTo"].map(String.init))
        let scope = try await search.scope(
            gtin: gtin, lot: lot, serials: serials, visibleTo: context.visibleOrganisationID)
        return try JSONCoding.response(scope, snakeCase: false)
    }
}
