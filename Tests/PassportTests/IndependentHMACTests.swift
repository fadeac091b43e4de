import Crypto
import Foundation
import Passport
import QualityCore
import Testing

/// Checks the serial tag against Python's standard-library HMAC, an implementation independent of
/// the one the code uses.
@Suite("Serial tags against an independent HMAC")
struct IndependentHMACTests {
    @Test("the tag is the first 8 bytes of HMAC-SHA256 over gtin14 ‖ GS ‖ lot ‖ GS ‖ key id ‖ index")
    func matchesPython() throws {
        guard let python = TestEnvironment.python else {
            try TestEnvironment.missing("a Python interpreter (QUALITYLOOP_PYTHON)")
            return
        }
        let key = SerialKey(id: 5, secret: (0..<32).map { UInt8(($0 * 37 + 11) % 256) })
        let gtin = try GTIN(checking: "06901234000016")
        let lot = "WC2026-09A"
        let indices: [Int64] = [0, 1, 255, 65_536, 123_456_789]
        let script = """
            import hmac, hashlib, sys
            key = bytes([(i * 37 + 11) % 256 for i in range(32)])
            for index in [int(x) for x in sys.argv[1:]]:
                msg = b"06901234000016" + b"\\x1d" + b"WC2026-09A" + b"\\x1d" + bytes([5]) + index.to_bytes(8, "big")
                print(int.from_bytes(hmac.new(key, msg, hashlib.sha256).digest()[:8], "big"))
            """
        let output = try TestEnvironment.run(python, ["-c", script] + indices.map(String.init))
        let expected = output.split(separator: "\n").compactMap { UInt64($0) }
        let signer = SerialSigner(key: key, gtin: gtin, lot: lot)
        #expect(indices.map { signer.tag(index: $0) } == expected)
    }
}

/// Checks the specialised one-block HMAC against swift-crypto's general HMAC-SHA256.
@Suite("Serial tags against swift-crypto")
struct SwiftCryptoHMACTests {
    @Test("every lot length AI 10 allows, many indices and keys", arguments: [1, 5, 13, 19, 20])
    func matchesSwiftCrypto(lotLength: Int) throws {
        let gtin = try GTIN(checking: "09506000134352")
        let lot = String(repeating: "L", count: lotLength - 1) + "9"
        for keyID in [0, 17, 61] {
            let key = SerialKey.generate(id: keyID)
            let signer = SerialSigner(key: key, gtin: gtin, lot: lot)
            for index: Int64 in [0, 1, 255, 256, 65_535, 1 << 40, UnitSerial.indexLimit - 1] {
                var message = Array(gtin.gtin14.utf8) + [0x1D] + Array(lot.utf8) + [0x1D, UInt8(keyID)]
                withUnsafeBytes(of: UInt64(index).bigEndian) { message += $0 }
                let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key.secret))
                let expected = mac.withUnsafeBytes { $0.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
                #expect(signer.tag(index: index) == expected)
            }
        }
    }
}
