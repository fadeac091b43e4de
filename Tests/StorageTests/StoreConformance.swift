import Access
import Foundation
import QualityCore
import Storage
import Testing

/// The behaviour every store backend must show, run once per backend in `StoreFixture.all`,
/// each case on a fresh database. Further tests of the suite live in `StoreConformance+*.swift`.
@Suite("Store conformance")
struct StoreConformance {
    // MARK: Organisations

    @Test("organisations are created and found by id, name and in id order", arguments: StoreFixture.all)
    func organisations(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let market = try await stores.access.createOrganisation(name: "Jade Market", role: .platform)

            let byID = try await stores.access.organisation(id: dairy.id)
            let byName = try await stores.access.organisation(named: "Jade Market")
            let all = try await stores.access.organisations()
            let missingID = try await stores.access.organisation(id: market.id + 100)
            let missingName = try await stores.access.organisation(named: "Nobody")

            #expect(byID == dairy)
            #expect(byName == market)
            #expect(all == [dairy, market])
            #expect(dairy.id < market.id)
            #expect(missingID == nil)
            #expect(missingName == nil)
        }
    }

    @Test("a taken organisation name is a conflict", arguments: StoreFixture.all)
    func duplicateOrganisation(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            _ = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)

            let error = await #expect(throws: QualityError.self) {
                try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .lab)
            }

            #expect(error?.kind == .conflict)
            #expect(error?.code == "organisation_exists")
            #expect(try await stores.access.organisations().count == 1)
        }
    }

    // MARK: Company prefixes

    @Test("prefixes are assigned, listed in order and re-assigned idempotently", arguments: StoreFixture.all)
    func companyPrefixes(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)

            try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: dairy.id)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6900001"), to: dairy.id)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: dairy.id)

            let prefixes = try await stores.access.companyPrefixes(of: dairy.id)
            #expect(prefixes.map(\.digits) == ["6900001", "6901234"])
            #expect(try await stores.access.companyPrefixes(of: dairy.id + 1).isEmpty)
        }
    }

    @Test("a prefix overlapping another organisation's is a conflict", arguments: StoreFixture.all)
    func overlappingPrefixes(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let rival = try await stores.access.createOrganisation(name: "Rival Foods", role: .producer)
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: dairy.id)

            for taken in ["6901234", "69012345", "690123"] {
                let error = await #expect(throws: QualityError.self, "prefix \(taken)") {
                    try await stores.access.addCompanyPrefix(try CompanyPrefix(taken), to: rival.id)
                }
                #expect(error?.kind == .conflict)
                #expect(error?.code == "prefix_taken")
            }
            try await stores.access.addCompanyPrefix(try CompanyPrefix("6901235"), to: rival.id)

            #expect(try await stores.access.companyPrefixes(of: rival.id).map(\.digits) == ["6901235"])
            #expect(try await stores.access.companyPrefixes(of: dairy.id).map(\.digits) == ["6901234"])
        }
    }

    @Test("a prefix for an unknown organisation is not found", arguments: StoreFixture.all)
    func prefixForUnknownOrganisation(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let error = await #expect(throws: QualityError.self) {
                try await stores.access.addCompanyPrefix(try CompanyPrefix("6901234"), to: 42)
            }

            #expect(error?.kind == .notFound)
            #expect(error?.code == "organisation_not_found")
        }
    }

    // MARK: API tokens

    @Test("a token digest leads to its organisation; an unknown one to nothing", arguments: StoreFixture.all)
    func tokens(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let token = APIToken.generate()

            try await stores.access.addToken(digest: token.digest, label: "label printer", for: dairy.id)

            #expect(try await stores.access.organisation(forTokenDigest: token.digest) == dairy)
            #expect(try await stores.access.organisation(forTokenDigest: APIToken.generate().digest) == nil)
        }
    }

    @Test("a revoked token leads nowhere, and revoking twice changes nothing", arguments: StoreFixture.all)
    func revokedTokens(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let kept = APIToken.generate()
            let revoked = APIToken.generate()
            try await stores.access.addToken(digest: kept.digest, label: "kept", for: dairy.id)
            try await stores.access.addToken(digest: revoked.digest, label: "lost laptop", for: dairy.id)

            let first = try await stores.access.revokeToken(digest: revoked.digest)
            let second = try await stores.access.revokeToken(digest: revoked.digest)

            #expect(first)
            #expect(!second)
            #expect(try await stores.access.organisation(forTokenDigest: revoked.digest) == nil)
            #expect(try await stores.access.organisation(forTokenDigest: kept.digest) == dairy)
        }
    }

    @Test("a stored digest or an unknown organisation is refused", arguments: StoreFixture.all)
    func badTokens(fixture: StoreFixture) async throws {
        try await fixture.withStores { stores in
            let dairy = try await stores.access.createOrganisation(name: "Sunny Meadow Dairy", role: .producer)
            let token = APIToken.generate()
            try await stores.access.addToken(digest: token.digest, label: "first", for: dairy.id)

            let duplicate = await #expect(throws: QualityError.self) {
                try await stores.access.addToken(digest: token.digest, label: "again", for: dairy.id)
            }
            let orphan = await #expect(throws: QualityError.self) {
                try await stores.access.addToken(digest: APIToken.generate().digest, label: "x", for: dairy.id + 1)
            }

            #expect(duplicate?.code == "token_exists")
            #expect(duplicate?.kind == .conflict)
            #expect(orphan?.code == "organisation_not_found")
            #expect(orphan?.kind == .notFound)
        }
    }
}
