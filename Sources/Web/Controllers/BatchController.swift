import Access
public import Foundation
public import Hummingbird
public import Passport
import QualityCore

/// `/api/v1/batches`: the owner registers batches of its products; the owner or a regulator
/// recalls one.
public struct BatchController: Sendable {
    /// The passport use cases.
    public let service: PassportService
    /// The JSON body reader.
    public let body: JSONBody

    /// Creates the controller.
    public init(service: PassportService, body: JSONBody) {
        self.service = service
        self.body = body
    }

    /// The routes, relative to `/api/v1/batches`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.post(use: create)
        routes.post("{gtin}/{lot}/recall", use: recall)
        return routes
    }

    /// A batch as the API shows it.
    public struct BatchDTO: Codable, Sendable {
        /// GTIN-14 of the product.
        public var gtin: String
        /// Lot number.
        public var lot: String
        /// Production date, `YYYY-MM-DD`.
        public var produced: String
        /// Expiry date, `YYYY-MM-DD`.
        public var expires: String?
        /// Factory GLN.
        public var factoryGln: String?
        /// Units made.
        public var quantity: Int64?
        /// Lab report reference.
        public var labReport: String?
        /// The recall in force, if any.
        public var recall: RecallDTO?
        /// When it was registered.
        public var createdAt: Date

        /// The representation of a batch.
        public init(_ batch: Batch) {
            gtin = batch.gtin.gtin14
            lot = batch.lot
            produced = batch.producedOn.description
            expires = batch.expiresOn?.description
            factoryGln = batch.factoryGLN
            quantity = batch.quantity
            labReport = batch.labReport
            recall = batch.recall.map(RecallDTO.init)
            createdAt = batch.createdAt
        }
    }

    /// A recall as the API shows it.
    public struct RecallDTO: Codable, Sendable {
        /// When it took effect.
        public var recalledAt: Date
        /// The organisation that ordered it.
        public var byOrganisationId: Int64
        /// Why.
        public var reason: String

        /// The representation of a recall.
        public init(_ recall: Recall) {
            recalledAt = recall.recalledAt
            byOrganisationId = recall.byOrganisationID
            reason = recall.reason
        }
    }

    /// The body of a recall request.
    public struct RecallRequest: Codable, Sendable {
        /// Why the batch is recalled, for buyers.
        public var reason: String
    }

    /// `POST /api/v1/batches`.
    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let draft = try await body.decode(BatchDraft.self, from: request)
        let batch = try await service.registerBatch(draft, by: context.organisation)
        var response = try JSONCoding.response(BatchDTO(batch), status: .created)
        response.headers[.location] = "/api/v1/products/\(batch.gtin.gtin14)/batches"
        return response
    }

    /// `POST /api/v1/batches/{gtin}/{lot}/recall`.
    @Sendable func recall(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try context.require(.producer, .regulator, toDo: "recall a batch")
        let gtin = try GTIN(context.parameters.require("gtin"))
        let lot = try PathParameter.decoded(context.parameters.require("lot"))
        let recall = try await body.decode(RecallRequest.self, from: request)
        let batch = try await service.recall(gtin: gtin, lot: lot, reason: recall.reason, by: context.organisation)
        return try JSONCoding.response(BatchDTO(batch))
    }
}
