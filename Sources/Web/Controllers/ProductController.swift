import Access
public import Foundation
public import Hummingbird
public import Passport
import QualityCore

/// `/api/v1/products`: a producer registers products under its company prefixes and lists its
/// own; the owner or a regulator reads one product and its batches. Any other organisation is
/// told the product does not exist.
public struct ProductController: Sendable {
    /// The passport use cases.
    public let service: PassportService
    /// The JSON body reader.
    public let body: JSONBody

    /// Creates the controller.
    public init(service: PassportService, body: JSONBody) {
        self.service = service
        self.body = body
    }

    /// The routes, relative to `/api/v1/products`.
    public var endpoints: RouteCollection<SignedInRequestContext> {
        let routes = RouteCollection(context: SignedInRequestContext.self)
        routes.post(use: create)
        routes.get(use: list)
        routes.get("{gtin}", use: show)
        routes.get("{gtin}/batches", use: batches)
        return routes
    }

    /// A product as the API shows it.
    public struct ProductDTO: Codable, Sendable {
        /// GTIN-14.
        public var gtin: String
        /// Product name.
        public var name: String
        /// Brand.
        public var brand: String?
        /// Category name.
        public var category: String
        /// Specification (规格).
        public var specification: String?
        /// Product standard.
        public var standard: String?
        /// Composition or ingredients.
        public var composition: String?
        /// Place of origin.
        public var origin: String?
        /// The owning organisation's id.
        public var ownerId: Int64
        /// When it was registered.
        public var createdAt: Date
        /// The product's resolver URI (its passport page) and its badge.
        public var links: Links

        /// Links from a product.
        public struct Links: Codable, Sendable {
            /// The product-level Digital Link.
            public var passport: String
            /// The product's batches.
            public var batches: String
            /// The listing badge image.
            public var badge: String
        }

        /// The representation of a product.
        public init(_ product: Product, stem: String) {
            gtin = product.gtin.gtin14
            name = product.name
            brand = product.brand
            category = product.category.rawValue
            specification = product.specification
            standard = product.standard
            composition = product.composition
            origin = product.origin
            ownerId = product.ownerID
            createdAt = product.createdAt
            links = Links(
                passport: "\(stem)/01/\(product.gtin.gtin14)",
                batches: "/api/v1/products/\(product.gtin.gtin14)/batches",
                badge: "/badge/\(product.gtin.gtin14).svg")
        }
    }

    /// A list of products.
    public struct ProductList: Codable, Sendable {
        /// The products, by GTIN.
        public var products: [ProductDTO]
    }

    /// A list of batches.
    public struct BatchList: Codable, Sendable {
        /// The batches, by production date.
        public var batches: [BatchController.BatchDTO]
    }

    /// `POST /api/v1/products`.
    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let draft = try await body.decode(ProductDraft.self, from: request)
        let product = try await service.registerProduct(draft, by: context.organisation)
        var response = try JSONCoding.response(ProductDTO(product, stem: service.stem), status: .created)
        response.headers[.location] = "/api/v1/products/\(product.gtin.gtin14)"
        return response
    }

    /// `GET /api/v1/products`.
    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let products = try await service.store.products(ownedBy: context.organisation.id)
        return try JSONCoding.response(ProductList(products: products.map { ProductDTO($0, stem: service.stem) }))
    }

    /// `GET /api/v1/products/{gtin}`.
    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let product = try await visibleProduct(context.parameters.require("gtin"), to: context.organisation)
        return try JSONCoding.response(ProductDTO(product, stem: service.stem))
    }

    /// `GET /api/v1/products/{gtin}/batches`.
    @Sendable func batches(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let product = try await visibleProduct(context.parameters.require("gtin"), to: context.organisation)
        let batches = try await service.store.batches(gtin: product.gtin)
        return try JSONCoding.response(BatchList(batches: batches.map(BatchController.BatchDTO.init)))
    }

    /// The product with a GTIN if the organisation owns it or regulates; otherwise 404, so
    /// that other organisations cannot even learn that it exists.
    func visibleProduct(_ text: String, to organisation: Organisation) async throws -> Product {
        let gtin = try GTIN(text)
        guard let product = try await service.store.product(gtin: gtin),
            product.ownerID == organisation.id || organisation.role == .regulator
        else {
            throw APIError.notFound(
                "product_not_found", "no product with GTIN \(gtin.gtin14) is visible to \(organisation.name)")
        }
        return product
    }
}
