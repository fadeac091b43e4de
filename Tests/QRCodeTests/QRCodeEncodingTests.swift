import Testing

@testable import QRCode

/// Version choice, mode choice and errors of `QRCode.encode`.
@Suite("Encoding")
struct QRCodeEncodingTests {
    @Test("the passport URI fits version 5 at M with a numeric segment for the GTIN")
    func digitalLinkSegments() throws {
        let bytes = Array(SampleContent.passportURI.utf8)
        let segments = QRSegmentPlanner.segments(for: bytes, sizeClass: 0)
        let numeric = segments.filter { $0.mode == .numeric }.map { String(decoding: $0.bytes, as: UTF8.self) }

        #expect(numeric.contains("09506000134352"))
        #expect(try QRCode.encode(SampleContent.passportURI).version == 5)
    }

    @Test("digits use numeric mode and so a smaller symbol than bytes would need")
    func numericMode() throws {
        let digits = String(repeating: "0123456789", count: 4)
        let segments = QRSegmentPlanner.segments(for: Array(digits.utf8), sizeClass: 0)

        #expect(segments.map(\.mode) == [.numeric])
        // 40 digits: 4 + 10 + 134 bits fit version 1-L (152 bits); 40 bytes would need version 3.
        #expect(try QRCode.encode(digits, correction: .low).version == 1)
    }

    @Test("an upper-case URI uses alphanumeric mode with numeric runs")
    func alphanumericMode() throws {
        let text = "HTTPS://ID.EXAMPLE.COM/01/09506000134352"
        let modes = Set(QRSegmentPlanner.segments(for: Array(text.utf8), sizeClass: 0).map(\.mode))

        #expect(modes == [.alphanumeric, .numeric])
    }

    @Test("text with non-ASCII characters starts with the UTF-8 ECI designator; ASCII text does not")
    func utf8Announcement() throws {
        let (version, segments) = try QRCode.fit(Array("产品数字护照".utf8), correction: .medium, versions: 1...40)
        let data = QRCodewords.data(segments: segments, version: version, correction: .medium)
        let (_, plain) = try QRCode.fit(Array("product passport".utf8), correction: .medium, versions: 1...40)

        #expect(segments.map(\.mode) == [.eci, .byte])
        // 0111 (ECI), 00011010 (designator 26, UTF-8), 0100 (byte mode), then the count 18.
        #expect(Array(data.prefix(3)) == [0b0111_0001, 0b1010_0100, 18])
        #expect(plain.map(\.mode) == [.byte])
    }

    @Test("the minimum version is honoured and the size follows the version")
    func minimumVersion() throws {
        let code = try QRCode.encode("A", correction: .high, minimumVersion: 7)

        #expect(code.version == 7)
        #expect(code.size == 45)
    }

    @Test("finder patterns sit in three corners and the quiet zone is light")
    func finderPatterns() throws {
        let code = try QRCode.encode(SampleContent.passportURI)
        let last = code.size - 1

        for (x, y) in [(0, 0), (6, 6), (last, 0), (last - 6, 6), (0, last), (6, last - 6), (3, 3)] {
            #expect(code.isDark(x: x, y: y), "(\(x), \(y))")
        }
        for (x, y) in [(1, 1), (7, 7), (last - 7, 7), (7, last - 7), (-1, 0), (0, code.size), (code.size, 3)] {
            #expect(!code.isDark(x: x, y: y), "(\(x), \(y))")
        }
    }

    @Test("a text too long for the level throws dataTooLong with a readable message")
    func tooLong() {
        let text = String(repeating: "a", count: 1_300)

        #expect {
            _ = try QRCode.encode(text, correction: .high)
        } throws: { error in
            guard case .dataTooLong(let needed, let available, let correction, let maximum) = error as? QRCodeError
            else {
                return false
            }
            let message = (error as? QRCodeError)?.description ?? ""
            return needed > available && available == 1_276 * 8 && correction == .high && maximum == 40
                && message.contains("error correction H") && message.contains("1276")
        }
        #expect(throws: QRCodeError.self) {
            _ = try QRCode.encode(SampleContent.passportURI, correction: .medium, maximumVersion: 4)
        }
        #expect((try? QRCode.encode(String(repeating: "a", count: 1_273), correction: .high)) != nil)
    }

    @Test("version bounds outside 1...40 are rejected", arguments: [(0, 40), (1, 41), (10, 9)])
    func invalidRange(minimum: Int, maximum: Int) {
        #expect(throws: QRCodeError.invalidVersionRange(minimum: minimum, maximum: maximum)) {
            _ = try QRCode.encode("A", minimumVersion: minimum, maximumVersion: maximum)
        }
    }

    @Test("encoding is deterministic")
    func deterministic() throws {
        #expect(try QRCode.encode(SampleContent.passportURI) == QRCode.encode(SampleContent.passportURI))
    }
}
