import Testing

@testable import QRCode

/// Our PNGs decode, with zxing-cpp, to exactly the text that was encoded, at the version, level
/// and mask the encoder reports.
@Suite(
    "Round trip through an independent decoder",
    .enabled(if: ZxingDecoder.isInstalledOrRequired, ZxingDecoder.skipReason)
)
struct QRDecodeRoundTripTests {
    @Test("decodes Digital Link, Chinese, numeric and alphanumeric texts", arguments: RoundTripCase.contentCases)
    func decodesContent(_ sample: RoundTripCase) async throws {
        guard let observations = try await DecodedCorpus.observations() else { return }
        let observation = try #require(observations[sample])

        #expect(observation.decoded.text == observation.text)
        #expect(observation.decoded.version == observation.code.version)
        #expect(observation.decoded.ecLevel == sample.correction.rawValue)
        #expect(observation.decoded.mask == observation.code.mask)
        if let version = sample.version {
            #expect(observation.code.version == version)
            if version < 40 {
                let longer = sample.content.text(length: observation.text.count + 1)
                #expect(try QRCode.encode(longer, correction: sample.correction).version == version + 1)
            }
        }
    }

    @Test("a text filling each of the 160 versions and levels decodes")
    func decodesEveryVersionAndLevel() async throws {
        guard let observations = try await DecodedCorpus.observations() else { return }
        var failures: [String] = []
        for sample in RoundTripCase.sweepCases {
            let observation = try #require(observations[sample])
            let decoded = observation.decoded
            if observation.code.version != sample.version || decoded.text != observation.text
                || decoded.version != sample.version || decoded.ecLevel != sample.correction.rawValue
            {
                failures.append(
                    "\(sample.testDescription): encoded v\(observation.code.version), decoded "
                        + "v\(decoded.version.map(String.init) ?? "-")-\(decoded.ecLevel ?? "-"), "
                        + "text \(decoded.text == observation.text ? "matches" : "differs")")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
