import Passport
import QualityCore
import Testing

@Suite("Unit serials")
struct UnitSerialTests {
    let gtin = try! GTIN(checking: "09506000134352")
    let key = SerialKey(id: 3, secret: Array(0..<32))

    @Test("a serial is 20 base-62 characters and reads back to the same index and tag")
    func roundTrip() throws {
        let signer = SerialSigner(key: key, gtin: gtin, lot: "A1")
        for index: Int64 in [0, 1, 61, 62, 3_844, 9_999_999, UnitSerial.indexLimit - 1] {
            let serial = signer.serial(index: index)
            #expect(serial.text.utf8.count == 20)
            #expect(serial.text.utf8.allSatisfy { Base62.digit(of: $0) != nil })
            let parsed = try #require(UnitSerial(parsing: serial.text))
            #expect(parsed == serial)
            #expect(signer.authenticates(parsed))
        }
    }

    @Test("malformed serials do not parse", arguments: [
        "", "123", "0000000000000000000000", "00000000000000000000!", "000000000zzzzzzzzzzz",
    ])
    func malformed(text: String) {
        #expect(UnitSerial(parsing: text) == nil)
    }

    @Test("a tag authenticates only its own unit, batch, product and key")
    func bindings() throws {
        let signer = SerialSigner(key: key, gtin: gtin, lot: "A1")
        let serial = signer.serial(index: 42)
        #expect(!signer.authenticates(UnitSerial(keyID: 3, index: 43, tag: serial.tag)))
        #expect(!signer.authenticates(UnitSerial(keyID: 3, index: 42, tag: serial.tag ^ 1)))
        #expect(!SerialSigner(key: key, gtin: gtin, lot: "A2").authenticates(serial))
        let otherGTIN = try GTIN(checking: "09506000134369")
        #expect(!SerialSigner(key: key, gtin: otherGTIN, lot: "A1").authenticates(serial))
        let otherKey = SerialKey(id: 3, secret: Array(repeating: 7, count: 32))
        #expect(!SerialSigner(key: otherKey, gtin: gtin, lot: "A1").authenticates(serial))
    }

    @Test("random 20-character serials never authenticate")
    func randomGuesses() {
        let signer = SerialSigner(key: key, gtin: gtin, lot: "A1")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let text = String(decoding: (0..<20).map { _ in Base62.alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            if let serial = UnitSerial(parsing: text) {
                #expect(!signer.authenticates(serial))
            }
        }
    }
}
