import Testing

@testable import QRCode

/// One text to encode, render as PNG and decode with zxing-cpp.
struct RoundTripCase: Sendable, Hashable, CustomTestStringConvertible {
    /// What kind of text.
    let content: SampleContent
    /// The error correction level to encode at.
    let correction: QRErrorCorrection
    /// The version the text must fill exactly (the longest text that fits it), or nil to encode
    /// `SampleContent.passportURI` as it is.
    let version: Int?
    /// PNG pixels per module.
    let scale: Int

    /// Names the case in test output.
    var testDescription: String {
        "\(content.rawValue) \(version.map { "v\($0)" } ?? "natural")-\(correction.rawValue)"
    }

    /// The cases of the content test: versions 1–10 at every level with the content kinds in
    /// turn, the passport URI at every level at the default PNG scale, and a few large versions.
    static let contentCases: [RoundTripCase] = {
        let kinds: [SampleContent] = [.digitalLink, .chinese, .numeric, .alphanumeric]
        var cases: [RoundTripCase] = []
        for (levelIndex, correction) in QRErrorCorrection.allCases.enumerated() {
            for version in 1...10 {
                cases.append(
                    RoundTripCase(
                        content: kinds[(version + levelIndex) % kinds.count], correction: correction, version: version,
                        scale: 3))
            }
            cases.append(RoundTripCase(content: .digitalLink, correction: correction, version: nil, scale: 8))
        }
        cases.append(RoundTripCase(content: .digitalLink, correction: .medium, version: 15, scale: 3))
        cases.append(RoundTripCase(content: .chinese, correction: .quartile, version: 25, scale: 3))
        cases.append(RoundTripCase(content: .numeric, correction: .low, version: 40, scale: 2))
        cases.append(RoundTripCase(content: .alphanumeric, correction: .high, version: 40, scale: 2))
        return cases
    }()

    /// One lower-case text filling every version at every level, to check every block table entry.
    static let sweepCases: [RoundTripCase] = QRErrorCorrection.allCases.flatMap { correction in
        (1...40).map { RoundTripCase(content: .lowercase, correction: correction, version: $0, scale: 2) }
    }

    /// The text to encode: the longest text of the content kind that fits the version.
    func text() -> String {
        guard let version else { return SampleContent.passportURI }
        let capacity = QRVersion(version).dataCodewords(correction) * 8
        var fits = 0
        var tooLong = 1
        while Self.dataBits(content.text(length: tooLong), version: version) <= capacity {
            fits = tooLong
            tooLong *= 2
        }
        while tooLong - fits > 1 {
            let middle = (fits + tooLong) / 2
            if Self.dataBits(content.text(length: middle), version: version) <= capacity {
                fits = middle
            } else {
                tooLong = middle
            }
        }
        return content.text(length: fits)
    }

    /// Bits the encoder needs for a text at a version, from its segment plan.
    private static func dataBits(_ text: String, version: Int) -> Int {
        let bytes = Array(text.utf8)
        let sizeClass = QRSegmentMode.sizeClass(ofVersion: version)
        let announcement = bytes.contains { $0 >= 0x80 } ? 12 : 0
        let segments = QRSegmentPlanner.segments(for: bytes, sizeClass: sizeClass)
        return segments.reduce(announcement) { $0 + ($1.bitCount(sizeClass: sizeClass) ?? Int.max / 2) }
    }
}
