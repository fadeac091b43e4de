import Access
import Foundation
import Passport
import QualityCore
import Testing

@Suite("Verification verdicts")
struct VerificationTests {
    let browser = ScanContext(client: .browser)

    @Test("an issued unit is genuine, with product, batch, producer and scan count")
    func genuine() async throws {
        let world = try await PassportWorld()
        _ = try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: 100, by: world.producer)
        let verdict = try await world.service.verify(try await world.uri(index: 5), context: browser)
        #expect(verdict.verdict == .genuine)
        #expect(verdict.product?.name == "五常大米 5kg")
        #expect(verdict.batch?.lot == "WC-1")
        #expect(verdict.producer == "Heitudi")
        #expect(verdict.scanCount == 1)
        #expect(!verdict.reasons.isEmpty)
        let again = try await world.service.verify(try await world.uri(index: 5), context: browser)
        #expect(again.scanCount == 2)
        #expect(again.firstScanAt == verdict.checkedAt)
    }

    @Test("a tampered serial and a never-issued index are forged, with the failed check named")
    func forged() async throws {
        let world = try await PassportWorld()
        _ = try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: 10, by: world.producer)
        let signer = try await world.service.signer(gtin: world.gtin, lot: "WC-1")
        let real = signer.serial(index: 3)
        let tampered = UnitSerial(keyID: real.keyID, index: real.index, tag: real.tag &+ 1)
        let tamperedURI = world.service.labelWriter.uri(gtin: world.gtin, lot: "WC-1", serial: tampered)
        let verdict = try await world.service.verify(tamperedURI, context: browser)
        #expect(verdict.verdict == .forged)
        #expect(verdict.checks.contains { $0.id == "serial.authentic" && $0.outcome == .failed })

        let beyond = try await world.service.verify(try await world.uri(index: 10), context: browser)
        #expect(beyond.verdict == .forged)
        #expect(beyond.checks.contains { $0.id == "serial.issued" && $0.outcome == .failed })
    }

    @Test("an unregistered product or batch is unknown")
    func unknown() async throws {
        let world = try await PassportWorld()
        let noProduct = try await world.service.verify(
            "https://id.example.cn/01/06923456000018/10/X/21/00000000000000000000", context: browser)
        #expect(noProduct.verdict == .unknown)
        let noBatch = try await world.service.verify(try await world.uri(lot: "NOPE", index: 1), context: browser)
        #expect(noBatch.verdict == .unknown)
        #expect(noBatch.checks.contains { $0.id == "batch.registered" && $0.outcome == .failed })
    }

    @Test("a recalled batch's units are recalled, with the reason")
    func recalled() async throws {
        let world = try await PassportWorld()
        _ = try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: 10, by: world.producer)
        _ = try await world.service.recall(gtin: world.gtin, lot: "WC-1", reason: "霉变 mould", by: world.regulator)
        let verdict = try await world.service.verify(try await world.uri(index: 1), context: browser)
        #expect(verdict.verdict == .recalled)
        #expect(verdict.reasons.joined().contains("mould"))
    }

    @Test("a unit past its expiry date is expired")
    func expired() async throws {
        let world = try await PassportWorld()
        _ = try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: 10, by: world.producer)
        world.clock.advance(400 * 86_400)
        let verdict = try await world.service.verify(try await world.uri(index: 1), context: browser)
        #expect(verdict.verdict == .expired)
    }

    @Test("too many scans, or impossible travel, make a suspected clone")
    func suspectedClone() async throws {
        let world = try await PassportWorld(policy: ClonePolicy(maximumScans: 3))
        _ = try await world.service.issueCodes(gtin: world.gtin, lot: "WC-1", count: 10, by: world.producer)
        let uri = try await world.uri(index: 2)
        var verdicts: [VerdictKind] = []
        for _ in 0..<4 { verdicts.append(try await world.service.verify(uri, context: browser).verdict) }
        #expect(verdicts == [.genuine, .genuine, .genuine, .suspectedClone])

        let travelling = try await world.uri(index: 3)
        let shanghai = ScanContext(location: try ScanLocation(latitude: 31.2, longitude: 121.5), client: .browser)
        let urumqi = ScanContext(location: try ScanLocation(latitude: 43.8, longitude: 87.6), client: .browser)
        #expect(try await world.service.verify(travelling, context: shanghai).verdict == .genuine)
        world.clock.advance(600)
        let far = try await world.service.verify(travelling, context: urumqi)
        #expect(far.verdict == .suspectedClone)
        #expect(far.checks.contains { $0.id == "unit.travel" && $0.outcome == .failed })
    }

    @Test("text that is not a Digital Link with a GTIN is an invalid input, not a verdict")
    func invalidInput() async throws {
        let world = try await PassportWorld()
        await #expect(throws: QualityError.self) {
            _ = try await world.service.verify("https://id.example.cn/01/06901234000017/21/1", context: browser)
        }
        await #expect(throws: QualityError.self) {
            _ = try await world.service.verify("https://id.example.cn/414/6901234000009", context: browser)
        }
    }
}
