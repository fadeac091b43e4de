import Foundation
import Testing

@testable import QRCode

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// SVG and PNG output, checked without the encoder's own code where possible.
@Suite("Rendering")
struct QRRenderingTests {
    private let code: QRCode

    init() throws {
        code = try QRCode.encode(SampleContent.passportURI, correction: .medium)
    }

    @Test("the SVG is well-formed XML whose path covers exactly the dark modules")
    func svgMatchesModules() throws {
        let svg = code.svg(moduleSize: 5, quietZone: 4)
        let collector = SVGElementCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector

        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let root = try #require(collector.elements.first)
        let side = code.size + 8
        #expect(root.name == "svg")
        #expect(root.attributes["width"] == "\(side * 5)")
        #expect(root.attributes["viewBox"] == "0 0 \(side) \(side)")
        #expect(root.attributes["shape-rendering"] == "crispEdges")
        let paths = collector.elements.filter { $0.name == "path" }
        #expect(paths.count == 1)
        let drawn = try Self.darkModules(ofPath: try #require(paths.first?.attributes["d"]), quietZone: 4)
        let dark = Set(
            (0..<code.size).flatMap { y in
                (0..<code.size).filter { code.isDark(x: $0, y: y) }.map { [$0, y] }
            })
        #expect(drawn == dark)
    }

    @Test("the PNG has valid chunks and CRCs and its pixels are the modules with a quiet zone")
    func pngStructureAndPixels() throws {
        let png = code.png(scale: 3, quietZone: 4)
        let side = (code.size + 8) * 3

        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let chunks = try Self.chunks(of: png)
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        let header = chunks[0].data
        #expect(Self.bigEndian(header[0..<4]) == side && Self.bigEndian(header[4..<8]) == side)
        #expect(Array(header[8...]) == [1, 0, 0, 0, 0], "1-bit grayscale, no interlace")

        let scanlines = try ZlibInflater.inflate(chunks[1].data)
        let rowLength = (side + 7) / 8 + 1
        #expect(scanlines.count == rowLength * side)
        var mismatches = 0
        for y in 0..<side {
            #expect(scanlines[y * rowLength] == 0, "filter type none")
            for x in 0..<side {
                let white = scanlines[y * rowLength + 1 + x / 8] & (0x80 >> UInt8(x % 8)) != 0
                if white == code.isDark(x: x / 3 - 4, y: y / 3 - 4) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("PNGs stay small: the passport URI at 8 pixels a module is under 2 KB")
    func pngCompresses() {
        #expect(code.png().count < 2_048)
    }

    @Test("CRC-32 and Adler-32 give their published check values")
    func checksums() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Self.bitwiseCRC32(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test("the zlib stream inflates back to its input", arguments: [0, 1, 2, 3, 100, 70_000])
    func zlibRoundTrip(length: Int) throws {
        var generator = SplitMix64(seed: UInt64(length))
        let mixed = (0..<length).map { index in
            index % 300 < 150 ? UInt8(truncatingIfNeeded: generator.next()) : UInt8(index / 7 % 3)
        }

        #expect(try ZlibInflater.inflate(ZlibCompressor.compress(mixed, rowLength: 37)) == mixed)
    }

    /// Each chunk's type and data, after checking its CRC with a bitwise CRC-32.
    private static func chunks(of png: [UInt8]) throws -> [(type: String, data: [UInt8])] {
        var chunks: [(type: String, data: [UInt8])] = []
        var offset = 8
        while offset < png.count {
            let length = bigEndian(png[offset..<offset + 4])
            let typeAndData = Array(png[offset + 4..<offset + 8 + length])
            let crc = bigEndian(png[offset + 8 + length..<offset + 12 + length])
            #expect(UInt32(crc) == bitwiseCRC32(typeAndData))
            chunks.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        #expect(offset == png.count)
        return chunks
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    /// CRC-32 one bit at a time, independent of the table-driven implementation.
    private static func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    /// The modules a path of `M x y h w v1 h -w z` rectangles covers, without quiet zone.
    private static func darkModules(ofPath path: String, quietZone: Int) throws -> Set<[Int]> {
        var covered = Set<[Int]>()
        for rectangle in path.split(separator: "M") {
            let numbers = rectangle.split(whereSeparator: { "hvz ".contains($0) }).compactMap { Int($0) }
            let (x, y, width) = (numbers[0], numbers[1], numbers[2])
            #expect(numbers == [x, y, width, 1, -width], "\(rectangle)")
            for column in x..<x + width { covered.insert([column - quietZone, y - quietZone]) }
        }
        return covered
    }
}

/// A small seeded generator so that test data is the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
