import Access
public import Foundation
public import Hummingbird
public import Passport
import QualityCore

/// `/api/v1/issuances`: the owner of a batch issues unit codes (赋码) and downloads them as a
/// label file, one unit URI per line, streamed in bounded chunks however large the issuance.
public struct IssuanceController: Sendable {
    /// The passport use cases.
    public let service: PassportService
    /// The JSON body reader.
    public let body: JSONBody
    /// Units rendered per streamed piece of a label file.
    static let piece: Int64 = 262_144

    /// Creates the controller.
    public init(service: PassportService, body: JSONBody) {
        self.service = service
        self.body = body
    }

    /// The routes, relative to `/api/v1/issuances`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.post(use: create)
        routes.get("{id}/labels.csv", use: labels)
        return routes
    }

    /// The body of an issuance request.
    public struct IssueRequest: Codable, Sendable {
        /// The product's GTIN.
        public var gtin: String
        /// The batch's lot.
        public var lot: String
        /// How many unit codes to issue.
        public var count: Int64
    }

    /// An issuance as the API shows it.
    public struct IssuanceDTO: Codable, Sendable {
        /// The issuance id.
        public var id: Int64
        /// GTIN-14.
        public var gtin: String
        /// Lot.
        public var lot: String
        /// The first unit index.
        public var firstIndex: Int64
        /// How many units.
        public var count: Int64
        /// The issuing organisation.
        public var issuedBy: Int64
        /// When.
        public var issuedAt: Date
        /// Where to download the unit URIs.
        public var labelsUrl: String
        /// The position of the issuance's manifest in the ledger.
        public var ledgerIndex: UInt64?

        /// The representation of an issuance.
        public init(_ issuance: Issuance) {
            id = issuance.id
            gtin = issuance.gtin.gtin14
            lot = issuance.lot
            firstIndex = issuance.firstIndex
            count = issuance.count
            issuedBy = issuance.issuedBy
            issuedAt = issuance.issuedAt
            labelsUrl = "/api/v1/issuances/\(issuance.id)/labels.csv"
            ledgerIndex = issuance.ledgerIndex
        }
    }

    /// `POST /api/v1/issuances`.
    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let order = try await body.decode(IssueRequest.self, from: request)
        let gtin = try GTIN(order.gtin)
        let issuance = try await service.issueCodes(
            gtin: gtin, lot: order.lot, count: order.count, by: context.organisation)
        var response = try JSONCoding.response(IssuanceDTO(issuance), status: .created)
        response.headers[.location] = IssuanceDTO(issuance).labelsUrl
        return response
    }

    /// `GET /api/v1/issuances/{id}/labels.csv`: the file length is known up front, so it is sent with `Content-Length`.
    @Sendable func labels(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        guard let id = Int64(try context.parameters.require("id")) else {
            throw APIError.badRequest("bad_id", "an issuance id is a whole number")
        }
        let issuance = try await ownIssuance(id: id, of: context.organisation)
        let signer = try await service.signer(gtin: issuance.gtin, lot: issuance.lot)
        let writer = LabelWriter(stem: service.stem, chunkSize: 65_536)
        let lineLength =
            writer.uri(gtin: issuance.gtin, lot: issuance.lot, serial: signer.serial(index: issuance.firstIndex)).utf8
            .count + 1
        let filename = "labels-\(issuance.gtin.gtin14)-\(issuance.id).csv"
        let body = ResponseBody(contentLength: Int(issuance.count) * lineLength) { output in
            var start = issuance.firstIndex
            let end = issuance.firstIndex + issuance.count
            while start < end {
                let piece = Issuance(
                    id: issuance.id, gtin: issuance.gtin, lot: issuance.lot, firstIndex: start,
                    count: min(Self.piece, end - start), issuedBy: issuance.issuedBy, issuedAt: issuance.issuedAt)
                var buffer = ByteBuffer()
                buffer.reserveCapacity(Int(piece.count) * lineLength)
                try await writer.write(piece, signer: signer, sink: { bytes in buffer.writeBytes(bytes) })
                try await output.write(buffer)
                start += piece.count
            }
            try await output.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(filename)\"",
            ],
            body: body)
    }

    /// The issuance with an id among the organisation's own batches; 404 for anyone else's.
    func ownIssuance(id: Int64, of organisation: Organisation) async throws -> Issuance {
        for product in try await service.store.products(ownedBy: organisation.id) {
            for batch in try await service.store.batches(gtin: product.gtin) {
                if let found = try await service.store.issuances(gtin: product.gtin, lot: batch.lot).first(where: {
                    $0.id == id
                }) {
                    return found
                }
            }
        }
        throw APIError.notFound("issuance_not_found", "no issuance \(id) belongs to \(organisation.name)")
    }
}
