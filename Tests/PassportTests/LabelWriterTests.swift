import Foundation
import Passport
import QualityCore
import Testing

@Suite("Label files")
struct LabelWriterTests {
    @Test("every line is a distinct, authentic unit URI, in index order, across chunk boundaries")
    func linesInOrder() async throws {
        let gtin = try GTIN(checking: "6901234000016")
        let signer = SerialSigner(key: .generate(id: 0), gtin: gtin, lot: "L/1")
        let writer = LabelWriter(stem: "https://id.example.cn/qr", chunkSize: 1_000)
        let issuance = Issuance(id: 1, gtin: gtin, lot: "L/1", firstIndex: 500, count: 12_345, issuedBy: 1, issuedAt: Date())
        var bytes: [UInt8] = []
        var reported: [Int64] = []
        try await writer.write(issuance, signer: signer, sink: { bytes += $0 }, progress: { reported.append($0) })

        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 12_345)
        #expect(Set(lines).count == lines.count)
        #expect(reported.last == 12_345)
        for (offset, line) in lines.enumerated() where offset % 997 == 0 || offset == lines.count - 1 {
            let link = try DigitalLink.parse(line)
            let code = try UnitCode(link)
            #expect(code.gtin == gtin)
            #expect(code.lot == "L/1")
            let serialText = try #require(code.serial)
            let serial = try #require(UnitSerial(parsing: serialText))
            #expect(serial.index == 500 + Int64(offset))
            #expect(signer.authenticates(serial))
            #expect(line.hasPrefix("https://id.example.cn/qr/01/06901234000016/10/L%2F1/21/"))
        }
    }
}
