import Foundation
public import Hummingbird
public import Ledger
import QualityCore

/// `/ledger`: the tamper-evident log's public face. Anyone may fetch the latest signed checkpoint
/// and the key that signs it, and ask for inclusion and consistency proofs to check against a
/// checkpoint they hold, without trusting the server.
public struct LedgerController: Sendable {
    /// The log.
    public let ledger: Ledger
    /// The latest checkpoint, cached.
    public let latest: LatestCheckpoint

    /// Creates the controller.
    public init(ledger: Ledger, latest: LatestCheckpoint) {
        self.ledger = ledger
        self.latest = latest
    }

    /// The routes, relative to `/ledger`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("checkpoint", use: checkpoint)
        routes.get("key", use: key)
        routes.get("proof/inclusion", use: inclusion)
        routes.get("proof/consistency", use: consistency)
        return routes
    }

    /// `GET /ledger/checkpoint`: the latest signed checkpoint as C2SP signed-note text.
    @Sendable func checkpoint(_ request: Request, context: AppRequestContext) async throws -> Response {
        Self.text(try await latest.current().note, cache: "no-cache")
    }

    /// `GET /ledger/key`: the note verifier key of the checkpoints' signatures.
    @Sendable func key(_ request: Request, context: AppRequestContext) -> Response {
        Self.text(ledger.verifierKey.description + "\n", cache: "max-age=3600")
    }

    /// `GET /ledger/proof/inclusion?index=I&size=N`: the inclusion proof of leaf I in the tree of N leaves.
    @Sendable func inclusion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let index = try Self.size(request, "index")
        let size = try Self.size(request, "size")
        let proof = try await Self.translating { try await ledger.inclusionProof(index: index, size: size) }
        return try Self.json(proof)
    }

    /// `GET /ledger/proof/consistency?from=A&to=B`: the consistency proof from the tree of A leaves to that of B.
    @Sendable func consistency(_ request: Request, context: AppRequestContext) async throws -> Response {
        let first = try Self.size(request, "from")
        let second = try Self.size(request, "to")
        let proof = try await Self.translating { try await ledger.consistencyProof(from: first, to: second) }
        return try Self.json(proof)
    }

    /// A required whole-number query parameter; 400 when it is missing or not a whole number.
    static func size(_ request: Request, _ name: String) throws(APIError) -> UInt64 {
        guard let text = request.uri.queryParameters[Substring(name)], !text.isEmpty else {
            throw .badRequest("missing_parameter", "the query parameter '\(name)' is required")
        }
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = UInt64(text) else {
            throw .badRequest(
                "bad_parameter", "the query parameter '\(name)' must be a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    /// Runs a proof request, turning the ledger's refusals (a leaf or size outside the tree,
    /// sizes out of order) into 400s with the ledger's code.
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as LedgerError {
            throw error.qualityError
        }
    }

    /// A plain-text response open to every origin.
    static func text(_ text: String, cache: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/plain; charset=utf-8", .cacheControl: cache, .accessControlAllowOrigin: "*",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON response open to every origin.
    static func json(_ value: some Encodable) throws -> Response {
        var response = try JSONCoding.response(value)
        response.headers[.accessControlAllowOrigin] = "*"
        return response
    }
}
